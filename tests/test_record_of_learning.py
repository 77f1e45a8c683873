"""The record of learning on My progress (issue 28, item 3), as a learner and a manager would check it.

A learner answers a lesson quiz (one answer right, one right but then shown, one wrong) and part
of the self-assessment, types a name on My progress and prints the record: the PDF, read back
with pypdf, holds the course's name, the name apart from its label, the date, each lesson quiz's
result (the shown answer counts as not known), the self-assessment's result with the pass mark
from data/assessment.yaml, whole column headings and nothing else of the page. The CSV holds the
same, one row per module and lesson quiz with the learner's name, the course and the dates.
No heading or cell of the record splits a word at 320 to 430 px or in print.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from compact_course import cached_course
from compact_course.core.interface_models import fill
from compact_course.core.paths import course_title
from helpers import SPLIT_WORDS
from test_browser import LESSON_1, answer_by_mouse, check_by_mouse, correct_response, spec_of, wrong_response
from test_phone_tables import WIDTHS

pytestmark = pytest.mark.browser

PROGRESS = "book/progress.html"
EXAM = "section.cc-quiz[data-mode=exam]"
NAME = 'Sam "Jo" Learner, Jr'  # a comma and quotation marks: the CSV must quote them
RECORD = ".cc-learning-record"
# The record's words as the record's cells and list show them, checked where the page splits words.
RECORD_TEXT = ".cc-record th, .cc-record td, .cc-record caption, .cc-record dt, .cc-record dd"


def _plain(text: str) -> str:
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb00", "ff").replace("\ufb02", "fl").split())


def _study(page) -> dict:
    """Lesson 1: the first answer right, the second right and then shown, the third wrong; then
    three of the self-assessment's questions right, submitted. Returns what the record must say."""
    words = cached_course().interface
    page.goto(LESSON_1)
    ids = page.evaluate("() => [...document.querySelectorAll('section.cc-quiz form.cc-question')].map(f => f.id)")
    assert len(ids) >= 3
    check_by_mouse(page, ids[0], correct_response(spec_of(page, ids[0])))
    check_by_mouse(page, ids[1], correct_response(spec_of(page, ids[1])))
    shown = page.locator(f"#{ids[1]}")
    shown.locator("button[data-action=reveal]").click()
    shown.get_by_role("button", name=words.question.reveal_yes).click()
    check_by_mouse(page, ids[2], wrong_response(spec_of(page, ids[2])))
    page.goto("book/self-assessment.html")
    # The attempt's questions: the page holds the whole pool, the rest of it hidden.
    exam = page.evaluate(
        f"() => [...document.querySelectorAll('{EXAM} form.cc-question:not([hidden])')].map(f => f.id)"
    )
    for form_id in exam[:3]:
        answer_by_mouse(page, form_id, correct_response(spec_of(page, form_id)))
    page.get_by_role("button", name=words.exam.submit).click()
    page.get_by_role("button", name=words.exam.submit_anyway).click()
    page.locator(".cc-results").wait_for()
    return {"lesson_total": len(ids), "exam_total": len(exam), "percent": round(100 * 3 / len(exam) + 1e-9)}


