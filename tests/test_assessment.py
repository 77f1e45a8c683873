"""The self-assessment: the fixed selection, scoring, revision advice, exports, record of learning,
live widget. (The seeded draw itself is tested in ``test_order.py``.)"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from html import escape
from html.parser import HTMLParser

import pytest

from compact_course.core import models as m
from compact_course.core.chart import Chart
from compact_course.core.course import load_course
from compact_course.core.links import relative_link
from compact_course.core.tally import Tally
from compact_course.learner import assessment as a
from compact_course.learner.live import LiveAssessment
from compact_course.learner.progress import Progress, ProgressRecord
from compact_course.learner.progress_store import ProgressTracker, load_progress
from compact_course.learner.record import record_of_learning
from compact_course.learner.results import CSV_COLUMNS, AssessmentResult
from compact_course.quiz.order import draw_questions
from compact_course.quiz.placement import lesson_of_question
from compact_course.quiz.quiz import Quiz
from compact_course.quiz.scoring import fingerprint, score_question
from helpers import course_copy, edit, real_course, right, wrong


@pytest.fixture(scope="module")
def course():
    return real_course()


def test_fixed_selection_is_the_data_files_list_in_order(course):
    assert [q.id for q in a.fixed_questions(course)] == list(course.assessment.fixed)
    assert a.self_assessment(course).questions == a.fixed_questions(course)


# --- Scoring -------------------------------------------------------------------------------


def test_all_right(course):
    questions = a.fixed_questions(course)
    result = AssessmentResult(course, questions, {q.id: right(q) for q in questions})
    assert (result.tally.correct, result.tally.answered, result.tally.total, result.tally.percent) == (
        len(questions),
    ) * 3 + (100,)
    assert result.missed == () and result.revision_advice() == ()
    assert all(s.tally.percent == 100 and s.status == "attempted" for s in result.modules)
    assert "nothing to revisit" in result.to_html()


def test_all_wrong(course):
    questions = a.fixed_questions(course)
    result = AssessmentResult(course, questions, {q.id: wrong(q) for q in questions})
    assert (result.tally.correct, result.tally.answered, result.tally.percent, result.status) == (
        0,
        len(questions),
        0,
        "attempted",
    )
    assert result.missed == tuple(q.id for q in questions)
    assert {o.status for o in result.outcomes} == {"incorrect"}
    lessons = {lesson_of_question(course, q).id for q in questions}
    assert {item.lesson_id for item in result.revision_advice()} == lessons


@pytest.mark.parametrize("responses", [None, {}])
def test_nothing_answered_is_not_attempted(course, responses):
    questions = a.fixed_questions(course)
    result = AssessmentResult(course, questions, responses)
    assert not result.tally.attempted and result.status == "not attempted"
    assert (result.tally.correct, result.tally.answered, result.tally.percent) == (0, 0, 0)
    assert result.summary().startswith("Not attempted")
    assert {o.status for o in result.outcomes} == {"unanswered"}
    assert all(s.status == "not attempted" for s in result.modules)
    assert sum(item.missed for item in result.revision_advice()) == len(questions)
    assert "not attempted" in result.to_html()
    assert "not attempted" in result.chart().alt


def test_empty_responses_count_as_unanswered(course):
    questions = a.fixed_questions(course)
    empties = {
        q.id: ({} if isinstance(q, m.Matching) else [] if isinstance(q, m.MultipleSelect) else None) for q in questions
    }
    assert AssessmentResult(course, questions, empties).tally.answered == 0


def test_partial_attempt_scores_per_module_in_course_order(course):
    questions = a.fixed_questions(course)
    responses = {q.id: right(q) for q in questions[::2]}
    responses.update({q.id: wrong(q) for q in questions[1::4]})
    result = AssessmentResult(course, questions, responses)
    assert result.tally.correct == len(questions[::2])
    assert result.tally.answered == len(responses)
    assert [s.module_id for s in result.modules] == [
        mod.id
        for mod in course.modules
        if any(lesson_of_question(course, q).id in {l.id for l in mod.lessons} for q in questions)
    ]
    for score in result.modules:
        mine = [q for q in questions if course.module_of(lesson_of_question(course, q).id).id == score.module_id]
        assert score.tally.total == len(mine)
        assert score.tally.correct == sum(score_question(q, responses.get(q.id)).correct for q in mine)
        assert score.number == course.module_number(score.module_id)
    assert Tally.sum(s.tally for s in result.modules) == result.tally


def test_revision_advice_ranks_by_missed_then_share_then_course_order(course):
    lessons = course.lessons
    plan = {4: (3, 3), 2: (2, 2), 0: (3, 2), 5: (1, 1), 6: (1, 1), 1: (2, 1), 3: (2, 0)}  # index: (asked, missed)
    questions, responses = [], {}
    for index, (asked, missed) in plan.items():
        chosen = course.quiz_for(lessons[index].id).questions[:asked]
        for n, question in enumerate(chosen):
            questions.append(question)
            if n >= missed:
                responses[question.id] = right(question)
            elif n % 2:
                responses[question.id] = wrong(question)  # the rest stay unanswered: missed either way
    questions.reverse()  # input order must not decide the ranking
    advice = AssessmentResult(course, questions, responses).revision_advice()
    assert [item.lesson_id for item in advice] == [lessons[i].id for i in (4, 2, 0, 5, 6, 1)]
    top = advice[0]
    assert (top.missed, top.total, top.number, top.title) == (3, 3, 5, lessons[4].title)
    assert top.link == relative_link("book/self-assessment", course.lesson_docname(lessons[4].id))
    assert top.link.startswith("lessons/") and top.link.endswith(".html")
    assert set(top.question_ids) == {q.id for q in course.quiz_for(lessons[4].id).questions[:3]}


def test_response_with_current_fingerprint_counts_and_older_one_is_ignored(course):
    first, second, third = a.fixed_questions(course)[:3]
    responses = {
        first.id: {"answer": right(first), "fingerprint": fingerprint(first)},
        second.id: {"answer": right(second), "fingerprint": "000000000000"},
        third.id: ProgressRecord(third.id, right(third), True, fingerprint(third), "t"),
    }
    result = AssessmentResult(course, (first, second, third), responses)
    assert [o.status for o in result.outcomes] == ["correct", "unanswered", "correct"]
    assert result.changed == (second.id,)
    assert "earlier version" in result.to_html()
    with pytest.raises(ValueError, match="answer"):
        AssessmentResult(course, (first,), {first.id: {"fingerprint": fingerprint(first)}})


def test_answers_saved_before_a_question_changed_are_not_counted(tmp_path, course):
    question = a.fixed_questions(course)[0]
    saved = {question.id: {"answer": right(question), "fingerprint": fingerprint(question)}}
    module = course.module_of_question(question.id)
    root = course_copy(tmp_path)
    edit(root, f"quizzes/assessment/{module.id}.yaml", question.explanation, question.explanation + " Revised.")
    edited = load_course(root)
    result = AssessmentResult(edited, a.fixed_questions(edited), saved)
    assert result.changed == (question.id,) and result.tally.answered == 0
    assert AssessmentResult(course, a.fixed_questions(course), saved).tally.correct == 1


def test_bad_input_is_named(course):
    questions = a.fixed_questions(course)
    with pytest.raises(ValueError, match="q-not-in-this-assessment"):
        AssessmentResult(course, questions, {"q-not-in-this-assessment": "a"})
    with pytest.raises(ValueError, match="more than once"):
        AssessmentResult(course, questions + questions[:1], {})
    with pytest.raises(ValueError, match="at least one question"):
        AssessmentResult(course, (), {})
    with pytest.raises(ValueError, match=questions[0].id):
        AssessmentResult(course, questions, {questions[0].id: "zz"})


# --- Exports and display -------------------------------------------------------------------


@pytest.fixture
def mixed(course):
    questions = a.fixed_questions(course)
    responses = {q.id: (right(q) if i % 3 else wrong(q)) for i, q in enumerate(questions) if i != 1}
    return AssessmentResult(course, questions, responses)


def test_csv_has_the_date_a_row_per_module_its_lessons_and_an_overall_row(mixed):
    text = mixed.to_csv()
    assert text == mixed.to_csv()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {r["date"] for r in rows} == {mixed.date}
    module_rows = [r for r in rows if r["scope"] == "module"]
    assert [r["module"] for r in module_rows] == [s.module_id for s in mixed.modules]
    for row, score in zip(module_rows, mixed.modules):
        assert (row["title"], int(row["correct"]), int(row["total"]), int(row["percent"])) == (
            score.title,
            score.tally.correct,
            score.tally.total,
            score.tally.percent,
        )
    lesson_rows = [r for r in rows if r["scope"] == "lesson"]
    assert [r["lesson"] for r in lesson_rows] == [s.lesson_id for s in mixed.lessons]
    assert sum(int(r["total"]) for r in lesson_rows) == len(mixed.questions)
    # Plain titles: the lesson's and module's own, with no "Lesson 3:" or "Module 1:" prefix.
    assert [r["title"] for r in lesson_rows] == [mixed.course.lesson(s.lesson_id).title for s in mixed.lessons]
    assert not any(r["title"].startswith(("Lesson ", "Module ")) for r in rows)
    assert int(rows[-1]["first_answered"]) == mixed.first.answered
    overall = rows[-1]
    assert (overall["scope"], int(overall["correct"]), int(overall["answered"]), int(overall["total"])) == (
        "overall",
        mixed.tally.correct,
        mixed.tally.answered,
        mixed.tally.total,
    )


def test_json_export_holds_overall_modules_questions_and_advice(mixed):
    data = json.loads(mixed.to_json())
    assert data["format"] == "compact-course-assessment-results"
    assert data["overall"] == {
        "correct": mixed.tally.correct,
        "answered": mixed.tally.answered,
        "total": mixed.tally.total,
        "percent": mixed.tally.percent,
        "status": "attempted",
        "first": {"correct": mixed.first.correct, "answered": mixed.first.answered},
    }
    assert data["date"] == mixed.date and data["not_studied"] == []
    assert [mod["module"] for mod in data["modules"]] == [s.module_id for s in mixed.modules]
    assert [q["question"] for q in data["questions"]] == [q.id for q in mixed.questions]
    assert [item["lesson"] for item in data["advice"]] == [item.lesson_id for item in mixed.revision_advice()]
    assert data["questions"][1]["status"] == "unanswered"


def test_chart_shows_every_module_with_values_alt_text_and_table(mixed):
    chart = mixed.chart()
    assert isinstance(chart, Chart)
    bars = chart.figure.axes[0].patches
    assert [bar.get_width() for bar in bars] == [s.tally.percent for s in mixed.modules]
    assert len({bar.get_facecolor() for bar in bars}) == len(bars)
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert labels == [f"{s.tally.percent}% ({s.tally.correct} of {s.tally.total})" for s in mixed.modules]
    for score in mixed.modules:
        assert f"Module {score.number}, {score.title}: {score.score_text}" in chart.alt
    assert [row[0] for row in chart.rows] == [f"Module {s.number}: {s.title}" for s in mixed.modules]
    html = chart.to_html()
    assert "Source:" not in html and '<th scope="col">Module</th>' in html and "<caption>" in html
    assert chart.svg() == mixed.chart().svg()  # deterministic


def test_results_html_lists_advice_links_and_export_downloads(mixed):
    html = mixed.to_html()
    for item in mixed.revision_advice():
        assert f'<a href="{item.link}">Lesson {item.number}: ' in html
    assert 'download="self-assessment-results.csv"' in html and 'download="self-assessment-results.json"' in html


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_record_of_learning_has_date_scores_and_lessons_completed(course, mixed):
    progress = Progress()
    done = course.lessons[1]
    for question in course.quiz_for(done.id).questions:
        progress.record(question, right(question), score_question(question, right(question)), "t")
    record = record_of_learning(progress.status(course), mixed, date(2026, 5, 6))
    parsed = _Collect()
    parsed.feed(record.html)
    text = "".join(parsed.text)
    assert "2026-05-06" in text
    assert f"Lesson {course.lesson_number(done.id)}: {done.title}" in text
    assert f"{mixed.tally.correct} of {mixed.tally.total} correct ({mixed.tally.percent}%)" in text
    assert ("caption", {}) in parsed.tags
    assert sum(1 for tag, attrs in parsed.tags if tag == "th" and attrs.get("scope") == "row") == len(mixed.modules)
    assert all(attrs.get("scope") in ("row", "col") for tag, attrs in parsed.tags if tag == "th")
    assert "2026-05-06" in record.text


def test_record_of_learning_without_progress_or_result_and_bad_date(course):
    record = record_of_learning(None, None, "2026-01-02")
    words = real_course().interface.results
    assert escape(words.record_not_taken) in record.html and escape(words.completed_none) in record.html
    assert 'id="cc-record-name-input"' in record.html and escape(words.record_name) in record.html
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        record_of_learning(None, None, "2 January")


def test_record_of_learning_escapes_text(tmp_path):
    root = course_copy(tmp_path)
    course = real_course()
    module = course.modules[0]
    edit(root, "data/lessons.yaml", f'title: "{module.title}"', 'title: "Rules <b>& \\"quotes\\"</b>"')
    edited = load_course(root)
    result = AssessmentResult(edited, a.fixed_questions(edited), {})
    html = record_of_learning(None, result, "2026-01-02").html + result.to_html()
    assert "<b>" not in html and "&lt;b&gt;&amp; &quot;quotes&quot;&lt;/b&gt;" in html


# --- Quiz objects and the live widget -------------------------------------------------------


def test_self_assessment_quiz_is_the_static_exam_and_a_seeded_draw(course):
    quiz = a.self_assessment(course)
    assert isinstance(quiz, Quiz)
    html = quiz.to_html()
    assert 'data-mode="exam"' in html and 'data-quiz="self-assessment"' in html
    assert f'id="sa-{course.assessment.fixed[0]}"' in html and 'data-store="assessment"' in html
    drawn = a.self_assessment(course, mode="practice", seed=7)
    assert drawn.questions == draw_questions(course, 7)
    assert 'data-quiz="self-assessment-draw-7"' in drawn.to_html() and 'data-mode="practice"' in drawn.to_html()
    with pytest.raises(ValueError, match="exam, practice"):
        a.self_assessment(course, mode="test")


def _visible(button) -> bool:
    return button.layout.display != "none"


def test_live_exam_hides_checking_until_submit_then_scores_everything(tmp_path, course):
    questions = a.fixed_questions(course)
    live = LiveAssessment(course, questions, "exam", progress=Progress(), today=lambda: date(2026, 7, 8))
    widgets = live.questions
    assert not any(_visible(q.check_button) or _visible(q.reveal_button) for q in widgets)
    for index, widget in enumerate(widgets[:-2]):
        widget.set_response(right(widget.question) if index % 2 else wrong(widget.question))
    assert live.results.value == ""
    live.submit_button.click()
    result = live.result
    expected_correct = len(range(1, len(widgets) - 2, 2))
    assert (result.tally.correct, result.tally.answered, result.tally.total) == (
        expected_correct,
        len(widgets) - 2,
        len(widgets),
    )
    assert f"{result.tally.correct} of {result.tally.total} correct" in live.results.value
    assert "Record of learning" in live.results.value and "2026-07-08" in live.results.value
    for item in result.revision_advice():
        assert escape(item.title, quote=True) in live.results.value
    assert all(_visible(q.check_button) for q in widgets)
    assert "Correct" in widgets[1].feedback.value and "Not quite" in widgets[0].feedback.value
    assert "Answer:" in widgets[-1].feedback.value  # unanswered: the answer is shown


def test_live_nothing_answered_says_not_attempted(course):
    live = LiveAssessment(course, a.fixed_questions(course), progress=Progress(), today=lambda: date(2026, 1, 1))
    result = live.submit()
    assert not result.tally.attempted and "not attempted" in live.results.value


def test_live_practice_mode_keeps_immediate_feedback(tmp_path, course):
    questions = draw_questions(course, 11, 1)
    live = LiveAssessment(
        course, questions, "practice", progress_path=tmp_path / "p.json", today=lambda: date(2026, 1, 1)
    )
    assert live.submit_button.description == "Show my results"
    first = live.questions[0]
    assert _visible(first.check_button)
    first.set_response(right(first.question))
    first.check_button.click()
    assert "Correct" in first.feedback.value
    live.submit_button.click()
    assert live.result.tally.correct == 1 and live.result.tally.answered == 1


def test_self_assessment_widget_is_live_and_tracker_can_save_it(tmp_path, course):
    quiz = a.self_assessment(course, mode="practice")
    assert isinstance(quiz.widget, LiveAssessment) and quiz.widget.mode == "practice"
    path = tmp_path / "p.json"
    ProgressTracker(path).attach(quiz)
    widget = quiz.widget.questions[0]
    widget.set_response(right(widget.question))
    widget.check_button.click()
    assert load_progress(path).records[widget.question.id].correct is True
    assert "application/vnd.jupyter.widget-view+json" in quiz._repr_mimebundle_()


if __name__ == "__main__":  # the draw fixture used to be written from here
    from test_order import write_fixture

    write_fixture()
