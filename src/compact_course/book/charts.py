"""Charts of the cited figures: matplotlib figures with alt text, a caption and a data table.

Which figures a chart shows and every word around them come from ``data/charts.yaml``;
values, labels and sources from ``data/figures.yaml`` and ``data/timeline.yaml``. This
module only draws, one function per chart kind. Figures are built with
``matplotlib.figure.Figure`` (no pyplot state, no backend) and shown as deterministic SVG
(fixed hash salt, no date, text kept as text), so stored notebook outputs are stable and
nbval can compare them exactly. Colours are the Okabe-Ito colour-blind-safe palette, and
every bar carries its value as a text label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from compact_course.core import models as m
from compact_course.core.chart import FONT_SIZE, OKABE_ITO, SVG_SETTINGS, Chart
from compact_course.core.chart_models import ChartDefinition, SeriesBarChart, ShareBarChart, TimelineChart
from compact_course.core.course import Course


def _new_figure(width: float = 7.5, height: float = 4.0) -> Figure:
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = Figure(figsize=(width, height), layout="constrained")
    return figure


def _sources(course: Course, refs: Iterable[str]) -> tuple[m.Source, ...]:
    return tuple(dict.fromkeys(course.source(ref) for ref in refs))


def _figure_rows(figures: Iterable[m.Figure]) -> tuple[tuple[str, ...], ...]:
    return tuple((f.label, f.display_value, f.measure, f.date) for f in figures)


def _filled(definition: ChartDefinition, **words: object) -> dict[str, str]:
    """Every text of a definition with its placeholders filled from the data."""
    return {name: getattr(definition, name).format(**words) for name in definition.template_fields}


def _finish_axes(axes: Any, title: str) -> None:
    axes.set_title(title, loc="left", fontsize=FONT_SIZE + 1)
    axes.spines[["top", "right"]].set_visible(False)


def draw_series_bar(course: Course, definition: SeriesBarChart) -> Chart:
    figures = course.series(definition.series)
    labels = [f.label for f in figures]
    values = [f.value for f in figures]
    text = _filled(definition, values="; ".join(f"{f.label}: {f.display_value}" for f in figures))
    # Percentages keep their whole scale, so bars of different charts compare by eye.
    limit = 100 if figures[0].unit == "percent" else max(values) * 1.2
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = _new_figure()
        axes = figure.add_subplot()
        colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(figures))]
        if definition.horizontal:
            bars = axes.barh(labels, values, color=colours, edgecolor="black")
            axes.invert_yaxis()
            axes.set_xlabel(text["axis_label"])
            axes.set_xlim(0, limit)
        else:
            bars = axes.bar(labels, values, color=colours, edgecolor="black")
            axes.set_ylabel(text["axis_label"])
            axes.set_ylim(0, limit)
        axes.bar_label(bars, labels=[f.display_value for f in figures], padding=3)
        _finish_axes(axes, text["title"])
    return _chart(
        course, definition, text, figure, _figure_rows(figures), _sources(course, (f.source for f in figures))
    )


def _chart(course: Course, definition, text: dict[str, str], figure: Figure, rows, sources) -> Chart:
    """A drawn chart with the words its definition gives (title, alt text, caption, table columns)."""
    return Chart(
        chart_id=definition.id,
        title=text["title"],
        figure=figure,
        alt=text["alt"],
        caption=text["caption"],
        columns=definition.columns,
        rows=rows,
        sources=sources,
        words=course.interface.book,
    )


def draw_share_bar(course: Course, definition: ShareBarChart) -> Chart:
    share, total = course.figure(definition.share), course.figure(definition.total)
    text = _filled(definition, share=share.display_value, rest=f"{100 - share.value:g}%", total=f"{total.value:g}")
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = _new_figure(7.5, 2.2)
        axes = figure.add_subplot()
        bar = [text["bar_label"]]
        axes.barh(bar, [share.value], color=OKABE_ITO[0], edgecolor="black", label=text["share_label"])
        axes.barh(
            bar,
            [100 - share.value],
            left=[share.value],
            color="white",
            edgecolor="black",
            hatch="//",
            label=text["rest_label"],
        )
        axes.set_xlim(0, 100)
        axes.set_xlabel(text["axis_label"])
        _finish_axes(axes, text["title"])
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45), ncols=2, frameon=False)
    return _chart(
        course, definition, text, figure, _figure_rows((share, total)), _sources(course, (share.source, total.source))
    )


def draw_timeline(course: Course, definition: TimelineChart) -> Chart:
    events = tuple(sorted(course.events, key=lambda event: event.date))
    listed = "; ".join(f"{event.date}: {event.title}" for event in events)
    text = _filled(definition, count=len(events), events=listed)
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = Figure(figsize=(10, 0.45 * len(events) + 1.2))
        figure.subplots_adjust(left=0.5, right=0.97, top=0.93, bottom=0.12)
        axes = figure.add_subplot()
        positions = list(range(len(events)))
        years = [event.year for event in events]
        axes.hlines(positions, min(years) - 1, years, color="#bbbbbb", linewidth=1)
        axes.plot(years, positions, "o", color=OKABE_ITO[0], markersize=7)
        axes.set_yticks(positions, [f"{event.title} ({event.date[:4]})" for event in events])
        axes.invert_yaxis()
        axes.set_xlim(min(years) - 1, max(years) + 1)
        axes.set_xlabel(text["axis_label"])
        _finish_axes(axes, text["title"])
    return _chart(
        course,
        definition,
        text,
        figure,
        tuple((event.date, event.title, event.description) for event in events),
        _sources(course, (ref for event in events for ref in event.sources)),
    )


# Chart kind (``kind`` in data/charts.yaml) -> its drawing code.
DRAW: dict[str, Callable[[Course, Any], Chart]] = {
    "series-bar": draw_series_bar,
    "share-bar": draw_share_bar,
    "timeline": draw_timeline,
}


def definition_of(course: Course, chart_id: str) -> ChartDefinition:
    """The definition of one chart in data/charts.yaml; a clear KeyError if there is none."""
    for definition in course.charts:
        if definition.id == chart_id:
            return definition
    known = ", ".join(definition.id for definition in course.charts)
    raise KeyError(f"no chart {chart_id!r}; charts are {known}")


def chart(course: Course, chart_id: str) -> Chart:
    """Draw one chart. Only an unknown id is "no chart": errors while drawing propagate as they are."""
    definition = definition_of(course, chart_id)
    return DRAW[definition.kind](course, definition)