def test_the_record_prints_and_downloads_everything_a_manager_needs(page, tmp_path):
    course = cached_course()
    words = course.interface
    mastery = course.assessment.mastery_score
    facts = _study(page)
    lesson = course.lessons[0]
    n = facts["lesson_total"]
    of = lambda count: fill(words.record.of, count=count, total=n)

    page.goto(PROGRESS)
    record = page.locator(RECORD)
    record.wait_for()
    page.get_by_label(words.record.name_label).fill(NAME)
    row = record.locator(f"tr[data-record-lesson={lesson.id}]")
    # Answered, right (the shown answer is not known), right first time, answers shown.
    assert row.locator("td").all_inner_texts() == [of(3), of(1), of(2), "1"]
    line = words.results.passed if facts["percent"] >= mastery else words.results.not_passed
    assert record.locator(".cc-pass-mark").inner_text() == fill(line, mastery=mastery)
    assert record.locator(".cc-record-learner").inner_text() == NAME

    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    record.get_by_role("button", name=words.record.print).click()
    assert page.evaluate("() => window.printed === true")
    assert page.evaluate("() => document.documentElement.classList.contains('cc-printing-record')")
    page.emulate_media(media="print")
    target = tmp_path / "record.pdf"
    page.pdf(path=str(target), format="A4")
    sheets = [_plain(sheet.extract_text(extraction_mode="layout")) for sheet in PdfReader(str(target)).pages]
    text = " ".join(sheets)
    title = course_title(course.root)
    assert title == "Working with the Compact"  # the book's title, _config.yml
    assert sheets[0].index(words.record.heading) < 200, sheets[0][:300]
    assert f"{words.record.course} {title}" in text
    assert f"{words.record.learner} {NAME}" in text  # the label apart from the name
    assert words.record.name_label not in text  # the field stays on the screen
    today = date.today()
    assert f"{words.record.date} {today.day} {today.strftime('%B %Y')}" in text
    # Lesson 1's row: its title (which may wrap in its cell) and its four results on its first line.
    found = re.search(
        r"Lesson 1: (.{1,60}?) " + re.escape(f"{of(3)} {of(1)} {of(2)} 1 ") + r"(.{0,40}?) Lesson 2:", text
    )
    assert found, text[:800]
    assert " ".join(found.groups()).split() == lesson.title.split()
    assert f"Lesson {len(course.lessons)}: " in text  # the whole record, over its sheets
    taken = fill(
        words.record.assessment,
        title=course.assessment.title,
        date=f"{today.day} {today.strftime('%B %Y')}",
        correct=3,
        total=facts["exam_total"],
        percent=facts["percent"],
    )
    assert taken in text and fill(line, mastery=mastery) in text
    tokens = set(text.replace("(", " ").replace(")", " ").split())
    for heading in (
        words.record.column_lesson,
        words.record.column_answered,
        words.record.column_right,
        words.record.column_first,
        words.record.column_shown,
    ):
        assert set(heading.split()) <= tokens, heading  # each word of each heading whole
    for other in (
        words.progress.left_heading,
        words.progress.actions_heading,
        words.record.print,
        words.record.intro[:40],
    ):
        assert other not in text  # only the record prints
    # In print, at the sheet's width, no cell, heading or fact splits a word.
    page.set_viewport_size({"width": 690, "height": 1000})
    assert page.evaluate(SPLIT_WORDS, RECORD_TEXT) == {"split": [], "wide": []}
    page.emulate_media(media="screen")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("() => document.documentElement.classList.contains('cc-printing-record')")

    with page.expect_download() as download_info:
        record.get_by_role("button", name=words.record.download_csv).click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with its mark, as a spreadsheet expects
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(course.modules) + len(course.lessons) + 1
    iso = today.isoformat()
    assert all(
        (r["learner"], r["course"], r["started"], r["last_activity"], r["record_date"]) == (NAME, title, iso, iso, iso)
        for r in rows
    )
    mine = next(r for r in rows if r["scope"] == "lesson" and r["lesson"] == lesson.id)
    assert [mine[k] for k in ("answered", "right", "total", "first_right", "answers_shown")] == [
        "3",
        "1",
        str(n),
        "2",
        "1",
    ]
    assert [r["lesson"] for r in rows if r["scope"] == "lesson"] == [le.id for le in course.lessons]
    sa = rows[-1]
    verdict = words.record.result_passed if facts["percent"] >= mastery else words.record.result_not_passed
    assert [sa["scope"], sa["title"], sa["right"], sa["total"], sa["percent"], sa["pass_mark"], sa["result"]] == [
        "self-assessment",
        course.assessment.title,
        "3",
        str(facts["exam_total"]),
        str(facts["percent"]),
        str(mastery),
        verdict,
    ]
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_record_splits_no_word_on_a_phone(page, width):
    words = cached_course().interface
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(LESSON_1)
    page.locator("section.cc-quiz form").first.locator("input").first.check()
    page.goto(PROGRESS)
    page.locator(f"{RECORD} table").first.wait_for()
    page.get_by_label(words.record.name_label).fill("Alexandria Featherstonehaugh-Montgomery")
    assert page.evaluate(SPLIT_WORDS, RECORD_TEXT) == {"split": [], "wide": []}
    cell = page.locator(f"{RECORD} td").first
    assert cell.get_attribute("data-label") == words.record.column_answered  # stacked, each cell labelled
    assert page.errors == []


def test_the_typed_name_survives_a_redraw_and_is_never_saved(page):
    words = cached_course().interface
    page.goto(PROGRESS)
    page.get_by_label(words.record.name_label).fill(NAME)
    page.evaluate("() => window.dispatchEvent(new StorageEvent('storage', { key: null }))")  # another tab saved
    assert page.get_by_label(words.record.name_label).input_value() == NAME
    saved = page.evaluate("() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join(' ')")
    assert "Learner" not in saved
