"""Optional shuffling: seeded, repeatable, and the same in both renderings; scoring is unaffected."""

from __future__ import annotations

import re

from compact_course import cached_course
from compact_course.core import models as m
from compact_course.quiz.order import ordered_choices
from compact_course.quiz.quiz import Quiz
from compact_course.quiz.scoring import score_question


def _choice_questions():
    course = cached_course()
    return course, [
        q for q in course.all_questions() if isinstance(q, (m.SingleChoice, m.MultipleSelect, m.ScenarioQuestion))
    ]


def test_shuffle_is_seeded_and_repeatable():
    _, questions = _choice_questions()
    for question in questions:
        first = [c.key for c in ordered_choices(question, True, 7)]
        assert first == [c.key for c in ordered_choices(question, True, 7)]
        assert sorted(first) == [c.key for c in question.choices()]
    moved = sum([c.key for c in ordered_choices(q, True, 7)] != [c.key for c in q.choices()] for q in questions)
    assert moved > len(questions) // 2  # shuffling really reorders
    differs = sum(
        [c.key for c in ordered_choices(q, True, 7)] != [c.key for c in ordered_choices(q, True, 8)] for q in questions
    )
    assert differs > 0  # the seed matters


def test_unshuffled_and_fixed_types_keep_bank_order():
    course = cached_course()
    for question in course.all_questions():
        assert ordered_choices(question, False, 7) == question.choices()
        if isinstance(question, (m.TrueFalse, m.Matching)):
            assert ordered_choices(question, True, 7) == question.choices()


def test_both_renderings_show_the_same_shuffled_order_and_score_by_key():
    course, questions = _choice_questions()
    quiz = Quiz(course, questions[:6], "quiz-shuffle-test", "Shuffle test", shuffle=True, seed=11)
    html = quiz.to_html()
    assert html == Quiz(course, questions[:6], "quiz-shuffle-test", "Shuffle test", shuffle=True, seed=11).to_html()
    for question, widget in zip(questions[:6], quiz.widget.questions):
        shown = [c.key for c in ordered_choices(question, True, 11)]
        form = html.split(f'id="{question.id}"', 1)[1].split("</form>", 1)[0]
        assert re.findall(r'<input type="(?:radio|checkbox)" id="[^"]+" name="[^"]+" value="([a-z])"', form) == shown
        assert [c.key for c in widget.choices] == shown
        right = [c.key for c in question.choices() if c.correct]
        response = right if isinstance(question, m.MultipleSelect) else right[0]
        assert score_question(question, response).correct
