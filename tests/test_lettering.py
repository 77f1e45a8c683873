"""One way to letter options (issue 27, item 3): A, B, C... by display position on the screen
(the quiz form and the room poll), the handouts, the answer keys, the pack's answer list and
the voting cards, True/False included ("A. True", "B. False"), and cards for every letter a
polled question needs, more than four included.
"""

from __future__ import annotations

import re

from compact_course.core import models as m
from compact_course.facilitator import pack_forms, pack_items
from compact_course.facilitator.handouts import choice_label, question_html
from compact_course.facilitator.plans import plan_for
from compact_course.facilitator.poll_questions import poll_options
from compact_course.quiz.html import render_question_html
from helpers import real_course


def _first(course, kind):
    return next(q for lesson in course.lessons for q in course.quiz_for(lesson.id).questions if isinstance(q, kind))


def _wide(course):
    """A question with more than four options, and its lesson."""
    for lesson in course.lessons:
        for question in course.quiz_for(lesson.id).questions:
            if not isinstance(question, m.Matching) and len(question.choices()) > 4:
                return lesson, question
    raise AssertionError("no question with more than four options")


def test_true_false_is_lettered_like_every_other_question_everywhere():
    course = real_course()
    question = _first(course, m.TrueFalse)
    expected = ["A. True", "B. False"]
    assert [option.label for option in poll_options(course, question)] == expected
    assert [choice_label(question, choice) for choice in question.choices()] == expected
    handout = question_html(course, question, "Question 1.1")
    assert '<ol type="A" class="cc-handout-options"><li>True</li><li>False</li></ol>' in handout
    form = render_question_html(course, question, 1, 1)
    assert re.findall(r'<label><input type="radio"[^>]*>([^<]*)</label>', form) == expected
    right = "A" if question.answer else "B"
    assert pack_items.answer_letters(question) == right


def test_a_question_with_more_than_four_options_has_cards_for_every_letter():
    course = real_course()
    lesson, question = _wide(course)
    letters = [chr(65 + i) for i in range(len(question.choices()))]
    assert [option.letter for option in poll_options(course, question)] == letters
    assert [choice_label(question, c).split(".")[0] for c in question.choices()] == letters
    number = course.lesson_number(lesson.id)
    polls = len(course.quiz_for(lesson.id).questions)
    plan = plan_for(course, lessons=str(number), polls=polls, poll_minutes=1)
    assert any(question.id in slot.polled for slot in plan.slots)
    cards = re.findall(r'<p class="cc-card-letter">([A-Z])</p>', pack_forms.voting_cards(course, plan))
    assert cards[: len(letters)] == letters and len(cards) >= len(letters)
    assert set(pack_items.answer_letters(question).split(", ")) <= set(letters)
