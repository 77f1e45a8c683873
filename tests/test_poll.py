"""The room poll, driven from Python: counts in, chart values and reveal out, then the widget.

Expected values are derived from the quiz bank, so editing a question does not break these
tests, but breaking the poll does.
"""

from __future__ import annotations

from html import escape

import nbformat
import pytest

from compact_course.core import models as m
from compact_course.facilitator.poll import MAX_COUNT, RoomPoll, poll_options, question_sets
from helpers import COURSE_ROOT, real_course

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture
def course():
    return real_course()


def first_of_type(course, kind):
    return next(q for q in course.all_questions() if q.type == kind)


def poll_of(course, *questions):
    return RoomPoll(course, list(questions), "Test poll")


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
        RoomPoll(course, [], "Empty")


# --- Counts in, chart values out -------------------------------------------------------------------


def test_counts_become_chart_values_in_option_order(course):
    question = first_of_type(course, "single")
    poll = poll_of(course, question)
    keys = [choice.key for choice in question.choices()]
    poll.set_counts({keys[0]: 4, keys[-1]: 7})
    poll.add_vote(keys[0])
    # Labels letter the options by display position, as handouts and answer keys do.
    expected = [
        (f"{chr(ord('A') + i)}. {c.text}", {keys[0]: 5, keys[-1]: 7}.get(c.key, 0))
        for i, c in enumerate(question.choices())
    ]
    assert list(poll.chart_values()) == expected
    assert poll.votes == 12
    chart = poll.chart()
    assert [bar.get_width() for bar in chart.figure.axes[0].patches] == [value for _, value in expected]
    assert "12 votes in all" in chart.alt
    for label, value in expected:
        assert f"{label.rstrip('.')}: {value} vote" in chart.alt
    assert "(correct)" not in chart.alt  # nothing is given away before the reveal


@pytest.mark.parametrize(
    "key, count, error, fragment",
    [
        ("zz", 1, KeyError, "has no option 'zz'"),
        ("a", -1, ValueError, "between 0 and"),
        ("a", MAX_COUNT + 1, ValueError, "between 0 and"),
        ("a", 2.5, ValueError, "whole number"),
        ("a", True, ValueError, "whole number"),
        ("a", "3", ValueError, "whole number"),
    ],
)
def test_bad_counts_are_refused_with_a_clear_message(course, key, count, error, fragment):
    poll = poll_of(course, first_of_type(course, "single"))
    with pytest.raises(error, match=fragment):
        poll.set_count(key, count)
    assert poll.votes == 0


def test_each_question_keeps_its_own_counts(course):
    q1, q2 = first_of_type(course, "single"), first_of_type(course, "true-false")
    poll = poll_of(course, q1, q2)
    poll.set_count("a", 3)
    assert poll.next() == 2
    assert [key for key, _ in poll.counts.items()] == ["true", "false"]
    poll.set_counts({"true": 2, "false": 6})
    assert poll.previous() == 1
    assert poll.counts["a"] == 3
    with pytest.raises(IndexError, match="first question"):
        poll.previous()
    poll.go_to(2)
    with pytest.raises(IndexError, match="last question"):
        poll.next()
    poll.clear()
    assert poll.votes == 0


# --- Reveal -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["single", "scenario", "multiple", "true-false"])
def test_reveal_gives_the_correct_options_and_the_explanation(course, kind):
    question = first_of_type(course, kind)
    poll = poll_of(course, question)
    assert not poll.revealed
    reveal = poll.reveal()
    assert poll.revealed
    correct = [c for c in question.choices() if c.correct]
    assert len(reveal.answer) == len(correct)
    for choice in correct:
        assert choice.text.rstrip(".") in reveal.text
    assert question.explanation in reveal.text
    assert escape(question.explanation) in reveal.to_html()
    wrong = [c for c in question.choices() if not c.correct]
    assert all(f"{c.key}) {c.text}" not in reveal.answer for c in wrong)


def test_after_the_reveal_correct_bars_are_hatched_and_labelled(course):
    question = first_of_type(course, "multiple")
    poll = poll_of(course, question)
    poll.reveal()
    chart = poll.chart()
    hatched = [bool(bar.get_hatch()) for bar in chart.figure.axes[0].patches]
    assert hatched == [c.correct for c in question.choices()]
    assert chart.alt.count("(correct)") == sum(c.correct for c in question.choices())
    assert chart.table_html().count("<td>Yes</td>") == sum(c.correct for c in question.choices())


def test_matching_questions_are_polled_on_how_the_room_did(course):
    question = first_of_type(course, "matching")
    poll = poll_of(course, question)
    assert [o.key for o in poll.options] == ["all", "some", "none"]
    poll.set_counts({"all": 5, "some": 3, "none": 1})
    assert [value for _, value in poll.chart_values()] == [5, 3, 1]
    reveal = poll.reveal()
    assert reveal.answer == tuple(f"{pair.item} → {pair.match}" for pair in question.pairs)
    row = poll.summary().rows[0]
    assert (row.votes, row.correct_votes) == (9, 5)


# --- Summary ----------------------------------------------------------------------------------------


