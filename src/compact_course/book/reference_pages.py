"""The glossary and sources pages, generated from ``data/glossary.yaml`` and ``data/sources.yaml``.

The glossary is a Sphinx glossary, so lessons link terms with ``{term}`VCS```. Each source
gets a label ``source-<id>`` that other pages cite with ``{ref}``.
"""

from __future__ import annotations

import re

from compact_course.book.pages import archived
from compact_course.core.course import Course
from compact_course.core.markdown import HEADER_MD, md_escape, role_title

SAFE_TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 '’()&,-]*$")


def glossary_md(course: Course) -> str:
    lines = [
        HEADER_MD,
        "# Glossary",
        "",
        "Terms and acronyms used in the course, in plain English. Where a body has since changed, the "
        "definition describes its role as the Q&A (around 2014) uses it.",
        "",
        "```{glossary}",
    ]
    for term in sorted(course.terms, key=lambda t: t.term.casefold()):
        if not SAFE_TERM.match(term.term):
            raise ValueError(f"glossary term {term.term!r} has characters the glossary directive cannot take")
        lines.append(term.term)
        definition = md_escape(term.definition)
        if term.expansion:
            definition = f"*{md_escape(term.expansion)}*. {definition}"
        if term.see_also:
            names = ", ".join(f"{{term}}`{course.term(other).term}`" for other in term.see_also)
            definition += f" See also: {names}."
        if term.source:
            definition += f" Source: {{ref}}`{role_title(course.source(term.source).title)} <source-{term.source}>`."
        lines.append(f"  {definition}")
        lines.append("")
    lines.append("```")
    return "\n".join(lines) + "\n"


def sources_md(course: Course) -> str:
    lines = [
        HEADER_MD,
        "# Sources",
        "",
        "Every document, page and organisation the course cites. Many of the original addresses no longer work; "
        "each has a link to an archived copy (the Internet Archive's Wayback Machine).",
        "",
    ]
    for source in sorted(course.sources, key=lambda s: (s.publisher.casefold(), s.title.casefold())):
        when = source.date or (str(source.year) if source.year else "")
        text = f"**{md_escape(source.title)}**. {md_escape(source.publisher)}"
        if when:
            text += f", {md_escape(when)}"
        text += "."
        if source.url:
            text += f" <{source.url}> ([archived copy](<{archived(source)}>))"
        lines += [f"(source-{source.id})=", text, ""]
    return "\n".join(lines)


def pages(course: Course) -> dict[str, str]:
    return {"book/glossary.md": glossary_md(course), "book/sources.md": sources_md(course)}
