"""Rule: one set of facilitator notes per lesson; timings fit the lesson; references resolve."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core import models as m
    from compact_course.core.rules import Context

FILE = "data/facilitator.yaml"


def _check_notes(report: Reporter, context: Context, i: int, notes: m.FacilitatorNotes) -> None:
    path = ("lessons", i)
    lesson = context.course.lesson(notes.lesson)
    total = sum(t.minutes for t in notes.timings)
    if total != lesson.minutes:
        report.add(
            FILE, path + ("timings",), f"timings add up to {total} minutes but the lesson takes {lesson.minutes}"
        )
    prompts = {p.id for p in lesson.discussion}
    what = f"discussion prompt of lesson {notes.lesson!r}:"
    for j, prompt in enumerate(notes.discussion):
        report.need(FILE, path + ("discussion", j, "prompt"), prompt.prompt, prompts, what)
    for j, qid in enumerate(notes.spark_questions):
        report.need(FILE, path + ("spark_questions", j), qid, context.question_ids, "quiz question")


def notes_fit_their_lessons(report: Reporter, context: Context) -> None:
    noted: set[str] = set()
    for i, notes in enumerate(context.course.facilitator):
        if notes.lesson in noted:
            report.add(FILE, ("lessons", i, "lesson"), f"lesson {notes.lesson!r} already has facilitator notes")
        noted.add(notes.lesson)
        if notes.lesson not in context.lesson_ids:
            report.add(FILE, ("lessons", i, "lesson"), f"unknown lesson {notes.lesson!r}")
            continue
        _check_notes(report, context, i, notes)
    for path, lesson in lesson_paths(context.course):
        if lesson.id not in noted:
            report.add("data/lessons.yaml", path + ("id",), "lesson has no facilitator notes in data/facilitator.yaml")
