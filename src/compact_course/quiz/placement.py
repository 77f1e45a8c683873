"""Where a question sits in the course: the lesson whose bank holds it."""

from __future__ import annotations

from compact_course.core import models as m
from compact_course.core.course import Course


def lesson_of_question(course: Course, question: m.QuestionBase) -> m.Lesson:
    """The lesson whose bank holds the question (for a question outside the banks: its first Q&A's lesson)."""
    try:
        return course.lesson(course.bank_of_question(question.id).quiz.lesson)
    except KeyError:
        return course.lesson_for_qa(question.qa[0])
