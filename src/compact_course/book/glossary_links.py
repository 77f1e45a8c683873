"""Jargon explained where it is met: the first use of each glossary term on a lesson page links to it.

A lesson page is built from blocks (key points, the scenario and its takeaway, discussion
prompts, the quiz's scenarios, prompts and explanations, the Today note). :class:`TermLinker`
reads them in page order once, notes the text in which each glossary term of
``data/glossary.yaml`` is first used, and when that text is rendered links the term to its
entry on the glossary page (``#term-…``, the anchor Sphinx gives a glossary entry, which the
tooltip script ``compact-glossary.js`` also reads). Everything else is escaped with
:func:`~compact_course.core.escaping.e`. The result does not depend on the order in which a
page's blocks are rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.links import relative_link

GLOSSARY_PAGE = "book/glossary"


def term_anchor(term: str) -> str:
    """The id Sphinx gives a glossary entry: ``term-`` and the term, each run of other characters a hyphen."""
    return "term-" + re.sub(r"[^A-Za-z0-9]+", "-", term).strip("-")


def _is_acronym(term: str) -> bool:
    return term.isupper()


def _spellings(terms: list[m.Term]) -> list[tuple[str, int]]:
    """Every way a term is written (the term, and an acronym's expansion), with its term's index, longest first."""
    spellings = [(term.term, i) for i, term in enumerate(terms)]
    spellings += [(term.expansion, i) for i, term in enumerate(terms) if term.expansion and _is_acronym(term.term)]
    return sorted(spellings, key=lambda pair: len(pair[0]), reverse=True)


def term_pattern(terms: list[m.Term]) -> re.Pattern[str]:
    """One pattern for every spelling, longest first; acronyms match in capitals only, others in any case.

    A spelling is not matched where it runs on into a longer term ("the Compact" in "the Compact
    Forum", "local Compact" in "local Compact group"), so the longer term gets the link.
    """
    words = [term.term for term in terms]
    parts: list[str] = []
    for spelling, index in _spellings(terms):
        stem, plural = (spelling[:-1], "(?:y|ies)") if spelling.endswith("y") else (spelling, "s?")
        body = re.escape(stem) if _is_acronym(spelling) else f"(?i:{re.escape(stem)})"
        last = spelling.split()[-1]
        runs_on = [w[len(last) + 1 :] for w in words if w.startswith(last + " ")]
        ahead = "(?!\\s+(?:" + "|".join(re.escape(r) for r in runs_on) + ")\\b)" if runs_on else ""
        parts.append(f"(?P<t{index}_{len(parts)}>\\b{body}{plural}\\b{ahead})")
    return re.compile("|".join(parts))


class TermLinker:
    """Links the first use of each glossary term among a page's texts (given in page order)."""

    def __init__(self, course: Course, docname: str, texts: Iterable[str]):
        self.terms = sorted(course.terms, key=lambda t: len(t.term), reverse=True)
        self.pattern = term_pattern(self.terms)
        self.href = relative_link(docname, GLOSSARY_PAGE)
        self.first: dict[str, str] = {}  # term -> the text that uses it first
        for text in texts:
            for term in self.terms_in(text):
                self.first.setdefault(term.term, text)

    def terms_in(self, text: str) -> list[m.Term]:
        return [self._term(match) for match in self.pattern.finditer(text)]

    def _term(self, match: re.Match[str]) -> m.Term:
        return self.terms[int(str(match.lastgroup)[1:].split("_")[0])]

    def __call__(self, text: str) -> str:
        """The text as escaped HTML, with the page's first use of each term linked to the glossary."""
        out, last, linked = [], 0, set()
        for match in self.pattern.finditer(text):
            term = self._term(match)
            if self.first.get(term.term) != text or term.term in linked:
                continue
            linked.add(term.term)
            out.append(e(text[last : match.start()]))
            out.append(f'<a class="cc-term" href="{e(self.href)}#{e(term_anchor(term.term))}">{e(match.group(0))}</a>')
            last = match.end()
        out.append(e(text[last:]))
        return "".join(out)


def lesson_texts(course: Course, lesson: m.Lesson) -> list[str]:
    """A lesson page's linkable texts in page order (what :class:`TermLinker` reads)."""
    texts = list(lesson.key_points)
    texts += [lesson.in_practice.scenario, lesson.in_practice.takeaway]
    texts += [prompt.prompt for prompt in lesson.discussion]
    for question in course.quiz_for(lesson.id).questions:
        texts += [getattr(question, "scenario", ""), question.prompt, question.explanation]
    if lesson.today:
        texts.append(lesson.today.text)
    return [text for text in texts if text]


def unexplained_terms(page_html: str, linker: TermLinker, texts: Iterable[str]) -> list[str]:
    """Glossary terms the texts use that the page's HTML never links to its glossary entry."""
    used = {term.term for text in texts for term in linker.terms_in(text)}
    return sorted(term for term in used if f'#{term_anchor(term)}"' not in page_html)
