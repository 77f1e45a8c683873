"""The quiz banks cover the course: every question type, enough questions, each lesson's own entry.

Rules the loader already enforces (every Q&A entry drawn on by at least four questions, one
bank per lesson named after it, unique question ids) are not restated here: ``real_course()``
would have raised before any assertion ran. They are tested, failing, on the fixture course
in test_data_loading.py.
"""

from __future__ import annotations

from collections import Counter

from compact_course.core import models as m
from helpers import real_course

MIN_PER_TYPE = 8
MIN_QUESTIONS = 76


def test_every_question_type_is_used_at_least_eight_times():
    used = Counter(q.type for q in real_course().all_questions())
    assert set(used) == set(m.QUESTION_TYPES)
    assert all(used[t] >= MIN_PER_TYPE for t in m.QUESTION_TYPES), dict(used)


def test_there_are_at_least_76_questions():
    assert len(real_course().all_questions()) >= MIN_QUESTIONS


def test_each_quiz_is_named_after_its_lesson():
    course = real_course()
    for lesson in course.lessons:
        assert course.quiz_for(lesson.id).quiz.id == f"quiz-{lesson.id}"


def test_each_bank_draws_on_its_own_lessons_qa_entry():
    course = real_course()
    for bank in course.quizzes:
        lesson = course.lesson(bank.quiz.lesson)
        if lesson.qa is None:  # a source-based lesson: its questions cite the sources it summarises
            assert all(set(q.sources) & set(lesson.sources) for q in bank.questions), bank.quiz.id
            continue
        assert any(lesson.qa in q.qa for q in bank.questions), bank.quiz.id
