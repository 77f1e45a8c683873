"""The room poll's Python side: its question sets, what the room votes on, the reveal, the static
form the book shows, and the live widget (the poll itself, counting and charting, is the
script's: tests/js/poll.test.mjs, and tests/test_voila.py drives it in a live kernel).

Expected values are derived from the quiz bank, so editing a question does not break these
tests, but breaking the poll does.
"""

from __future__ import annotations

from html import escape

import nbformat
import pytest

from compact_course.core import models as m
from compact_course.facilitator.poll import RoomPoll, poll_options, question_sets, reveal_for
from compact_course.facilitator.poll_data import poll_data
from helpers import COURSE_ROOT, real_course

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture
def course():
    return real_course()


def first_of_type(course, kind):
    return next(q for q in course.all_questions() if q.type == kind)


def poll_of(course, *questions):
    return RoomPoll(course, list(questions), "Test poll", "test")


# --- Question sets -------------------------------------------------------------------------------


def test_discussion_starters_come_from_the_facilitator_notes_in_course_order(course):
    sets = question_sets(course)
    expected = list(dict.fromkeys(q for lesson in course.lessons for q in course.notes_for(lesson.id).spark_questions))
    assert list(sets["starters"].question_ids) == expected
    first_module = course.modules[0]
    assert list(sets["module-1-starters"].question_ids) == [
        q for lesson in first_module.lessons for q in course.notes_for(lesson.id).spark_questions
    ]


def test_module_and_lesson_sets_hold_every_question_of_the_bank(course):
    for number, module in enumerate(course.modules, start=1):
        poll = RoomPoll.for_module(number, course=course)
        assert [q.id for q in poll.questions] == [q.id for l in module.lessons for q in course.quiz_for(l.id).questions]
    lesson = course.lessons[3]
    assert RoomPoll.for_lesson(lesson.id, course=course).questions == course.quiz_for(lesson.id).questions


def test_unknown_sets_and_lessons_are_named(course):
    with pytest.raises(KeyError, match="no question set 'module-99'"):
        RoomPoll.from_set("module-99", course)
    with pytest.raises(KeyError, match="no lesson 'nope'"):
        RoomPoll.for_lesson("nope", course)
    with pytest.raises(ValueError, match="has no questions"):
        RoomPoll(course, [], "Empty", "empty")


# --- Reveal -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["single", "scenario", "multiple", "true-false"])
def test_reveal_gives_the_correct_options_and_the_explanation(course, kind):
    question = first_of_type(course, kind)
    reveal = reveal_for(course, question)
    correct = [c for c in question.choices() if c.correct]
    assert len(reveal.answer) == len(correct)
    for choice, line in zip(correct, reveal.answer):
        assert line.endswith(choice.text)
    assert reveal.explanation == question.explanation
    wrong = [c for c in question.choices() if not c.correct]
    assert all(f"{c.key}) {c.text}" not in reveal.answer for c in wrong)


def test_matching_questions_are_polled_on_how_the_room_did(course):
    question = first_of_type(course, "matching")
    assert [o.key for o in poll_options(course, question)] == ["all", "some", "none"]
    assert [o.text for o in poll_options(course, question)] == [
        course.interface.poll.matching_all,
        course.interface.poll.matching_some,
        course.interface.poll.matching_none,
    ]
    assert reveal_for(course, question).answer == tuple(f"{pair.item} → {pair.match}" for pair in question.pairs)


# --- The static form and the widget ----------------------------------------------------------------


def test_poll_html_escapes_question_text(course):
    nasty = m.SingleChoice(
        type="single",
        id="q-fixture-01",
        prompt="<script>x</script>?",
        qa=("qa-who-is-the-compact-for",),
        options=(m.Option(text="<b>a</b>", feedback="f", correct=True), m.Option(text="b & c", feedback="g")),
        explanation="<i>why</i>",
    )
    html = poll_of(course, nasty).to_html()
    assert "<script>" not in html and escape("<script>x</script>?") in html
    assert "why" not in html  # no answers on the static page


def test_display_has_static_html_and_the_live_widget_with_the_polls_data(course):
    poll = RoomPoll.from_set("starters", course)
    bundle = poll._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    html = bundle["text/html"]
    for question in poll.questions:
        assert escape(question.prompt) in html
        assert escape(question.explanation) not in html  # the static page gives no answers away
    assert "needs a live Python kernel" in html
    again = RoomPoll.from_set("starters", course)._repr_mimebundle_()
    assert (again["text/plain"], again["text/html"]) == (bundle["text/plain"], bundle["text/html"])
    widget = poll.widget
    assert (widget.kind, widget.set_key, widget.poll) == ("poll", "starters", poll_data(course))
    assert widget.manifest == {"text": course.interface.model_dump()}  # the poll's words (issue 27's poll view)
    assert bundle[WIDGET_VIEW]["model_id"] == widget.model_id
    assert widget.summary == {}  # the front end writes it


# --- The notebook ---------------------------------------------------------------------------------------


def test_room_poll_notebook_has_current_deterministic_outputs(course):
    path = COURSE_ROOT / "book" / "facilitator" / "room-poll.ipynb"
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the notebook should call the room poll"
    for cell in code:
        assert cell.execution_count is not None and cell.outputs
        for output in cell.outputs:
            assert WIDGET_VIEW not in output.get("data", {})
    assert any("RoomPoll" in cell.source for cell in code)
    stored = code[-1].outputs[0]["data"]
    live = RoomPoll.from_set("starters", course)._repr_mimebundle_()
    assert stored["text/html"] == live["text/html"]
    assert stored["text/plain"] == live["text/plain"]
