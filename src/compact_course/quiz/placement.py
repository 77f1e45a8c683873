"""Where a question sits in the course: the lesson whose bank holds it."""

from __future__ import annotations

from compact_course.core import models as m
from compact_course.core.course import Course


def lesson_of_question(course: Course, question: m.QuestionBase) -> m.Lesson:
    """The lesson whose bank holds the question (for a question outside the banks: the lesson teaching its
    first Q&A entry, or for one that cites only sources, the first lesson summarising its first source)."""
    try:
        return course.lesson(course.bank_of_question(question.id).quiz.lesson)
    except KeyError:
        if question.qa:
            return course.lesson_for_qa(question.qa[0])
        return course.lesson_for_source(question.sources[0])
