"""Chart functions, tested on the figures they return: values, labels, alt text, sources, tables."""

from __future__ import annotations

import re

import pytest

from compact_course import cached_course
from compact_course.book.charts import CHARTS, chart
from compact_course.core.chart import OKABE_ITO
from compact_course.core.course import CHART_NEEDS


@pytest.fixture(scope="module")
def course():
    return cached_course()


def test_every_chart_the_lessons_use_exists(course):
    assert set(CHARTS) == set(CHART_NEEDS)
    used = [c for lesson in course.lessons for c in lesson.charts]
    assert sorted(used) == sorted(CHARTS)


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


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_html_has_alt_text_caption_source_and_table_and_is_deterministic(course, chart_id):
    ch = chart(course, chart_id)
    html = ch.to_html()
    assert html == chart(course, chart_id).to_html()
    assert re.search(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]+"', html)
    assert "<figcaption>" in html and "Source:" in html
    assert "<table" in html and "<caption>" in html and 'scope="col"' in html
    svg = ch.svg()
    assert "<dc:date>" not in svg and "0x" not in svg
    assert repr(ch) == f"Chart: {ch.title}"


def test_unknown_chart_is_a_clear_error(course):
    with pytest.raises(KeyError, match="no chart 'pie'"):
        chart(course, "pie")
