"""What a lesson takes in a session: its minutes by part, and the quiz questions polled in it.

A lesson's minutes in ``data/lessons.yaml`` cover its reading, scenario and discussion; its
timings in ``data/facilitator.yaml`` say which part each activity is. A plan adds a quiz part
on top: ``polls`` of the lesson's quiz questions are polled in the room, the facilitator's
discussion starters first, then the rest of the lesson's quiz in order, ``poll_minutes`` each.
"""

from __future__ import annotations

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.facilitator.agenda import Settings

PARTS = ("reading", "scenario", "discussion", "quiz")
UNTAGGED = "other"


def polled_questions(course: Course, lesson: m.Lesson, polls: int) -> tuple[m.QuestionBase, ...]:
    """The questions a lesson polls: its discussion starters first, then its quiz in order."""
    if polls <= 0:
        return ()
    quiz = course.quiz_for(lesson.id).questions
    own = {question.id for question in quiz}
    notes = course.notes_for(lesson.id)
    starters = [q for q in (notes.spark_questions if notes else ()) if q in own]
    order = starters + [question.id for question in quiz if question.id not in starters]
    by_id = {question.id: question for question in quiz}
    return tuple(by_id[question_id] for question_id in order[:polls])


def lesson_parts(course: Course, lesson: m.Lesson, settings: Settings) -> tuple[tuple[str, int], ...]:
    """Minutes by part, in :data:`PARTS` order; minutes no timing accounts for are 'other'."""
    notes = course.notes_for(lesson.id)
    totals = dict.fromkeys(PARTS, 0)
    for timing in notes.timings if notes else ():
        part = timing.part or UNTAGGED
        totals[part] = totals.get(part, 0) + timing.minutes
    accounted = sum(totals.values())
    if accounted < lesson.minutes:
        totals[UNTAGGED] = totals.get(UNTAGGED, 0) + lesson.minutes - accounted
    totals["quiz"] += len(polled_questions(course, lesson, settings.polls)) * settings.poll_minutes
    return tuple((part, minutes) for part, minutes in totals.items() if minutes)


def lesson_minutes(course: Course, lesson: m.Lesson, settings: Settings) -> int:
    """The lesson's own minutes plus its polls."""
    return lesson.minutes + len(polled_questions(course, lesson, settings.polls)) * settings.poll_minutes
