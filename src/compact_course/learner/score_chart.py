"""The learner's score by module as an accessible chart: bars, alt text and a data table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure

from compact_course.core.chart import FONT_SIZE, OKABE_ITO, SVG_SETTINGS, Chart
from compact_course.learner.names import QUIZ_ID

if TYPE_CHECKING:  # results.py builds the chart from its scores, so it imports this module
    from compact_course.learner.results import ModuleScore

TITLE = "Your score by module"


@dataclass(frozen=True)
class ScoreChart(Chart):
    """A chart of the learner's own scores: no published source to cite (so no source line)."""


def score_chart(scores: Sequence[ModuleScore], caption: str) -> ScoreChart:
    """Horizontal bars of the percentage correct per module, each labelled with its value."""
    labels = [f"Module {s.number}" for s in scores]
    values = [s.tally.percent for s in scores]
    bar_labels = [
        f"{s.tally.percent}% ({s.tally.correct} of {s.tally.total})" if s.tally.attempted else s.percent_text
        for s in scores
    ]
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = Figure(figsize=(7.5, 0.7 * len(scores) + 1.6), layout="constrained")
        axes = figure.add_subplot()
        colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(scores))]
        bars = axes.barh(labels, values, color=colours, edgecolor="black")
        axes.bar_label(bars, labels=bar_labels, padding=4)
        axes.invert_yaxis()
        # Room to the right of a full bar for its label; the axis itself stops at 100%.
        axes.set_xlim(0, 135)
        axes.set_xticks(range(0, 101, 20))
        axes.set_xlabel("Questions answered correctly (%)")
        axes.set_title(TITLE, loc="left", fontsize=FONT_SIZE + 1)
        axes.spines[["top", "right"]].set_visible(False)
    scores_text = "; ".join(f"Module {s.number}, {s.title}: {s.score_text}" for s in scores)
    return ScoreChart(
        chart_id=f"{QUIZ_ID}-scores",
        title=TITLE,
        figure=figure,
        alt=f"Bar chart of the percentage of questions answered correctly in each module. {scores_text}.",
        caption=caption,
        columns=("Module", "Score", "Correct", "Answered", "Questions"),
        rows=tuple(
            (
                f"Module {s.number}: {s.title}",
                s.percent_text,
                str(s.tally.correct),
                str(s.tally.answered),
                str(s.tally.total),
            )
            for s in scores
        ),
        sources=(),
    )
