"""Rules: lessons show charts defined in data/charts.yaml, each once, and the data each chart draws on exists."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from compact_course.core.chart_models import SeriesBarChart, ShareBarChart
from compact_course.core.rules.reporter import FieldPath, Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core.rules import Context

LESSONS = "data/lessons.yaml"
CHARTS = "data/charts.yaml"


def chart_data_exists(report: Reporter, context: Context) -> None:
    """Each chart in data/charts.yaml has a unique id and draws on figures that exist."""
    course = context.course
    report.duplicates(CHARTS, ((("charts", i, "id"), d.id) for i, d in enumerate(course.charts)), "id")
    series_ids = {figure.series for figure in course.figures if figure.series}
    figure_ids = {figure.id for figure in course.figures}
    for i, definition in enumerate(course.charts):
        if isinstance(definition, SeriesBarChart):
            report.need(CHARTS, ("charts", i, "series"), definition.series, series_ids, "figure series")
        if isinstance(definition, ShareBarChart):
            report.need(CHARTS, ("charts", i, "share"), definition.share, figure_ids, "figure")
            report.need(CHARTS, ("charts", i, "total"), definition.total, figure_ids, "figure")
            if definition.share in figure_ids and course.figure(definition.share).unit != "percent":
                report.add(CHARTS, ("charts", i, "share"), "a share-bar's share must be a percentage figure")


def lesson_charts(report: Reporter, context: Context) -> None:
    """Lessons name charts defined in data/charts.yaml, each chart in one lesson only."""
    known = [definition.id for definition in context.course.charts]
    shown: dict[str, list[FieldPath]] = defaultdict(list)
    for path, lesson in lesson_paths(context.course):
        for k, chart in enumerate(lesson.charts):
            where = path + ("charts", k)
            shown[chart].append(where)
            if chart not in known:
                report.add(LESSONS, where, f"unknown chart {chart!r}; known: {', '.join(known)}")
    for chart, paths in shown.items():
        for where in paths[1:]:
            report.add(LESSONS, where, f"chart {chart!r} is already shown in another lesson")


def every_chart_is_shown(report: Reporter, context: Context) -> None:
    """Each chart defined in data/charts.yaml is shown by a lesson (an unshown one is dead data)."""
    shown = {chart for lesson in context.course.lessons for chart in lesson.charts}
    for i, definition in enumerate(context.course.charts):
        if definition.id not in shown:
            report.add(
                CHARTS, ("charts", i, "id"), f"no lesson shows this chart (add it to a lesson's charts in {LESSONS})"
            )
