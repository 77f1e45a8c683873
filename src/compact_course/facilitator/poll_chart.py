"""The room poll's bar chart of one question's votes, with alt text and a data table.

Charts are matplotlib figures (no pyplot) saved as deterministic SVG, in the Okabe-Ito
colours, every bar labelled with its count; after the reveal, correct bars are also hatched
and labelled "(correct)", so colour never carries meaning alone.
"""

from __future__ import annotations

import base64
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from compact_course.core.chart import FONT_SIZE, OKABE_ITO, SVG_SETTINGS, figure_svg
from compact_course.core.escaping import e
from compact_course.facilitator.poll_questions import PollOption

LABEL_WIDTH = 40  # characters per line of an option's label beside its bar


@dataclass(frozen=True)
class PollChart:
    figure: Figure
    alt: str
    title: str
    rows: tuple[tuple[str, int, bool], ...]  # label, votes, shown as correct
    revealed: bool

    def svg(self) -> str:
        return figure_svg(self.figure)

    def table_html(self) -> str:
        answer_col = '<th scope="col">Correct?</th>' if self.revealed else ""
        body = "".join(
            f'<tr><th scope="row">{e(label)}</th><td>{votes}</td>'
            + (f"<td>{'Yes' if correct else 'No'}</td>" if self.revealed else "")
            + "</tr>"
            for label, votes, correct in self.rows
        )
        return (
            f'<table class="cc-table"><caption>Votes for: {e(self.title)}</caption><thead><tr>'
            f'<th scope="col">Option</th><th scope="col">Votes</th>{answer_col}</tr></thead><tbody>{body}</tbody></table>'
        )

    def to_html(self) -> str:
        image = base64.b64encode(self.svg().encode("utf-8")).decode("ascii")
        return (
            f'<figure class="cc-poll-chart"><img src="data:image/svg+xml;base64,{image}" alt="{e(self.alt)}" '
            f'width="100%"><figcaption>{e(self.title)}</figcaption></figure>{self.table_html()}'
        )


def _figure(title: str, options: Sequence[PollOption], values: Sequence[int], revealed: bool) -> Figure:
    labels = [
        textwrap.fill(option.label + (" (correct)" if revealed and option.correct else ""), LABEL_WIDTH)
        for option in options
    ]
    lines = sum(label.count("\n") + 1 for label in labels)
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = Figure(figsize=(8, 0.9 + 0.32 * lines + 0.25 * len(options)), layout="constrained")
        axes = figure.add_subplot()
        bars = axes.barh(
            range(len(options)),
            values,
            color=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(options))],
            edgecolor="black",
        )
        if revealed:
            for bar, option in zip(bars, options):
                if option.correct:
                    bar.set_hatch("//")
        axes.set_yticks(range(len(options)), labels)
        axes.invert_yaxis()
        axes.bar_label(bars, labels=[str(v) for v in values], padding=3)
        axes.set_xlim(0, max(max(values), 1) * 1.15)
        axes.set_xlabel("Votes")
        # The default locator is an AutoLocator, a MaxNLocator; votes are whole numbers.
        cast(MaxNLocator, axes.xaxis.get_major_locator()).set_params(integer=True)
        axes.set_title(title, loc="left", fontsize=FONT_SIZE + 1)
        axes.spines[["top", "right"]].set_visible(False)
    return figure


def _alt(number: int, total: int, options: Sequence[PollOption], counts: Mapping[str, int], revealed: bool) -> str:
    parts = [
        f"{option.label.rstrip('.')}: {counts[option.key]} vote{'s' if counts[option.key] != 1 else ''}"
        + (" (correct)" if revealed and option.correct else "")
        for option in options
    ]
    votes = sum(counts.values())
    return (
        f"Bar chart of the room's answers to question {number} of {total}, "
        f"{votes} vote{'s' if votes != 1 else ''} in all. " + "; ".join(parts) + "."
    )


def poll_chart(
    number: int, total: int, options: Sequence[PollOption], counts: Mapping[str, int], revealed: bool
) -> PollChart:
    """The chart of question ``number`` of ``total``: one bar per option, in option order."""
    title = f"Question {number} of {total}: the room's answers"
    values = [counts[option.key] for option in options]
    rows = tuple((option.label, counts[option.key], revealed and option.correct) for option in options)
    figure = _figure(title, options, values, revealed)
    return PollChart(figure, _alt(number, total, options, counts, revealed), title, rows, revealed)
