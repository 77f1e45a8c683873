"""Chart functions, tested on the figures they return: values, labels, alt text, sources, tables."""

from __future__ import annotations

import dataclasses
import re
import typing
from html import escape

import pytest
from pydantic import ValidationError

from compact_course import cached_course
from compact_course.book import charts
from compact_course.book.charts import DRAW, chart, definition_of
from compact_course.core import chart_models
from compact_course.core.chart import OKABE_ITO
from helpers import course_copy, edit, find_problem, line_of, load_problems

CHARTS = ("survey-agreement", "survey-2013", "nao-short-consultations", "engagement-2012", "timeline")


@pytest.fixture(scope="module")
def course():
    return cached_course()


def test_the_course_defines_the_five_charts(course):
    # That each is shown by exactly one lesson is a `check` rule (core/rules/charts.py).
    assert sorted(definition.id for definition in course.charts) == sorted(CHARTS)


def test_every_chart_kind_has_drawing_code_and_nothing_else_does():
    kinds = {
        typing.get_args(cls.model_fields["kind"].annotation)[0]
        for cls in typing.get_args(typing.get_args(chart_models.ChartDefinition)[0])
    }
    assert set(DRAW) == kinds == {"series-bar", "share-bar", "timeline"}


@pytest.mark.parametrize("chart_id", CHARTS)
def test_title_caption_and_table_headings_come_from_data_charts_yaml(course, chart_id):
    definition = definition_of(course, chart_id)
    changed = definition.model_copy(
        update={
            "title": "A test title",
            "caption": "A test caption",
            "columns": tuple(f"C{i}" for i in range(len(definition.columns))),
        }
    )
    other = dataclasses.replace(course, charts=tuple(changed if d.id == chart_id else d for d in course.charts))
    ch = chart(other, chart_id)
    assert (ch.title, ch.caption) == ("A test title", "A test caption")
    assert ch.figure.axes[0].get_title(loc="left") == "A test title"
    assert ch.columns == changed.columns
    assert chart(course, chart_id).title == definition.title  # the original course is untouched


def test_share_bar_fills_its_placeholders_from_the_figures(course):
    definition = definition_of(course, "survey-2013")
    assert "{share}" in definition.alt and "{total}" in definition.alt and "{rest}" in definition.alt
    ch = chart(course, "survey-2013")
    assert "{" not in ch.alt + ch.title + ch.caption
    legend = [t.get_text() for t in ch.figure.axes[0].get_legend().get_texts()]
    share = course.figure(definition.share)
    assert legend == [f"Agreed ({share.display_value})", f"Remainder ({100 - share.value:g}%)"]


def test_an_unknown_placeholder_is_refused_when_the_file_is_loaded():
    with pytest.raises(ValidationError, match=r"alt uses unknown placeholder \{value\}; this kind allows \{values\}"):
        chart_models.SeriesBarChart(
            id="x",
            kind="series-bar",
            series="s",
            title="T",
            caption="C",
            alt="Values: {value}.",
            axis_label="A",
            columns=("a", "b", "c", "d"),
        )
    with pytest.raises(ValidationError, match="table has 3 columns, not 2"):
        chart_models.TimelineChart(
            id="x", kind="timeline", title="T", caption="C", alt="A", axis_label="Y", columns=("a", "b")
        )


def test_a_chart_of_a_missing_series_is_reported_at_its_line_in_data_charts_yaml(tmp_path):
    root = course_copy(tmp_path)
    line = edit(root, "data/charts.yaml", "    series: engagement-2012\n", "    series: engagement-2099\n")
    problems, _ = load_problems(root)
    find_problem(problems, "data/charts.yaml", line, "charts[3].series", "unknown figure series 'engagement-2099'")


def test_a_lesson_naming_an_undefined_chart_is_reported(tmp_path):
    root = course_copy(tmp_path)
    edit(root, "data/charts.yaml", "  - id: timeline\n", "  - id: timeline-old\n")
    problems, _ = load_problems(root)
    line = line_of(root, "data/lessons.yaml", "charts: [timeline]")
    assert any(
        p.file == "data/lessons.yaml" and p.line == line and "unknown chart 'timeline'" in p.message for p in problems
    ), problems


