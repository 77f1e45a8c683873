"""Prints worth keeping (issue 28, item 3): a lesson printed from the browser, read back with pypdf.

It starts with the course's name and the lesson's title, keeps the worked scenario and "What the
Compact suggests", prints each link's address once, and packs its questions (fewer sheets than
questions).
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from compact_course import cached_course
from compact_course.book.print_links import mark_address_links

LESSON_7 = "book/lessons/07-commissioning-and-decommissioning.html"


def _plain(text: str) -> str:
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb00", "ff").replace("\ufb02", "fl").split())


def test_a_link_whose_text_is_its_address_is_marked():
    body = (
        '<a href="http://www.nao.org.uk/decommissioning/">http://www.nao.org.uk/decommissioning/</a> '
        '<a class="reference external" href="https://example.org">example.org</a> '
        '<a href="https://web.archive.org/x">archived copy</a> <a href="#here">#here</a>'
    )
    marked = mark_address_links(body)
    assert marked.count("cc-address-shown") == 2
    assert 'class="reference external cc-address-shown"' in marked
    assert '<a href="https://web.archive.org/x">archived copy</a>' in marked
    assert mark_address_links(marked) == marked


@pytest.mark.browser
def test_a_printed_lesson_keeps_what_matters(page, tmp_path):
    course = cached_course()
    page.goto(LESSON_7)
    page.wait_for_load_state("load")
    suggestion = _plain(page.locator("details.cc-reveal p").first.inner_text())
    addresses = page.eval_on_selector_all("a.cc-address-shown", "(links) => links.map((a) => a.href)")
    questions = page.locator("form.cc-question").count()
    page.emulate_media(media="print")
    target = tmp_path / "lesson.pdf"
    page.pdf(path=str(target), format="A4")
    # In reading order, top to bottom, as a person sees the sheet.
    sheets = [_plain(sheet.extract_text(extraction_mode="layout")) for sheet in PdfReader(str(target)).pages]
    text = " ".join(sheets)

    lesson = course.lesson("commissioning-and-decommissioning")
    title = f"Lesson {course.lesson_number(lesson.id)}: {lesson.title}"
    course_name = page.locator(".logo__title").first.inner_text().strip()
    assert course_name == "Working with the Compact"
    assert sheets[0].index(course_name) < sheets[0].index(title) < 200, sheets[0][:300]

    assert "What the Compact suggests" in text and suggestion[:120] in text
    assert len(addresses) >= 3
    for address in addresses:
        shown = re.sub(r"^https?://", "", address)
        assert f"({address}" not in text.replace(" ", ""), address  # not repeated in brackets
        assert shown[:30] in text.replace(" ", "")

    with_questions = [s for s in sheets if re.search(r"Question \d+\.\d+", s)]
    assert len(with_questions) <= -(-questions // 2), f"{questions} questions on {len(with_questions)} sheets"
    assert page.locator("details.cc-answer").first.is_visible() is False  # answers stay folded away
