"""An honest score in the browser (issue 25.5): the pass mark before the attempt and beside the
result, an answer seen in practice counting as not known after a switch to exam mode, and a new
attempt on the fresh-draw page drawing a new set and saying how many questions came up before."""

from __future__ import annotations

import pytest

from compact_course import cached_course
from compact_course.core.interface_models import fill
from test_browser import answer_by_mouse, correct_response, spec_of

pytestmark = pytest.mark.browser

EXAM = "section.cc-quiz[data-mode=exam]"


def exam_ids(page) -> list[str]:
    return page.evaluate(
        f"() => [...document.querySelectorAll('{EXAM} form.cc-question')].filter(f => !f.hidden).map(f => f.id)"
    )


def test_an_answer_seen_in_practice_counts_as_not_known_in_exam_mode_and_the_pass_mark_is_stated(page):
    course = cached_course()
    words = course.interface
    mastery = course.assessment.mastery_score
    page.goto("book/self-assessment.html")
    assert fill(words.quiz.pass_mark, percent=mastery) in page.locator(f"{EXAM} .cc-quiz-intro").inner_text()
    ids = exam_ids(page)
    page.locator(f"{EXAM} .cc-mode input[value=practice]").check()
    first = page.locator(f"#{ids[0]}")
    first.locator("button[data-action=reveal]").click()
    first.get_by_role("button", name=words.question.reveal_yes).click()
    for form_id in ids:
        answer_by_mouse(page, form_id, correct_response(spec_of(page, form_id)))
    page.locator(f"{EXAM} .cc-mode input[value=exam]").check()
    page.get_by_role("button", name=words.exam.submit).click()
    results = page.locator(".cc-results")
    total = len(ids)
    assert f"Overall: {total - 1} of {total} correct" in results.inner_text()
    assert words.results.revealed.one in results.inner_text()
    percent = round(100 * (total - 1) / total + 1e-9)
    line = words.results.passed if percent >= mastery else words.results.not_passed
    assert results.locator(".cc-pass-mark").inner_text() == fill(line, mastery=mastery)
    assert page.errors == []


def test_a_new_attempt_on_the_fresh_draw_page_draws_a_new_set_and_says_what_came_up_before(page):
    words = cached_course().interface.exam
    page.goto("book/self-assessment-draw.html")
    first_set = exam_ids(page)
    seed = page.locator(f"{EXAM}").get_attribute("data-drawn-seed")
    for form_id in first_set:
        answer_by_mouse(page, form_id, correct_response(spec_of(page, form_id)))
    page.get_by_role("button", name=words.submit).click()
    page.get_by_role("button", name=words.start_again).click()
    page.get_by_role("button", name=words.restart_yes).click()
    second_set = exam_ids(page)
    assert page.locator(f"{EXAM}").get_attribute("data-drawn-seed") != seed
    repeats = len(set(first_set) & set(second_set))
    assert repeats < len(first_set)
    status = page.locator(".cc-submit-status").inner_text()
    assert words.new_set in status
    expected = (
        fill(words.seen_none, total=len(second_set))
        if repeats == 0
        else fill(words.seen.one if repeats == 1 else words.seen.other, count=repeats, total=len(second_set))
    )
    assert expected in status
    assert page.errors == []
