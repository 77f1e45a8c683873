"""The self-assessment: selections, scoring, revision advice, exports, record of learning, live widget.

``tests/fixtures/draw_cases.json`` holds the draw rule's cases for the browser's copy of it;
regenerate it after changing the course's questions with
``.venv/bin/python tests/test_assessment.py``.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from compact_course.core import models as m
from compact_course.core.chart import Chart
from compact_course.core.course import load_course
from compact_course.learner import assessment as a
from compact_course.learner.progress import Progress, ProgressRecord, ProgressTracker, load_progress
from compact_course.quiz.html import lesson_of_question, relative_link
from compact_course.quiz.quiz import Quiz
from compact_course.quiz.scoring import fingerprint, score_question
from helpers import course_copy, edit, real_course, right, wrong

FIXTURE = Path(__file__).parent / "fixtures" / "draw_cases.json"
HASH_TEXTS = ("", "a", "foobar", "2026:q-who-is-the-compact-for-01", "é", "’", "7:q-café-’quoted’", "東京")


@pytest.fixture(scope="module")
def course():
    return real_course()


def build_draw_cases(course) -> dict:
    """The shared cases for the draw rule, computed from the real course."""
    draw = course.assessment.draw
    cases = [(0, 1), (1, 3), (7, 3), (draw.seed, draw.per_module), (4294967295, 2), (42, 50)]
    return {
        "description": "Seeded draw for the self-assessment (compact_course/assessment.py). key = fmix32(fnv1a(text)); "
        "a draw orders each module's questions by (key of '<seed>:<question-id>', id) and takes the "
        "first per_module, modules in course order. Regenerate: .venv/bin/python tests/test_assessment.py",
        "hashes": [{"text": text, "fnv1a": a.fnv1a32(text), "key": a.fmix32(a.fnv1a32(text))} for text in HASH_TEXTS],
        "cases": [
            {"seed": seed, "per_module": per, "expected": [q.id for q in a.draw_questions(course, seed, per)]}
            for seed, per in cases
        ],
    }


# --- Selections ----------------------------------------------------------------------------


def test_fixed_selection_is_the_data_files_list_in_order(course):
    assert [q.id for q in a.fixed_questions(course)] == list(course.assessment.fixed)
    assert a.self_assessment(course).questions == a.fixed_questions(course)


def test_fnv1a_matches_published_vectors():
    # Test vectors from the FNV reference (Fowler, Noll, Vo): 32-bit FNV-1a.
    assert a.fnv1a32("") == 0x811C9DC5
    assert a.fnv1a32("a") == 0xE40C292C
    assert a.fnv1a32("foobar") == 0xBF9CF968


def test_hash_is_over_utf8_bytes():
    # "é" is two UTF-8 bytes: hashing them one by one must equal hashing the text.
    value = a.FNV_OFFSET
    for byte in "é".encode():
        value = ((value ^ byte) * a.FNV_PRIME) % 2**32
    assert a.fnv1a32("é") == value != a.fnv1a32("e")


def test_draw_takes_per_module_questions_from_each_module_in_key_order(course):
    for seed in (0, 5, 2026):
        drawn = a.draw_questions(course, seed, 2)
        assert len(drawn) == 2 * len(course.modules)
        for index, module in enumerate(course.modules):
            pair = drawn[2 * index : 2 * index + 2]
            pool = a.module_questions(course, module)
            assert all(q in pool for q in pair)
            keys = sorted((a.draw_key(seed, q.id), q.id) for q in pool)
            assert [q.id for q in pair] == [qid for _, qid in keys[:2]]
    assert a.draw_questions(course, 9) == a.draw_questions(course, 9)
    assert len(a.draw_questions(course, 9)) == course.assessment.draw.per_module * len(course.modules)
    assert a.draw_questions(course, 1, 3) != a.draw_questions(course, 2, 3)


def test_draw_with_more_than_a_module_has_takes_the_whole_module(course):
    drawn = a.draw_questions(course, 3, 1000)
    assert sorted(q.id for q in drawn) == sorted(q.id for q in course.all_questions())


def test_draws_spread_over_lessons(course):
    # Ids in one bank differ only at the end; without the finaliser most draws came from one lesson.
    single_lesson = total = 0
    for seed in range(200):
        drawn = a.draw_questions(course, seed, 3)
        for index in range(len(course.modules)):
            lessons = {lesson_of_question(course, q).id for q in drawn[3 * index : 3 * index + 3]}
            single_lesson += len(lessons) == 1
            total += 1
    assert single_lesson / total < 0.1


@pytest.mark.parametrize("seed, per_module", [(-1, 3), (1.5, 3), ("7", 3), (True, 3), (1, 0), (1, 2.0)])
def test_draw_rejects_bad_seed_or_count(course, seed, per_module):
    with pytest.raises(ValueError, match=r"seed|per_module"):
        a.draw_questions(course, seed, per_module)


def test_shared_fixture_matches_the_python_rule(course):
    stored = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert stored == build_draw_cases(course), "regenerate tests/fixtures/draw_cases.json (see module docstring)"
    assert any(ord(ch) > 127 for case in stored["hashes"] for ch in case["text"])
    assert len(stored["cases"]) >= 6


# --- Scoring -------------------------------------------------------------------------------


def test_percent_rounds_halves_up():
    assert (a.percent(1, 8), a.percent(2, 3), a.percent(1, 3), a.percent(0, 4), a.percent(4, 4)) == (13, 67, 33, 0, 100)
    with pytest.raises(ValueError):
        a.percent(0, 0)


def test_all_right(course):
    questions = a.fixed_questions(course)
    result = a.AssessmentResult(course, questions, {q.id: right(q) for q in questions})
    assert (result.correct, result.answered, result.total, result.percent) == (len(questions),) * 3 + (100,)
    assert result.missed == () and result.revision_advice() == ()
    assert all(s.percent == 100 and s.status == "attempted" for s in result.modules)
    assert "nothing to revisit" in result.to_html()


def test_all_wrong(course):
    questions = a.fixed_questions(course)
    result = a.AssessmentResult(course, questions, {q.id: wrong(q) for q in questions})
    assert (result.correct, result.answered, result.percent, result.status) == (0, len(questions), 0, "attempted")
    assert result.missed == tuple(q.id for q in questions)
    assert {o.status for o in result.outcomes} == {"incorrect"}
    lessons = {lesson_of_question(course, q).id for q in questions}
    assert {item.lesson_id for item in result.revision_advice()} == lessons


@pytest.mark.parametrize("responses", [None, {}])
def test_nothing_answered_is_not_attempted(course, responses):
    questions = a.fixed_questions(course)
    result = a.AssessmentResult(course, questions, responses)
    assert not result.attempted and result.status == "not attempted"
    assert (result.correct, result.answered, result.percent) == (0, 0, 0)
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
    assert a.AssessmentResult(course, questions, empties).answered == 0


def test_partial_attempt_scores_per_module_in_course_order(course):
    questions = a.fixed_questions(course)
    responses = {q.id: right(q) for q in questions[::2]}
    responses.update({q.id: wrong(q) for q in questions[1::4]})
    result = a.AssessmentResult(course, questions, responses)
    assert result.correct == len(questions[::2])
    assert result.answered == len(responses)
    assert [s.module_id for s in result.modules] == [
        mod.id
        for mod in course.modules
        if any(lesson_of_question(course, q).id in {l.id for l in mod.lessons} for q in questions)
    ]
    for score in result.modules:
        mine = [q for q in questions if course.module_of(lesson_of_question(course, q).id).id == score.module_id]
        assert score.total == len(mine)
        assert score.correct == sum(score_question(q, responses.get(q.id)).correct for q in mine)
        assert score.number == course.module_number(score.module_id)
    assert sum(s.total for s in result.modules) == result.total


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
    advice = a.AssessmentResult(course, questions, responses).revision_advice()
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
    result = a.AssessmentResult(course, (first, second, third), responses)
    assert [o.status for o in result.outcomes] == ["correct", "unanswered", "correct"]
    assert result.changed == (second.id,)
    assert "earlier version" in result.to_html()
    with pytest.raises(ValueError, match="answer"):
        a.AssessmentResult(course, (first,), {first.id: {"fingerprint": fingerprint(first)}})


def test_answers_saved_before_a_question_changed_are_not_counted(tmp_path, course):
    question = a.fixed_questions(course)[0]
    saved = {question.id: {"answer": right(question), "fingerprint": fingerprint(question)}}
    lesson = lesson_of_question(course, question)
    root = course_copy(tmp_path)
    edit(root, f"quizzes/{lesson.id}.yaml", question.explanation, question.explanation + " Revised.")
    edited = load_course(root)
    result = a.AssessmentResult(edited, a.fixed_questions(edited), saved)
    assert result.changed == (question.id,) and result.answered == 0
    assert a.AssessmentResult(course, a.fixed_questions(course), saved).correct == 1


def test_bad_input_is_named(course):
    questions = a.fixed_questions(course)
    with pytest.raises(ValueError, match="q-not-in-this-assessment"):
        a.AssessmentResult(course, questions, {"q-not-in-this-assessment": "a"})
    with pytest.raises(ValueError, match="more than once"):
        a.AssessmentResult(course, questions + questions[:1], {})
    with pytest.raises(ValueError, match="at least one question"):
        a.AssessmentResult(course, (), {})
    with pytest.raises(ValueError, match=questions[0].id):
        a.AssessmentResult(course, questions, {questions[0].id: "zz"})


# --- Exports and display -------------------------------------------------------------------


@pytest.fixture
def mixed(course):
    questions = a.fixed_questions(course)
    responses = {q.id: (right(q) if i % 3 else wrong(q)) for i, q in enumerate(questions) if i != 1}
    return a.AssessmentResult(course, questions, responses)


def test_csv_has_a_row_per_module_and_an_overall_row(mixed):
    text = mixed.to_csv()
    assert text == mixed.to_csv()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == a.CSV_COLUMNS
    assert [r["module"] for r in rows[:-1]] == [s.module_id for s in mixed.modules]
    for row, score in zip(rows, mixed.modules):
        assert (row["scope"], row["title"], int(row["correct"]), int(row["total"]), int(row["percent"])) == (
            "module",
            score.title,
            score.correct,
            score.total,
            score.percent,
        )
    overall = rows[-1]
    assert (overall["scope"], int(overall["correct"]), int(overall["answered"]), int(overall["total"])) == (
        "overall",
        mixed.correct,
        mixed.answered,
        mixed.total,
    )


def test_json_export_holds_overall_modules_questions_and_advice(mixed):
    data = json.loads(mixed.to_json())
    assert data["format"] == "compact-course-assessment-results"
    assert data["overall"] == {
        "correct": mixed.correct,
        "answered": mixed.answered,
        "total": mixed.total,
        "percent": mixed.percent,
        "status": "attempted",
    }
    assert [mod["module"] for mod in data["modules"]] == [s.module_id for s in mixed.modules]
    assert [q["question"] for q in data["questions"]] == [q.id for q in mixed.questions]
    assert [item["lesson"] for item in data["advice"]] == [item.lesson_id for item in mixed.revision_advice()]
    assert data["questions"][1]["status"] == "unanswered"


def test_chart_shows_every_module_with_values_alt_text_and_table(mixed):
    chart = mixed.chart()
    assert isinstance(chart, Chart)
    bars = chart.figure.axes[0].patches
    assert [bar.get_width() for bar in bars] == [s.percent for s in mixed.modules]
    assert len({bar.get_facecolor() for bar in bars}) == len(bars)
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert labels == [f"{s.percent}% ({s.correct} of {s.total})" for s in mixed.modules]
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
    record = a.record_of_learning(progress.status(course), mixed, date(2026, 5, 6))
    parsed = _Collect()
    parsed.feed(record.html)
    text = "".join(parsed.text)
    assert "2026-05-06" in text
    assert f"Lesson {course.lesson_number(done.id)}: {done.title}" in text
    assert f"{mixed.correct} of {mixed.total} correct ({mixed.percent}%)" in text
    assert ("caption", {}) in parsed.tags
    assert sum(1 for tag, attrs in parsed.tags if tag == "th" and attrs.get("scope") == "row") == len(mixed.modules)
    assert all(attrs.get("scope") in ("row", "col") for tag, attrs in parsed.tags if tag == "th")
    assert "2026-05-06" in record.text


def test_record_of_learning_without_progress_or_result_and_bad_date(course):
    record = a.record_of_learning(None, None, "2026-01-02")
    assert "not taken" in record.html and "No lessons completed yet" in record.html
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        a.record_of_learning(None, None, "2 January")


def test_record_of_learning_escapes_text(tmp_path):
    root = course_copy(tmp_path)
    course = real_course()
    module = course.modules[0]
    edit(root, "data/lessons.yaml", f'title: "{module.title}"', 'title: "Rules <b>& \\"quotes\\"</b>"')
    edited = load_course(root)
    result = a.AssessmentResult(edited, a.fixed_questions(edited), {})
    html = a.record_of_learning(None, result, "2026-01-02").html + result.to_html()
    assert "<b>" not in html and "&lt;b&gt;&amp; &quot;quotes&quot;&lt;/b&gt;" in html


# --- Quiz objects and the live widget -------------------------------------------------------


def test_self_assessment_quiz_is_the_static_exam_and_a_seeded_draw(course):
    quiz = a.self_assessment(course)
    assert isinstance(quiz, Quiz)
    html = quiz.to_html()
    assert 'data-mode="exam"' in html and 'data-quiz="self-assessment"' in html
    assert f'id="sa-{course.assessment.fixed[0]}"' in html and 'data-store="assessment"' in html
    drawn = a.self_assessment(course, mode="practice", seed=7)
    assert drawn.questions == a.draw_questions(course, 7)
    assert 'data-quiz="self-assessment-draw-7"' in drawn.to_html() and 'data-mode="practice"' in drawn.to_html()
    with pytest.raises(ValueError, match="exam, practice"):
        a.self_assessment(course, mode="test")


def _visible(button) -> bool:
    return button.layout.display != "none"


def test_live_exam_hides_checking_until_submit_then_scores_everything(tmp_path, course):
    questions = a.fixed_questions(course)
    live = a.LiveAssessment(course, questions, "exam", progress=Progress(), today=lambda: date(2026, 7, 8))
    widgets = live.questions
    assert not any(_visible(q.check_button) or _visible(q.reveal_button) for q in widgets)
    for index, widget in enumerate(widgets[:-2]):
        widget.set_response(right(widget.question) if index % 2 else wrong(widget.question))
    assert live.results.value == ""
    live.submit_button.click()
    result = live.result
    expected_correct = len(range(1, len(widgets) - 2, 2))
    assert (result.correct, result.answered, result.total) == (expected_correct, len(widgets) - 2, len(widgets))
    assert f"{result.correct} of {result.total} correct" in live.results.value
    assert "Record of learning" in live.results.value and "2026-07-08" in live.results.value
    for item in result.revision_advice():
        assert escape(item.title, quote=True) in live.results.value
    assert all(_visible(q.check_button) for q in widgets)
    assert "Correct" in widgets[1].feedback.value and "Not quite" in widgets[0].feedback.value
    assert "Answer:" in widgets[-1].feedback.value  # unanswered: the answer is shown


def test_live_nothing_answered_says_not_attempted(course):
    live = a.LiveAssessment(course, a.fixed_questions(course), progress=Progress(), today=lambda: date(2026, 1, 1))
    result = live.submit()
    assert not result.attempted and "not attempted" in live.results.value


def test_live_practice_mode_keeps_immediate_feedback(tmp_path, course):
    questions = a.draw_questions(course, 11, 1)
    live = a.LiveAssessment(
        course, questions, "practice", progress_path=tmp_path / "p.json", today=lambda: date(2026, 1, 1)
    )
    assert live.submit_button.description == "Show my results"
    first = live.questions[0]
    assert _visible(first.check_button)
    first.set_response(right(first.question))
    first.check_button.click()
    assert "Correct" in first.feedback.value
    live.submit_button.click()
    assert live.result.correct == 1 and live.result.answered == 1


def test_self_assessment_widget_is_live_and_tracker_can_save_it(tmp_path, course):
    quiz = a.self_assessment(course, mode="practice")
    assert isinstance(quiz.widget, a.LiveAssessment) and quiz.widget.mode == "practice"
    path = tmp_path / "p.json"
    ProgressTracker(path).attach(quiz)
    widget = quiz.widget.questions[0]
    widget.set_response(right(widget.question))
    widget.check_button.click()
    assert load_progress(path).records[widget.question.id].correct is True
    assert "application/vnd.jupyter.widget-view+json" in quiz._repr_mimebundle_()


if __name__ == "__main__":
    FIXTURE.write_text(
        json.dumps(build_draw_cases(real_course()), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {FIXTURE}")
