"""The live-kernel quiz widget, driven from Python as a learner would use it.

Responses are set through the controls (radio buttons, check boxes, drop-downs) or
``set_response``, then the real buttons are clicked. Expected feedback is derived from the
question data, so content edits do not break these tests.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import pytest

from compact_course.core import models as m
from compact_course.core.links import source_link
from compact_course.quiz.quiz import Quiz
from helpers import course_with_questions, real_course

LESSON = "who-is-the-compact-for"


@pytest.fixture
def quiz():
    return Quiz.for_lesson(real_course(), LESSON)


def right_response(widget):
    question = widget.question
    if isinstance(question, m.Matching):
        return {item.key: item.answer for item in question.items()}
    if isinstance(question, m.MultipleSelect):
        return [c.key for c in question.choices() if c.correct]
    return next(c.key for c in question.choices() if c.correct)


def wrong_response(widget):
    question = widget.question
    if isinstance(question, m.Matching):
        items = question.items()
        response = {item.key: item.answer for item in items}
        response[items[0].key] = next(c.key for c in question.choices() if c.key != items[0].answer)
        return response
    if isinstance(question, m.MultipleSelect):
        return [c.key for c in question.choices()]
    return next(c.key for c in question.choices() if not c.correct)


def html_values(widget) -> list[str]:
    found = [widget.value] if isinstance(widget, w.HTML) else []
    for child in getattr(widget, "children", ()):
        found += html_values(child)
    return found


def test_lesson_quiz_has_every_question_type(quiz):
    # The bank used here exercises all five kinds of control.
    assert {q.question.type for q in quiz.widget.questions} == set(m.QUESTION_TYPES)
    assert len(quiz.widget.questions) == len(real_course().quiz_for(LESSON).questions)


def test_correct_answer_gives_correct_feedback_and_explanation(quiz):
    for widget in quiz.widget.questions:
        widget.set_response(right_response(widget))
        widget.check_button.click()
        assert widget.result is not None and widget.result.correct, widget.question.id
        # The verdict is the interface's own words (data/interface.yaml), as on the static page.
        assert escape(real_course().interface.question.right) in widget.feedback.value
        assert escape(widget.question.explanation) in widget.feedback.value
        _, label = source_link(real_course(), widget.question, real_course().lesson_docname(LESSON))
        assert escape(f"Read more: {label}.") in widget.feedback.value


def test_wrong_answer_gives_the_option_feedback(quiz):
    for widget in quiz.widget.questions:
        response = wrong_response(widget)
        widget.set_response(response)
        widget.check_button.click()
        assert widget.result is not None and not widget.result.correct, widget.question.id
        value = widget.feedback.value
        assert escape(real_course().interface.question.wrong) in value
        assert escape(real_course().interface.question.next_step) in value
        assert escape(widget.question.explanation) not in value  # kept back until revealed or right
        if isinstance(widget.question, m.Matching):
            assert escape(widget.question.items()[0].feedback) in value
        elif not isinstance(widget.question, m.MultipleSelect):
            chosen = next(c for c in widget.question.choices() if c.key == response)
            assert escape(chosen.feedback) in value


def test_controls_drive_the_response(quiz):
    by_type = {q.question.type: q for q in quiz.widget.questions}
    single = by_type["single"]
    key = right_response(single)
    single.radio.value = key
    assert single.response == key
    multiple = by_type["multiple"]
    for k in right_response(multiple):
        multiple.boxes[k].value = True
    assert sorted(multiple.response) == sorted(right_response(multiple))
    matching = by_type["matching"]
    first = matching.question.items()[0]
    matching.selects[first.key].value = first.answer
    assert matching.response == {first.key: first.answer}
    truth = by_type["true-false"]
    truth.radio.value = "true"
    assert truth.response == "true"
    for widget in (single, multiple):
        widget.check_button.click()
        assert widget.result.correct
    matching.check_button.click()
    assert matching.result.answered and (matching.result.correct == (len(matching.question.items()) == 1))


def test_unanswered_check_asks_for_an_answer_and_records_nothing(quiz):
    seen = []
    quiz.widget.on_result(seen.append)
    for widget in quiz.widget.questions:
        widget.check_button.click()
        assert widget.result is None
        assert "Choose an answer before checking." in widget.feedback.value
    assert seen == []
    assert quiz.widget.score_label.value == ""


def test_retry_clears_the_response(quiz):
    for widget in quiz.widget.questions:
        widget.set_response(wrong_response(widget))
        widget.check_button.click()
        widget.retry_button.click()
        assert widget.response in (None, [], {})
        assert "cleared" in widget.feedback.value
        assert "✗" not in widget.feedback.value


def test_reveal_shows_the_correct_answer(quiz):
    for widget in quiz.widget.questions:
        widget.reveal_button.click()
        value = widget.feedback.value
        assert escape(widget.question.explanation) in value
        if isinstance(widget.question, m.Matching):
            for pair in widget.question.pairs:
                assert f"{escape(pair.item)} → {escape(pair.match)}" in value
        else:
            for choice in widget.question.choices():
                assert (f"<li>{escape(choice.text)}</li>" in value) == choice.correct


def test_hint_button_shows_the_hint(quiz):
    with_hint = [q for q in quiz.widget.questions if q.question.hint]
    assert with_hint, "the lesson bank should have at least one hint"
    for widget in with_hint:
        widget.hint_button.click()
        assert escape(widget.question.hint) in widget.feedback.value
    for widget in quiz.widget.questions:
        if not widget.question.hint:
            assert not hasattr(widget, "hint_button")


def test_score_appears_once_every_question_is_answered(quiz):
    widgets = quiz.widget.questions
    total = len(widgets)
    for n, widget in enumerate(widgets):
        widget.set_response(right_response(widget) if n % 2 == 0 else wrong_response(widget))
        widget.check_button.click()
        if n < total - 1:
            assert quiz.widget.score_label.value == ""
    correct = (total + 1) // 2
    assert quiz.widget.score.correct == correct and quiz.widget.score.complete
    assert f"Score: {correct} of {total} correct." in quiz.widget.score_label.value


def test_result_subscribers_receive_every_check(quiz):
    from_quiz, from_question = [], []
    quiz.widget.on_result(from_quiz.append)
    first = quiz.widget.questions[0]
    first.on_result(from_question.append)
    first.set_response(wrong_response(first))
    first.check_button.click()
    first.set_response(right_response(first))
    first.check_button.click()
    second = quiz.widget.questions[1]
    second.set_response(right_response(second))
    second.check_button.click()
    assert [(r.question_id, r.correct) for r in from_quiz] == [
        (first.question.id, False),
        (first.question.id, True),
        (second.question.id, True),
    ]
    assert [(r.question_id, r.correct) for r in from_question] == [
        (first.question.id, False),
        (first.question.id, True),
    ]


# --- Escaping in the widget ----------------------------------------------------------------------

EVIL = "<script>alert(1)</script> \"double\" 'single' </script> & <b>bold</b>"


def evil_quiz() -> Quiz:
    from pydantic import TypeAdapter

    adapter = TypeAdapter(m.Question)
    qa = ["qa-who-is-the-compact-for"]
    common = lambda name: {
        "qa": qa,
        "prompt": f"{name} prompt {EVIL}",
        "explanation": f"{name} explanation {EVIL}",
        "hint": f"{name} hint {EVIL}",
    }
    options = lambda name: [
        {"text": f"{name} option {n} {EVIL}", "correct": n == 0, "feedback": f"{name} feedback {n} {EVIL}"}
        for n in range(3)
    ]
    questions = [
        adapter.validate_python(
            {
                "id": "q-evil-scenario",
                "type": "scenario",
                "scenario": f"scenario {EVIL}",
                "options": options("scenario"),
                **common("scenario"),
            }
        ),
        adapter.validate_python(
            {"id": "q-evil-multiple", "type": "multiple", "options": options("multiple"), **common("multiple")}
        ),
        adapter.validate_python(
            {
                "id": "q-evil-matching",
                "type": "matching",
                "pairs": [
                    {"item": f"item {n} {EVIL}", "match": f"match {n} {EVIL}", "feedback": f"pair {n} {EVIL}"}
                    for n in range(2)
                ],
                **common("matching"),
            }
        ),
    ]
    course = course_with_questions(questions)
    return Quiz(course, questions, "quiz-evil", f"title {EVIL}", from_doc=course.lesson_docname(LESSON))


def test_widget_html_is_escaped():
    quiz = evil_quiz()
    escaped = escape(EVIL)
    values = html_values(quiz.widget)
    assert any(f"title {escaped}" in v for v in values)
    for widget in quiz.widget.questions:
        question = widget.question
        shown = html_values(widget)
        assert any(escape(question.prompt) in v for v in shown)
        if isinstance(question, m.ScenarioQuestion):
            assert any(escape(question.scenario) in v for v in shown)
        if isinstance(question, m.Matching):
            for item in question.items():
                assert any(escape(item.text) in v for v in shown)
        for action in ("hint", "check", "reveal"):
            if action == "check":
                widget.set_response(wrong_response(widget))
            getattr(widget, f"{action}_button").click()
            value = widget.feedback.value
            assert escaped in value, action
            assert "<script" not in value and "<b>" not in value, action
    for value in html_values(quiz.widget):
        assert "<script" not in value and "<b>" not in value


def test_widget_control_labels_are_plain_text():
    # Option texts go to widget descriptions/labels, which ipywidgets shows as text, not HTML.
    quiz = evil_quiz()
    for widget in quiz.widget.questions:
        if isinstance(widget.question, m.MultipleSelect):
            for box in widget.boxes.values():
                assert not box.description_allow_html
                assert EVIL in box.description
        elif isinstance(widget.question, m.Matching):
            for select in widget.selects.values():
                assert [label for label, _ in select.options][1:] == [c.text for c in widget.question.choices()]
        else:
            assert [label for label, _ in widget.radio.options] == [c.text for c in widget.choices]
