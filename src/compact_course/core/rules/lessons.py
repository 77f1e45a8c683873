"""Rule: each lesson teaches one Q&A entry (or summarises known sources), and every entry is taught exactly once."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import FieldPath, Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core.rules import Context


def each_entry_taught_once(report: Reporter, context: Context) -> None:
    file = "data/lessons.yaml"
    taught: dict[str, list[FieldPath]] = defaultdict(list)
    for path, lesson in lesson_paths(context.course):
        for k, source in enumerate(lesson.sources):
            report.need(file, path + ("sources", k), source, context.source_ids, "source")
        if lesson.qa is None:  # a source-based lesson (the "What applies today" module)
            continue
        report.need(file, path + ("qa",), lesson.qa, context.qa_ids, "Q&A entry")
        taught[lesson.qa].append(path + ("qa",))
    for qa_id, paths in taught.items():
        for path in paths[1:]:
            report.add(file, path, f"Q&A entry {qa_id!r} is already taught by another lesson")
    for i, entry in enumerate(context.course.qa):
        if entry.id not in taught:
            report.add("data/qa.yaml", ("entries", i, "id"), "no lesson in data/lessons.yaml teaches this Q&A entry")
