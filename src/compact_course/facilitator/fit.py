"""Cutting a plan to fit: drop the least central lessons, keep the rest in course order.

How central a lesson is comes from ``priorities`` in ``data/plans.yaml`` (1 is the heart of
the course). :func:`fit_plan` drops, one at a time, the lesson with the highest priority
number (the later in the course on a tie) until the plan fits; ``compact-course plan`` uses
the same rule to say which lessons to drop when a selection does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.facilitator.agenda import Plan, PlanDoesNotFit, PlanError, Settings
from compact_course.facilitator.layout import build_plan


def priority(course: Course, lesson: m.Lesson) -> int:
    try:
        return course.plans.priorities[lesson.id]
    except KeyError:
        raise PlanError(f"lesson {lesson.id!r} has no priority in data/plans.yaml (priorities)") from None


def least_central(course: Course, lessons: Sequence[m.Lesson]) -> m.Lesson:
    """The lesson to drop first: the highest priority number, the later in course order on a tie."""
    return max(lessons, key=lambda lesson: (priority(course, lesson), course.lesson_number(lesson.id)))


def fit_plan(
    course: Course, lessons: Sequence[m.Lesson], settings: Settings, title: str | None = None
) -> tuple[Plan, tuple[m.Lesson, ...]]:
    """The plan of as many lessons as fit, and the lessons left out (in course order).

    Raises :class:`PlanDoesNotFit` when not even one lesson fits.
    """
    kept, dropped = list(lessons), []
    while True:
        try:
            plan = build_plan(course, kept, settings, title)
        except PlanDoesNotFit:
            if len(kept) <= 1:
                raise
            victim = least_central(course, kept)
            kept.remove(victim)
            dropped.append(victim)
            continue
        return plan, tuple(sorted(dropped, key=lambda lesson: course.lesson_number(lesson.id)))


def lesson_names(course: Course, lessons: Sequence[m.Lesson]) -> str:
    return "; ".join(f"lesson {course.lesson_number(lesson.id)} ({lesson.title})" for lesson in lessons)


def drop_advice(course: Course, lessons: Sequence[m.Lesson], settings: Settings) -> str:
    """What to drop for the selection to fit, or an empty string if dropping lessons cannot help."""
    try:
        _plan, dropped = fit_plan(course, lessons, settings)
    except PlanDoesNotFit:
        return ""
    return (
        f" To fit, drop the least central: {lesson_names(course, dropped)}. "
        f"Run again with --fit to drop them and keep the rest in course order."
    )
