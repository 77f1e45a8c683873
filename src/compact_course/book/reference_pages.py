"""The glossary and sources pages, generated from ``data/glossary.yaml`` and ``data/sources.yaml``.

The glossary is a Sphinx glossary, so lessons link terms with ``{term}`VCS```. Each source
gets a label ``source-<id>`` that other pages cite with ``{ref}``.
"""

from __future__ import annotations

import re

from compact_course.book.pages import archived
from compact_course.core.course import Course
from compact_course.core.interface_models import fill
from compact_course.core.markdown import HEADER_MD, md_escape, role_title

SAFE_TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 '’()&,-]*$")


def glossary_md(course: Course) -> str:
    words = course.interface.book
    lines = [HEADER_MD, f"# {words.glossary_heading}", "", words.glossary_intro, "", "```{glossary}"]
    for term in sorted(course.terms, key=lambda t: t.term.casefold()):
        if not SAFE_TERM.match(term.term):
            raise ValueError(f"glossary term {term.term!r} has characters the glossary directive cannot take")
        lines.append(term.term)
        definition = md_escape(term.definition)
        if term.expansion:
            definition = f"*{md_escape(term.expansion)}*. {definition}"
        if term.see_also:
            names = ", ".join(f"{{term}}`{course.term(other).term}`" for other in term.see_also)
            definition += " " + fill(words.see_also, terms=names)
        if term.source:
            ref = f"{{ref}}`{role_title(course.source(term.source).title)} <source-{term.source}>`"
            definition += " " + fill(words.term_source, source=ref)
        lines.append(f"  {definition}")
        lines.append("")
    lines.append("```")
    return "\n".join(lines) + "\n"


def sources_md(course: Course) -> str:
    words = course.interface.book
    lines = [HEADER_MD, f"# {words.sources_heading}", "", words.sources_intro, ""]
    for source in sorted(course.sources, key=lambda s: (s.publisher.casefold(), s.title.casefold())):
        when = source.date or (str(source.year) if source.year else "")
        text = f"**{md_escape(source.title)}**. {md_escape(source.publisher)}"
        if when:
            text += f", {md_escape(when)}"
        text += "."
        if source.url:
            text += f" <{source.url}> ([{md_escape(course.interface.lesson.archived_copy)}](<{archived(source)}>))"
        lines += [f"(source-{source.id})=", text, ""]
    return "\n".join(lines)


def pages(course: Course) -> dict[str, str]:
    return {"book/glossary.md": glossary_md(course), "book/sources.md": sources_md(course)}
