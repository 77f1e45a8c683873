"""The results' words exist once (data/interface.yaml), shared by Python and the static book's
script, and what the results say beyond the score: first attempts, the lessons not yet
studied, how many questions each module's score rests on, and the exam's explanations."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest
from pydantic import ValidationError

from compact_course.book.sphinx_ext import course_manifest
from compact_course.core.interface_models import InterfaceText, Plural, fill
from compact_course.learner import assessment as a
from compact_course.learner.live import LiveAssessment
from compact_course.learner.progress import Progress
from compact_course.learner.results import AssessmentResult
from compact_course.quiz.html import render_question_html
from compact_course.quiz.scoring import score_question
from helpers import real_course, right, wrong

SCRIPT = Path(__file__).resolve().parents[1] / "src" / "compact_course" / "static" / "src"


@pytest.fixture(scope="module")
def course():
    return real_course()


def test_the_results_heading_is_one_sentence_in_data_used_by_python_and_the_script(course):
    words = course.interface.results
    result = AssessmentResult(course, a.fixed_questions(course), {})
    assert f"<h3>{escape(words.revisit_heading)}</h3>" in result.to_html()
    assert course_manifest(course)["text"] == course.interface.model_dump()  # what the script reads
    sources = "".join(path.read_text(encoding="utf-8") for path in SCRIPT.glob("*.js"))
    for sentence in ("What to revise", "Lessons to revisit", words.revisit_intro, words.revisit_none, "Try again, or"):
        assert sentence not in sources


def test_placeholders_are_checked_and_filled_strictly():
    assert fill("{count} of {total}", count=2, total=3) == "2 of 3"
    with pytest.raises(KeyError):
        fill("{count} of {total}", count=2)
    with pytest.raises(ValidationError, match="braces"):
        Plural.model_validate({"one": "a {Count}", "other": "b"})
    assert Plural(one="1 question", other="{count} questions").fill(3) == "3 questions"
    assert "storage" in InterfaceText.model_fields


def test_first_attempts_come_from_saved_records_and_are_counted_apart(course):
    questions = a.fixed_questions(course)
    progress = Progress()
    first, second = questions[:2]
    progress.record(first, wrong(first), score_question(first, wrong(first)), "2026-01-01T00:00:00.000Z")
    progress.record(first, right(first), score_question(first, right(first)), "2026-01-01T00:01:00.000Z")
    progress.record(second, right(second), score_question(second, right(second)), "2026-01-01T00:02:00.000Z")
    progress.clear(second, "2026-01-01T00:03:00.000Z")  # a cleared answer counts nowhere; its first stays
    responses = {q.id: progress.records[q.id] for q in (first, second)}
    result = AssessmentResult(course, questions, responses, date="2026-01-02")
    assert (result.tally.answered, result.tally.correct) == (1, 1)
    assert (result.first.answered, result.first.correct) == (2, 1)
    assert [o.first_correct for o in result.outcomes[:3]] == [False, True, None]
    assert result.to_csv().splitlines()[-1].endswith(",1,2")


def test_results_list_lessons_not_yet_studied_and_what_each_module_rests_on(course):
    progress = Progress()
    studied = course.lessons[0]
    for question in course.quiz_for(studied.id).questions:
        progress.record(question, right(question), score_question(question, right(question)), "t")
    result = AssessmentResult(course, a.fixed_questions(course), {}, progress=progress.status(course))
    words = course.interface.results
    not_studied = result.not_studied()
    assert not_studied is not None
    assert [item.lesson_id for item in not_studied] == [lesson.id for lesson in course.lessons[1:]]
    html = result.to_html()
    assert escape(words.not_studied_heading) in html and f"Lesson 2: {escape(course.lessons[1].title)}" in html
    for score in result.modules:
        assert escape(words.rests_on.fill(score.tally.total, number=score.number)) in html
    assert AssessmentResult(course, a.fixed_questions(course), {}).not_studied() is None


def test_a_static_answer_never_ends_an_option_with_two_full_stops(course):
    html = ""
    for question in course.all_questions():
        html += render_question_html(course, question, 1, 1)
    assert not re.search(r"\.</strong>\.", html)


def test_exam_mode_shows_every_explanation_after_submit_right_or_wrong(course, tmp_path):
    live = LiveAssessment(course, a.fixed_questions(course), "exam", progress_path=tmp_path / "p.json")
    first, second = live.questions[:2]
    first.set_response(wrong(first.question))
    second.set_response(right(second.question))
    live.submit()
    assert escape(first.question.explanation) in first.feedback.value
    assert escape(second.question.explanation) in second.feedback.value
    assert live.result is not None and live.result.date == live.today().isoformat()
