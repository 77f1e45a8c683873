"""Issue 24 item 3: jargon explained where it is met, not only in a lesson's opening paragraph.

The first use of each glossary term in a lesson's key points, scenario, takeaway, discussion
prompts, quiz scenarios, prompts and explanations and Today note links to its glossary entry;
a term used on a page and never linked there is reported.
"""

from __future__ import annotations

import re

import pytest

from compact_course.book.glossary_links import TermLinker, lesson_texts, term_anchor, unexplained_terms
from compact_course.book.pages import lesson
from compact_course.core.course import cached_course
from compact_course.core.escaping import e

LESSON_IDS = [lesson_.id for lesson_ in cached_course().lessons]


@pytest.fixture(scope="module")
def course():
    return cached_course()


def _page_html(page) -> str:
    blocks = [page.key_points(), page.in_practice(), page.discussion(), page.today()]
    return "".join(block.html for block in blocks) + page.quiz().to_html()


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_every_glossary_term_used_on_a_lesson_page_is_linked_there(course, lesson_id):
    page = lesson(lesson_id, course)
    texts = lesson_texts(course, course.lesson(lesson_id))
    assert unexplained_terms(_page_html(page), page.link, texts) == []


def test_an_unlinked_page_is_reported(course):
    page = lesson("evidence-of-impact", course)
    page.link = e  # as the pages were before issue 24: every text escaped, nothing linked
    texts = lesson_texts(course, course.lesson("evidence-of-impact"))
    missing = unexplained_terms(_page_html(page), TermLinker(course, page.docname, texts), texts)
    assert "Compact Forum" in missing and "OCS" in missing


def test_the_named_jargon_is_linked_where_it_is_met(course):
    html = {lid: _page_html(lesson(lid, course)) for lid in LESSON_IDS}
    for term in ("VCS", "CVS", "NAO", "arm's-length body", "Compact Forum"):
        anchor = f'#{term_anchor(term)}"'
        assert any(anchor in page for page in html.values()), term


def test_only_the_first_use_on_a_page_is_linked(course):
    page = lesson("the-covenant-in-practice", course)
    html = _page_html(page)
    links = re.findall(r'href="\.\./glossary\.html#(term-[^"]+)"', html)
    assert links and len(links) == len(set(links))


def test_a_longer_term_wins_and_an_expansion_links_its_acronym(course):
    linker = TermLinker(
        course, "book/lessons/15-evidence-of-impact", ["It met the Compact Forum and the Office for Civil Society."]
    )
    html = linker("It met the Compact Forum and the Office for Civil Society.")
    assert '#term-Compact-Forum">Compact Forum</a>' in html
    assert '#term-OCS">Office for Civil Society</a>' in html
    assert "#term-the-Compact" not in html and "#term-civil-society" not in html


def test_linked_text_is_still_escaped(course):
    text = "A <b>VCS</b> & a CVS"
    html = TermLinker(course, "book/lessons/01-who-is-the-compact-for", [text])(text)
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert '#term-VCS">VCS</a>' in html and '#term-CVS">CVS</a>' in html