def test_summary_counts_votes_on_correct_options(course):
    single, multiple = first_of_type(course, "single"), first_of_type(course, "multiple")
    poll = poll_of(course, single, multiple, first_of_type(course, "true-false"))
    right = next(c.key for c in single.choices() if c.correct)
    wrong = next(c.key for c in single.choices() if not c.correct)
    poll.set_counts({right: 6, wrong: 2})
    poll.reveal()
    poll.next()
    poll.set_counts({c.key: 1 for c in multiple.choices()})
    summary = poll.summary()
    first, second, third = summary.rows
    assert (first.votes, first.correct_votes, first.share, first.revealed) == (8, 6, 0.75, True)
    assert second.votes == len(multiple.choices())
    assert second.correct_votes == sum(c.correct for c in multiple.choices())
    assert third.share is None and third.share_text == "no votes"
    assert "Question 1: 6 of 8 votes on correct options (75%)" in summary.text
    html = summary.to_html()
    assert "<caption>Room poll summary: Test poll</caption>" in html and html.count('<th scope="row">') == 3


def test_summary_rounds_half_a_percent_up_like_the_self_assessment(course):
    from compact_course.core.tally import percent

    single = first_of_type(course, "single")
    poll = poll_of(course, single)
    right = next(c.key for c in single.choices() if c.correct)
    wrong = next(c.key for c in single.choices() if not c.correct)
    poll.set_counts({right: 5, wrong: 3})
    row = poll.summary().rows[0]
    assert row.share_text == "5 of 8 votes on correct options (63%)"  # 62.5% rounds up, not to even
    assert row.tally.percent == percent(5, 8) == 63
    poll.set_counts({right: 1, wrong: 7})
    assert poll.summary().rows[0].share_text == "1 of 8 votes on correct options (13%)"  # 12.5%


# --- Rendering ---------------------------------------------------------------------------------------


def test_chart_svg_and_html_are_deterministic(course):
    def render():
        poll = poll_of(course, first_of_type(course, "single"))
        poll.set_count("a", 2)
        return poll.chart().to_html(), poll.to_html(), repr(poll)

    assert render() == render()


def test_poll_html_escapes_question_text(course):
    nasty = m.SingleChoice(
        type="single",
        id="q-fixture-01",
        prompt="<script>x</script>?",
        qa=("qa-who-is-the-compact-for",),
        options=(m.Option(text="<b>a</b>", feedback="f", correct=True), m.Option(text="b & c", feedback="g")),
        explanation="<i>why</i>",
    )
    poll = poll_of(course, nasty)
    poll.set_count("a", 1)
    poll.reveal()
    html = poll.to_html()
    assert "<script>" not in html and "<b>a</b>" not in html and "<i>why</i>" not in html
    assert escape("<script>x</script>?") in html and escape("<i>why</i>") in html
    assert 'alt="' in html and "<b>" not in poll.chart().to_html().split('alt="')[1].split('"')[0]


# --- The widget ---------------------------------------------------------------------------------------


def test_widget_counts_chart_reveal_next_and_summary(course):
    poll = RoomPoll.from_set("module-1-starters", course)
    view = poll.widget()
    question = poll.question
    keys = [option.key for option in poll_options(question)]
    assert set(view.count_boxes) == set(keys)
    view.count_boxes[keys[0]].value = 4
    view.plus_buttons[keys[1]].click()
    view.plus_buttons[keys[1]].click()
    assert poll.counts[keys[0]] == 4 and poll.counts[keys[1]] == 2
    assert f'alt="{escape(poll.chart().alt, quote=True)}"' in view.chart_html.value
    assert view.reveal_html.value == ""
    view.reveal_button.click()
    assert escape(question.explanation) in view.reveal_html.value
    assert view.reveal_button.disabled
    assert view.previous_button.disabled and not view.next_button.disabled
    view.next_button.click()
    assert poll.number == 2
    assert escape(poll.question.prompt) in view.question_html.value
    assert all(box.value == 0 for box in view.count_boxes.values())
    assert view.reveal_html.value == "" and not view.reveal_button.disabled
    view.previous_button.click()
    assert view.count_boxes[keys[0]].value == 4  # counts come back with the question
    view.summary_button.click()
    assert "Room poll summary" in view.summary_html.value
    assert f"<td>{escape(question.prompt)}</td><td>6</td>" in view.summary_html.value


def test_widget_clear_resets_the_current_question(course):
    view = RoomPoll.for_lesson(course.lessons[0].id, course=course).widget()
    key = next(iter(view.count_boxes))
    view.plus_buttons[key].click()
    view.clear_button.click()
    assert view.poll.votes == 0 and view.count_boxes[key].value == 0


def test_widget_switches_question_sets_and_keeps_each_set_s_counts(course):
    view = RoomPoll.from_set("starters", course).widget()
    first_key = next(iter(view.count_boxes))
    view.count_boxes[first_key].value = 3
    view.choose_set("module-2")
    assert view.poll.title == question_sets(course)["module-2"].title
    assert view.poll.votes == 0
    view.choose_set("starters")
    assert view.poll.counts[first_key] == 3 and view.count_boxes[first_key].value == 3


def test_widget_display_has_static_html_and_a_live_view(course):
    view = RoomPoll.from_set("starters", course).widget()
    bundle = view._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    html = bundle["text/html"]
    for question in view.poll.questions:
        assert escape(question.prompt) in html
        assert escape(question.explanation) not in html  # the static page gives no answers away
    assert "needs a live Python kernel" in html
    again = RoomPoll.from_set("starters", course).widget()._repr_mimebundle_()
    assert (again["text/plain"], again["text/html"]) == (bundle["text/plain"], bundle["text/html"])


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
    live = RoomPoll.from_set("starters", course).widget()._repr_mimebundle_()
    assert stored["text/html"] == live["text/html"]
    assert stored["text/plain"] == live["text/plain"]
