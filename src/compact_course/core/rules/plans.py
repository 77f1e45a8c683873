"""Rule: the ready-made plans' priorities rank every lesson, and only real lessons.

``compact-course plan --fit`` drops the lessons with the highest priority number first, so a
lesson without a priority could never be dropped (or kept) on purpose, and a priority naming
a lesson that does not exist is a typo that would silently rank nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core.rules import Context

FILE = "data/plans.yaml"


def priorities_rank_every_lesson(report: Reporter, context: Context) -> None:
    priorities = context.course.plans.priorities
    for lesson_id in priorities:
        report.need(FILE, ("priorities", lesson_id), lesson_id, context.lesson_ids, "lesson")
    for path, lesson in lesson_paths(context.course):
        if lesson.id not in priorities:
            report.add("data/lessons.yaml", path + ("id",), f"lesson has no priority in {FILE} (priorities:)")