def test_survey_agreement_values_labels_and_alt_text_come_from_the_data(course):
    figures = course.series("survey-agreement")
    ch = chart(course, "survey-agreement")
    axes = ch.figure.axes[0]
    assert [p.get_height() for p in axes.patches] == [f.value for f in figures]
    assert [t.get_text() for t in axes.get_xticklabels()] == [f.label for f in figures]
    assert [t.get_text() for t in axes.texts] == [f.display_value for f in figures]  # values written on the bars
    for f in figures:
        assert f"{f.label}: {f.display_value}" in ch.alt
    assert axes.get_ylim() == (0, 100)
    assert [row[:2] for row in ch.rows] == [(f.label, f.display_value) for f in figures]
    assert {s.id for s in ch.sources} == {f.source for f in figures}


def test_colour_blind_safe_palette_and_readable_labels(course):
    for chart_id in ("survey-agreement", "nao-short-consultations", "engagement-2012"):
        axes = chart(course, chart_id).figure.axes[0]
        colours = {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in axes.patches}
        palette = {tuple(round(int(h[i : i + 2], 16) / 255, 3) for i in (1, 3, 5)) for h in OKABE_ITO}
        assert colours <= palette
        for label in axes.get_xticklabels() + axes.get_yticklabels():
            assert label.get_fontsize() >= 10


def test_nao_and_engagement_series(course):
    for chart_id, series in (
        ("nao-short-consultations", "nao-short-consultations"),
        ("engagement-2012", "engagement-2012"),
    ):
        ch = chart(course, chart_id)
        values = sorted(f.value for f in course.series(series))
        axes = ch.figure.axes[0]
        measured = sorted(
            max(p.get_width(), p.get_height()) if chart_id == "engagement-2012" else p.get_height()
            for p in axes.patches
        )
        assert measured == values
        assert all(f.display_value in ch.alt for f in course.series(series))


def test_survey_2013_shows_the_cited_figure(course):
    ch = chart(course, "survey-2013")
    agreement, respondents = course.figure("survey-2013-agreement"), course.figure("survey-2013-respondents")
    assert ch.figure.axes[0].patches[0].get_width() == agreement.value
    assert f"{respondents.value:g} respondents" in ch.alt and agreement.display_value in ch.alt


def test_timeline_lists_every_event_in_date_order(course):
    ch = chart(course, "timeline")
    events = sorted(course.events, key=lambda e: e.date)
    assert [row[0] for row in ch.rows] == [e.date for e in events]
    labels = [t.get_text() for t in ch.figure.axes[0].get_yticklabels()]
    assert labels == [f"{e.title} ({e.date[:4]})" for e in events]
    assert events[0].date.startswith("1998") and events[-1].date.startswith("2025")


@pytest.mark.parametrize("chart_id", CHARTS)
def test_html_has_alt_text_caption_source_and_table_and_is_deterministic(course, chart_id):
    ch = chart(course, chart_id)
    html = ch.to_html()
    assert html == chart(course, chart_id).to_html()
    assert re.search(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]+"', html)
    caption = html.split("<figcaption>", 1)[1].split("</figcaption>", 1)[0]
    assert "<a " not in caption and "<cite>" not in caption  # the sources are not in the caption ...
    listed = html.split('<div class="cc-chart-sources">', 1)[1].split("</ul>", 1)[0]
    assert listed.count("<li>") == len(ch.sources) > 0  # ... but in a short list under the chart
    for source in ch.sources:
        assert escape(source.title) in listed
    assert "<table" in html and "<caption>" in html and 'scope="col"' in html
    svg = ch.svg()
    assert "<dc:date>" not in svg and "0x" not in svg
    assert repr(ch) == f"Chart: {ch.title}"


def test_unknown_chart_is_a_clear_error(course):
    with pytest.raises(KeyError, match="no chart 'pie'"):
        chart(course, "pie")


def test_a_key_error_while_drawing_is_not_reported_as_no_chart(course, monkeypatch):
    # Before: chart() wrapped the whole draw in `except KeyError`, so a missing figure or a
    # typo inside a plot function came out as "no chart 'timeline'".
    def broken(course, definition):
        raise KeyError("figure 'gone' is missing")

    monkeypatch.setitem(charts.DRAW, "timeline", broken)
    with pytest.raises(KeyError, match="figure 'gone' is missing") as raised:
        chart(course, "timeline")
    assert "no chart" not in str(raised.value)
