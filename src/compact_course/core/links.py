"""Links between built pages: from one docname to another, and to a question's source section."""

from __future__ import annotations

import posixpath

from compact_course.core import models as m
from compact_course.core.course import Course

# The id of a source-based lesson's list of sources (book/pages.py renders it).
SOURCES_ANCHOR = "lesson-sources"


def relative_link(from_doc: str | None, to_doc: str, anchor: str = "") -> str:
    """A link from one built page to another (docnames relative to the course root)."""
    target = to_doc + ".html"
    if from_doc is not None:
        target = posixpath.relpath(target, posixpath.dirname(from_doc + ".html") or ".")
    return f"{target}#{anchor}" if anchor else target


def source_link(course: Course, question: m.QuestionBase, from_doc: str | None) -> tuple[str, str]:
    """Where to read more, as (href, label): the lesson section quoting the question's first Q&A entry, or
    (a question citing only sources) the source list of the first lesson that summarises its first source."""
    if question.qa:
        anchor = question.qa[0]
        lesson = course.lesson_for_qa(anchor)
    else:
        anchor = SOURCES_ANCHOR
        lesson = course.lesson_for_source(question.sources[0])
    label = f"Lesson {course.lesson_number(lesson.id)}: {lesson.title}"
    return relative_link(from_doc, course.lesson_docname(lesson.id), anchor), label
