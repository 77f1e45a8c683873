"""Rule: ids (and a few other values people look things up by) are unique within their kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core.rules import Context


def unique_data_ids(report: Reporter, context: Context) -> None:
    course = context.course
    report.duplicates("data/qa.yaml", ((("entries", i, "id"), e.id) for i, e in enumerate(course.qa)), "id")
    sources = list(enumerate(course.sources))
    report.duplicates("data/sources.yaml", ((("sources", i, "id"), s.id) for i, s in sources), "id")
    report.duplicates("data/sources.yaml", ((("sources", i, "url"), s.url) for i, s in sources if s.url), "address")
    report.duplicates("data/figures.yaml", ((("figures", i, "id"), f.id) for i, f in enumerate(course.figures)), "id")
    report.duplicates("data/timeline.yaml", ((("events", i, "id"), e.id) for i, e in enumerate(course.events)), "id")
    terms = list(enumerate(course.terms))
    report.duplicates("data/glossary.yaml", ((("terms", i, "id"), t.id) for i, t in terms), "id")
    report.duplicates("data/glossary.yaml", ((("terms", i, "term"), t.term) for i, t in terms), "term")


def unique_lesson_ids(report: Reporter, context: Context) -> None:
    course, file = context.course, "data/lessons.yaml"
    report.duplicates(file, ((("modules", i, "id"), mod.id) for i, mod in enumerate(course.modules)), "id")
    report.duplicates(file, ((path + ("id",), lesson.id) for path, lesson in lesson_paths(course)), "lesson id")
    prompts = (
        (path + ("discussion", k, "id"), prompt.id)
        for path, lesson in lesson_paths(course)
        for k, prompt in enumerate(lesson.discussion)
    )
    report.duplicates(file, prompts, "discussion prompt id")
