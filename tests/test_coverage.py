"""The quiz banks cover the course: every Q&A entry, every question type, every lesson."""

from __future__ import annotations

from collections import Counter

from compact_course.core import models as m
from helpers import COURSE_ROOT, real_course

MIN_PER_QA = 4
MIN_PER_TYPE = 8
MIN_QUESTIONS = 76


def test_every_qa_entry_is_drawn_on_by_at_least_four_questions():
    course = real_course()
    drawn = Counter(ref for q in course.all_questions() for ref in set(q.qa))
    thin = {entry.id: drawn[entry.id] for entry in course.qa if drawn[entry.id] < MIN_PER_QA}
    assert not thin, f"Q&A entries with fewer than {MIN_PER_QA} questions: {thin}"


def test_every_question_type_is_used_at_least_eight_times():
    used = Counter(q.type for q in real_course().all_questions())
    assert set(used) == set(m.QUESTION_TYPES)
    assert all(used[t] >= MIN_PER_TYPE for t in m.QUESTION_TYPES), dict(used)


def test_there_are_at_least_76_questions_with_unique_ids():
    questions = real_course().all_questions()
    assert len(questions) >= MIN_QUESTIONS
    assert len({q.id for q in questions}) == len(questions)


def test_every_lesson_has_a_bank_and_every_bank_a_lesson():
    course = real_course()
    lessons = {lesson.id for lesson in course.lessons}
    banks = [bank.quiz.lesson for bank in course.quizzes]
    assert sorted(banks) == sorted(lessons)
    files = {path.stem for path in (COURSE_ROOT / "quizzes").glob("*.yaml")}
    assert files == lessons
    for lesson in course.lessons:
        assert course.quiz_for(lesson.id).quiz.id == f"quiz-{lesson.id}"


def test_each_bank_draws_on_its_own_lessons_qa_entry():
    course = real_course()
    for bank in course.quizzes:
        own = course.lesson(bank.quiz.lesson).qa
        assert any(own in q.qa for q in bank.questions), bank.quiz.id
