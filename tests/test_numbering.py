"""One numbering everywhere: the lesson page, the live widget and the handouts all say "Question 7.1".

The self-assessment draws from every lesson, so it keeps "Question n of N".
"""

from __future__ import annotations

import re

from compact_course.facilitator.handouts import question_label as handout_label
from compact_course.learner.assessment import self_assessment
from compact_course.quiz.quiz import Quiz
from helpers import real_course

NUMBER = re.compile(r'<span class="cc-number">([^<]*)</span>')


def test_a_lesson_page_numbers_its_questions_as_the_handouts_do():
    course = real_course()
    lesson = course.lessons[6]
    quiz = Quiz.for_lesson(course, lesson.id)
    labels = NUMBER.findall(quiz.to_html())
    expected = [handout_label(course, lesson, n) for n in range(1, len(quiz.questions) + 1)]
    assert labels == expected
    assert labels[0] == f"Question {course.lesson_number(lesson.id)}.1"


def test_the_live_widget_uses_the_same_numbers():
    course = real_course()
    lesson = course.lessons[6]
    widget = Quiz.for_lesson(course, lesson.id).widget  # the script renders the same HTML live
    labels = NUMBER.findall(widget.html)
    assert labels[0] == handout_label(course, lesson, 1)
    assert all(" of " not in label for label in labels)


def test_the_self_assessment_keeps_question_n_of_n():
    course = real_course()
    labels = NUMBER.findall(self_assessment(course).to_html())
    # The first attempt's questions are numbered "n of N"; the rest of the pool waits, unnumbered
    # and hidden, for an attempt to draw it.
    shown = len(course.assessment.fixed)
    assert labels[:shown] == [f"Question {n} of {shown}" for n in range(1, shown + 1)]
    assert labels[shown:] == [""] * (len(course.pool_questions()) - shown)
