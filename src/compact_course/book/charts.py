"""Charts of the cited figures: matplotlib figures with alt text, a caption and a data table.

Every value, label and source comes from ``data/figures.yaml`` or ``data/timeline.yaml``.
Figures are built with ``matplotlib.figure.Figure`` (no pyplot state, no backend) and shown
as deterministic SVG (fixed hash salt, no date, text kept as text), so stored notebook
outputs are stable and nbval can compare them exactly. Colours are the Okabe-Ito
colour-blind-safe palette, and every bar carries its value as a text label.
"""

from __future__ import annotations

import matplotlib
from matplotlib.figure import Figure

from compact_course.core import models as m
from compact_course.core.chart import FONT_SIZE, OKABE_ITO, SVG_SETTINGS, Chart
from compact_course.core.course import Course


def _new_figure(width: float = 7.5, height: float = 4.0) -> Figure:
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = Figure(figsize=(width, height), layout="constrained")
    return figure


def _bar_chart(
    course: Course,
    chart_id: str,
    figures: tuple[m.Figure, ...],
    title: str,
    ylabel: str,
    alt_intro: str,
    caption: str,
    horizontal: bool = False,
) -> Chart:
    labels = [f.label for f in figures]
    values = [f.value for f in figures]
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = _new_figure()
        axes = figure.add_subplot()
        colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(figures))]
        if horizontal:
            bars = axes.barh(labels, values, color=colours, edgecolor="black")
            axes.invert_yaxis()
            axes.set_xlabel(ylabel)
            axes.set_xlim(0, 100 if figures[0].unit == "percent" else max(values) * 1.2)
        else:
            bars = axes.bar(labels, values, color=colours, edgecolor="black")
            axes.set_ylabel(ylabel)
            axes.set_ylim(0, 100 if figures[0].unit == "percent" else max(values) * 1.2)
        axes.bar_label(bars, labels=[f.display_value for f in figures], padding=3)
        axes.set_title(title, loc="left", fontsize=FONT_SIZE + 1)
        axes.spines[["top", "right"]].set_visible(False)
    values_text = "; ".join(f"{f.label}: {f.display_value}" for f in figures)
    sources = tuple(dict.fromkeys(course.source(f.source) for f in figures))
    return Chart(
        chart_id=chart_id,
        title=title,
        figure=figure,
        alt=f"{alt_intro} {values_text}.",
        caption=caption,
        columns=("Label", "Value", "What it measures", "Published"),
        rows=tuple((f.label, f.display_value, f.measure, f.date) for f in figures),
        sources=sources,
    )


def plot_survey_agreement(course: Course) -> Chart:
    figures = course.series("survey-agreement")
    return _bar_chart(
        course,
        "survey-agreement",
        figures,
        "Agreement that the Compact is important, local Compact surveys",
        "Respondents agreeing (%)",
        "Bar chart of the share of respondents to Compact Voice's annual surveys of local Compacts who agreed "
        "that the Compact is important and effort is needed to implement it in full, by survey year.",
        "Compact Voice's annual surveys of local Compacts in England. The 2014 survey was published in March 2015.",
    )


def plot_survey_2013(course: Course) -> Chart:
    agreement = course.figure("survey-2013-agreement")
    respondents = course.figure("survey-2013-respondents")
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = _new_figure(7.5, 2.2)
        axes = figure.add_subplot()
        agreed = agreement.value
        axes.barh(
            ["2013 survey"],
            [agreed],
            color=OKABE_ITO[0],
            edgecolor="black",
            label=f"Agreed ({agreement.display_value})",
        )
        axes.barh(
            ["2013 survey"],
            [100 - agreed],
            left=[agreed],
            color="white",
            edgecolor="black",
            hatch="//",
            label=f"Remainder ({100 - agreed:g}%)",
        )
        axes.set_xlim(0, 100)
        axes.set_xlabel(f"Share of the {respondents.value:g} respondents (%)")
        axes.set_title("2013 survey: the Compact is important", loc="left", fontsize=FONT_SIZE + 1)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45), ncols=2, frameon=False)
        axes.spines[["top", "right"]].set_visible(False)
    sources = tuple(dict.fromkeys(course.source(f.source) for f in (agreement, respondents)))
    return Chart(
        chart_id="survey-2013",
        title="2013 survey: the Compact is important",
        figure=figure,
        alt=(
            f"Stacked bar: {agreement.display_value} of the {respondents.value:g} respondents to the 2013 Annual Survey "
            f"of Local Compacts agreed that the Compact is important and effort needs to be made to implement it in full; "
            f"the remaining {100 - agreed:g}% did not say they agreed."
        ),
        caption="The figure Compact Voice's Q&A cites. The remainder is everyone who did not say they agreed; the source does not break it down.",
        columns=("Figure", "Value", "What it measures", "Published"),
        rows=tuple((f.label, f.display_value, f.measure, f.date) for f in (agreement, respondents)),
        sources=sources,
    )


def plot_nao_short_consultations(course: Course) -> Chart:
    return _bar_chart(
        course,
        "nao-short-consultations",
        course.series("nao-short-consultations"),
        "Central government consultations shorter than 12 weeks",
        "Consultations under 12 weeks (%)",
        "Bar chart of the share of central government consultations that ran for less than 12 weeks, as reported by the "
        "National Audit Office, by period.",
        "National Audit Office report (2012) and its follow-up (published January 2015).",
    )


def plot_engagement_2012(course: Course) -> Chart:
    return _bar_chart(
        course,
        "engagement-2012",
        course.series("engagement-2012"),
        "Actively engaged with their local Compact, 2012 survey",
        "Respondents actively engaged (%)",
        "Horizontal bar chart comparing the share of statutory and voluntary sector respondents to the 2012 survey of "
        "local Compacts who were actively engaged with their local Compact.",
        "Compact Voice's second annual survey of local Compacts (July 2012): the engagement gap between the sectors.",
        horizontal=True,
    )


def plot_timeline(course: Course) -> Chart:
    events = tuple(sorted(course.events, key=lambda event: event.date))
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
        axes.set_xlabel("Year")
        axes.set_title("The Compact, 1998 to the Civil Society Covenant", loc="left", fontsize=FONT_SIZE + 1)
        axes.spines[["top", "right"]].set_visible(False)
    sources = tuple(dict.fromkeys(course.source(ref) for event in events for ref in event.sources))
    return Chart(
        chart_id="timeline",
        title="The Compact, 1998 to the Civil Society Covenant",
        figure=figure,
        alt="Timeline of "
        + str(len(events))
        + " events: "
        + "; ".join(f"{ev.date}: {ev.title}" for ev in events)
        + ".",
        caption="Key dates from the Q&A and the cited sources.",
        columns=("Date", "Event", "What happened"),
        rows=tuple((event.date, event.title, event.description) for event in events),
        sources=sources,
    )


CHARTS = {
    "survey-agreement": plot_survey_agreement,
    "survey-2013": plot_survey_2013,
    "nao-short-consultations": plot_nao_short_consultations,
    "engagement-2012": plot_engagement_2012,
    "timeline": plot_timeline,
}


def chart(course: Course, chart_id: str) -> Chart:
    try:
        return CHARTS[chart_id](course)
    except KeyError:
        raise KeyError(f"no chart {chart_id!r}; charts are {', '.join(CHARTS)}") from None
