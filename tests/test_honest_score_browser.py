"""An honest score in the browser (issue 25.5): the pass mark before the attempt and beside the
result, an answer seen in practice counting as not known after a switch to exam mode, and every new
exam attempt drawing its questions afresh and saying, before it starts, how many came up before."""

from __future__ import annotations

import pytest

from compact_course import cached_course
from compact_course.core.interface_models import fill
from test_browser import answer_by_mouse, correct_response, spec_of, wrong_response

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


def start_again(page, words) -> None:
    page.get_by_role("button", name=words.start_again).click()
    page.get_by_role("button", name=words.restart_yes).click()


def drawn_by_the_script(page, course, attempt: int, seen: set[str]) -> list[str]:
    """The set draw.js gives attempt ``attempt`` after ``seen``, as DOM ids."""
    pool = [
        {"id": q.id, "module": {"id": m.id, "number": course.module_number(m.id)}}
        for q in course.pool_questions()
        for m in [course.module_of_question(q.id)]
    ]
    draw = course.assessment.draw
    ids = page.evaluate(
        "([pool, seed, n, seen]) => window.CompactQuiz.drawIds(pool, seed, n, new Set(seen))",
        [pool, draw.seed + attempt, draw.per_module, sorted(seen)],
    )
    return [f"sa-{qid}" for qid in ids]


def seen_words(words, repeats: int, total: int) -> str:
    if repeats == 0:
        return fill(words.seen_none, total=total)
    return fill(words.seen.one if repeats == 1 else words.seen.other, count=repeats, total=total)


def test_every_new_exam_attempt_draws_afresh_and_says_how_many_came_up_before(page):
    course = cached_course()
    words = course.interface.exam
    per_attempt = course.assessment.draw.per_module * len(course.modules)
    page.goto("book/self-assessment.html")
    first_set = exam_ids(page)
    assert first_set == [f"sa-{qid}" for qid in course.assessment.fixed]  # the first attempt: the fixed set
    assert not page.locator(f"{EXAM} .cc-attempt").is_visible()
    for form_id in first_set:
        answer_by_mouse(page, form_id, correct_response(spec_of(page, form_id)))
    page.get_by_role("button", name=words.submit).click()
    start_again(page, words)

    second_set = exam_ids(page)
    assert len(second_set) == per_attempt and set(second_set).isdisjoint(first_set)
    assert second_set == drawn_by_the_script(page, course, 2, {i[3:] for i in first_set})
    said = fill(words.attempt, attempt=2) + " " + seen_words(words, 0, per_attempt)
    assert page.locator(f"{EXAM} .cc-attempt").inner_text() == said  # before the learner starts
    status = page.locator(".cc-submit-status").inner_text()
    assert words.new_set in status and seen_words(words, 0, per_attempt) in status
    for form_id in second_set:  # in exam mode, as the attempt before: no checking, no feedback
        assert not page.locator(f"#{form_id} button[data-action=check]").is_visible()
    numbers = [page.locator(f"#{i} .cc-number").inner_text() for i in second_set]
    assert numbers == [fill(words.question_number, number=n, total=per_attempt) for n in range(1, per_attempt + 1)]

    # The drawn set is what is scored, and it is kept after a reload with its result.
    for index, form_id in enumerate(second_set):
        spec = spec_of(page, form_id)
        answer_by_mouse(page, form_id, wrong_response(spec) if index == 0 else correct_response(spec))
    page.get_by_role("button", name=words.submit).click()
    results = page.locator(".cc-results")
    assert f"Overall: {per_attempt - 1} of {per_attempt} correct" in results.inner_text()
    page.reload()
    assert exam_ids(page) == second_set
    assert page.locator(".cc-results").is_visible()
    assert page.locator(f"{EXAM} .cc-attempt").inner_text() == said

    # Each module's 15 questions run out after five attempts: the sixth repeats, and says so.
    seen = {i[3:] for i in first_set + second_set}
    for attempt in range(3, 7):
        start_again(page, words)
        drawn = exam_ids(page)
        assert drawn == drawn_by_the_script(page, course, attempt, seen)
        repeats = sum(i[3:] in seen for i in drawn)
        assert repeats == (0 if attempt < 6 else per_attempt)
        assert seen_words(words, repeats, per_attempt) in page.locator(".cc-submit-status").inner_text()
        line = page.locator(f"{EXAM} .cc-attempt").inner_text()
        assert line == fill(words.attempt, attempt=attempt) + " " + seen_words(words, repeats, per_attempt)
        seen |= {i[3:] for i in drawn}
    assert seen == {q.id for q in course.pool_questions()}
    assert page.errors == []
