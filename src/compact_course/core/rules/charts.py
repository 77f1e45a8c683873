"""Rule: lessons show known charts, each once, and the data each chart draws on exists."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import FieldPath, Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core.rules import Context

# Chart id -> what it needs from the data: ("series", id), ("figures", ids) or ("events",).
CHART_NEEDS: dict[str, tuple] = {
    "survey-agreement": ("series", "survey-agreement"),
    "survey-2013": ("figures", ("survey-2013-agreement", "survey-2013-respondents")),
    "nao-short-consultations": ("series", "nao-short-consultations"),
    "engagement-2012": ("series", "engagement-2012"),
    "timeline": ("events",),
}

LESSONS = "data/lessons.yaml"


def _missing_data(chart: str, context: Context) -> list[str]:
    needs = CHART_NEEDS[chart]
    course = context.course
    if needs[0] == "series" and needs[1] not in {figure.series for figure in course.figures if figure.series}:
        return [f"chart {chart!r} needs figure series {needs[1]!r}"]
    if needs[0] == "figures":
        figure_ids = {figure.id for figure in course.figures}
        return [f"chart {chart!r} needs figure {figure_id!r}" for figure_id in needs[1] if figure_id not in figure_ids]
    return []


def lesson_charts(report: Reporter, context: Context) -> None:
    shown: dict[str, list[FieldPath]] = defaultdict(list)
    for path, lesson in lesson_paths(context.course):
        for k, chart in enumerate(lesson.charts):
            where = path + ("charts", k)
            shown[chart].append(where)
            if chart not in CHART_NEEDS:
                report.add(LESSONS, where, f"unknown chart {chart!r}; known: {', '.join(CHART_NEEDS)}")
                continue
            for message in _missing_data(chart, context):
                report.add(LESSONS, where, message)
    for chart, paths in shown.items():
        for where in paths[1:]:
            report.add(LESSONS, where, f"chart {chart!r} is already shown in another lesson")
