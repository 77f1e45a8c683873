"""The self-assessment in the static book, as a learner and a manager would check it (issue 12
item 7; issue 17 item 3): only the submitted attempt counts, unanswered questions are asked
about first, every question explains itself after submit, "Start again" asks before deleting,
the results say what each module's score rests on and which lessons are not yet studied, the
CSV has the date, a row per module and lesson and the overall tallies, the record prints alone with the
learner's name, and My progress shows the latest result.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from compact_course import cached_course
from compact_course.core.paths import course_title
from compact_course.learner.assessment import fixed_questions
from test_browser import LESSON_1, answer_by_mouse, check_by_mouse, correct_response, feedback, spec_of, wrong_response

pytestmark = pytest.mark.browser

PAGE = "book/self-assessment.html"
EXAM = "section.cc-quiz[data-mode=exam]"


@pytest.fixture
def words():
    return cached_course().interface


def exam_ids(page) -> list[str]:
    return page.evaluate(
        f"() => [...document.querySelectorAll('{EXAM} form.cc-question')].filter(f => !f.hidden).map(f => f.id)"
    )


def test_submit_asks_about_unanswered_questions_then_explains_every_question(page, words):
    page.goto(PAGE)
    ids = exam_ids(page)
    spec0, spec1 = spec_of(page, ids[0]), spec_of(page, ids[1])
    answer_by_mouse(page, ids[0], wrong_response(spec0))
    answer_by_mouse(page, ids[1], correct_response(spec1))
    page.get_by_role("button", name=words.exam.submit).click()
    ask = page.locator(".cc-confirm-submit")
    expected = words.exam.unanswered_ask.other.replace("{count}", str(len(ids) - 2)).replace("{total}", str(len(ids)))
    assert ask.is_visible() and expected in ask.inner_text()
    assert not page.locator(".cc-results").is_visible()  # nothing submitted yet
    page.get_by_role("button", name=words.exam.keep_answering).click()
    assert not ask.is_visible() and not page.locator(".cc-results").is_visible()
    assert page.evaluate("() => document.activeElement.closest('form').id") == ids[2]  # the first unanswered
    page.get_by_role("button", name=words.exam.submit).click()
    page.get_by_role("button", name=words.exam.submit_anyway).click()
    results = page.locator(".cc-results")
    assert results.is_visible()
    status = page.locator(".cc-submit-status").inner_text()
    assert status == words.exam.unanswered_after.other.replace("{count}", str(len(ids) - 2))
    for form_id in ids:  # every question explains itself, right, wrong or unanswered
        spec = spec_of(page, form_id)
        text = feedback(page, form_id)
        assert spec["explanation"] in text, form_id
        assert "Show answer" not in text and "Try again" not in text  # exam mode has neither button
    assert words.question.wrong in feedback(page, ids[0]) and words.question.right in feedback(page, ids[1])
    assert words.question.not_answered in feedback(page, ids[2])
    text = results.inner_text()
    assert f"Overall: 1 of {len(ids)} correct" in text
    for module in cached_course().modules:  # how many questions each module's score rests on
        number = cached_course().module_number(module.id)
        count = sum(1 for q in fixed_questions(cached_course()) if cached_course().module_of_question(q.id) == module)
        assert words.results.rests_on.other.replace("{number}", str(number)).replace("{count}", str(count)) in text
    assert words.results.revisit_heading in text and words.results.not_studied_heading in text
    assert results.locator("ul.cc-not-studied li").count() == len(cached_course().lessons)  # none studied yet
    assert page.errors == []


def test_only_the_submitted_attempt_counts_and_a_cleared_practice_answer_counts_nowhere(page, words):
    page.goto(PAGE)
    ids = exam_ids(page)
    page.locator(f"{EXAM} .cc-mode input[value=practice]").check()
    check_by_mouse(page, ids[0], correct_response(spec_of(page, ids[0])))
    page.locator(f"#{ids[0]} button[data-action=retry]").click()
    page.locator(f"{EXAM} .cc-mode input[value=exam]").check()
    page.get_by_role("button", name=words.exam.submit).click()
    page.get_by_role("button", name=words.exam.submit_anyway).click()
    overall = page.locator(".cc-results .cc-overall").inner_text()
    assert overall == words.results.overall_none.replace("{total}", str(len(ids)))  # not attempted
    assert "First attempts: 1 of 1 right." in page.locator(".cc-results .cc-first-attempts").inner_text()
    assert page.errors == []


def test_results_csv_and_the_record_prints_alone_with_a_name(page, words, tmp_path):
    course = cached_course()
    page.goto(LESSON_1)  # lesson 1 studied: not listed as not yet studied
    lesson_form = page.evaluate("() => document.querySelector('form.cc-question').id")
    check_by_mouse(page, lesson_form, correct_response(spec_of(page, lesson_form)))
    page.goto(PAGE)
    ids = exam_ids(page)
    responses = {}
    for index, form_id in enumerate(ids):
        spec = spec_of(page, form_id)
        responses[spec["id"]] = wrong_response(spec) if index == 0 else correct_response(spec)
        answer_by_mouse(page, form_id, responses[spec["id"]])
    page.get_by_role("button", name=words.exam.submit).click()  # all answered: no question asked
    results = page.locator(".cc-results")
    not_studied = results.locator("ul.cc-not-studied li").all_inner_texts()
    assert len(not_studied) == len(course.lessons) - 1 and not any("Lesson 1:" in t for t in not_studied)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=words.results.download_csv).click()
    csv_text = Path(download_info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[1][:2] == [date.today().isoformat(), "module"]
    overall = dict(zip(rows[0], rows[-1], strict=True))
    total = str(len(responses))
    assert [overall[k] for k in ("scope", "correct", "answered", "total")] == [
        "overall",
        str(len(ids) - 1),
        total,
        total,
    ]
    modules = [dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[1] == "module"]
    assert sum(int(row["correct"]) for row in modules) == len(ids) - 1
    assert [row["module"] for row in modules] == [m.id for m in course.modules]

    page.get_by_label(words.record.name_label).fill("Sam Learner")
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name=words.results.print).click()
    assert page.evaluate("() => window.printed === true")
    page.emulate_media(media="print")
    visible = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(n => n.getClientRects().length &&"
        " getComputedStyle(n).visibility === 'visible' && !n.closest('.cc-record')).map(n => n.tagName)"
    )
    assert visible == []  # only the results print, headed by the course's name and the learner's (issue 28)
    assert results.locator(".cc-record-course").inner_text() == course_title(course.root)
    assert results.locator(".cc-record-learner").inner_text() == "Sam Learner"
    assert not page.get_by_label(words.record.name_label).is_visible()  # the field stays on the screen
    assert not results.get_by_role("button", name=words.results.print).is_visible()
    # On paper (read back with pypdf): the course, the learner apart from the label, whole column headings.
    target = tmp_path / "results.pdf"
    page.pdf(path=str(target), format="A4")
    printed = " ".join(
        " ".join(sheet.extract_text(extraction_mode="layout").split()) for sheet in PdfReader(str(target)).pages
    )
    assert printed.startswith(words.results.heading)
    assert f"{words.record.course} {course_title(course.root)}" in printed
    assert f"{words.record.learner} Sam Learner" in printed
    tokens = set(printed.split())
    for heading in (words.results.column_module, words.results.column_correct, words.results.column_questions):
        assert heading in tokens, heading
    page.emulate_media(media="screen")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")

    page.goto("book/progress.html")  # My progress shows the latest self-assessment result
    latest = page.locator(".cc-latest-result").inner_text()
    assert f"{len(ids) - 1} of {len(ids)} correct" in latest and course.assessment.title in latest
    assert page.errors == []


def test_start_again_asks_before_it_deletes_a_result(page, words):
    page.goto(PAGE)
    ids = exam_ids(page)
    for form_id in ids:
        answer_by_mouse(page, form_id, correct_response(spec_of(page, form_id)))
    page.get_by_role("button", name=words.exam.submit).click()
    results = page.locator(".cc-results")
    assert results.is_visible()
    page.get_by_role("button", name=words.exam.start_again).click()
    ask = page.locator(".cc-confirm-restart")
    assert ask.is_visible() and words.exam.restart_ask in ask.inner_text()
    assert ask.get_attribute("role") == "group" and ask.get_attribute("aria-labelledby")
    page.keyboard.press("Escape")  # no: nothing deleted
    assert results.is_visible() and page.locator(".cc-submit-status").inner_text() == words.exam.restart_kept
    page.reload()
    assert page.locator(".cc-results").is_visible()
    page.get_by_role("button", name=words.exam.start_again).click()
    page.get_by_role("button", name=words.exam.restart_yes).click()
    assert not page.locator(".cc-results").is_visible()
    page.reload()
    assert not page.locator(".cc-results").is_visible()
    assert page.errors == []


def test_hidden_confirmation_steps_hold_their_buttons_words_from_the_start(page, words):
    # Issue 30: a hidden group is hidden, not empty: its buttons read as they will when shown.
    page.goto(PAGE)
    page.wait_for_selector(".cc-confirm-submit", state="attached")
    buttons = page.evaluate(
        """() => [...document.querySelectorAll('.cc-confirm')].map(box =>
            [box.hidden, [...box.querySelectorAll('button')].map(b => b.textContent)])"""
    )
    assert buttons, "no confirmation step on the page"
    found = {tuple(texts) for hidden, texts in buttons if hidden}
    assert (words.exam.submit_anyway, words.exam.keep_answering) in found
    assert (words.exam.restart_yes, words.exam.restart_no) in found
    assert all(text.strip() for _, texts in buttons for text in texts)
