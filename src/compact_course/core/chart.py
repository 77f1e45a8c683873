"""A chart as the book shows it: deterministic SVG, alt text, caption, source and a data table.

Shared by the lesson charts (``compact_course.book.charts``), the self-assessment's score chart
and the room poll. Figures are ``matplotlib.figure.Figure`` objects (no pyplot state), written
as SVG with a fixed hash salt and no date, so stored notebook outputs are stable.
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from compact_course.core import models as m
from compact_course.core.escaping import e
from compact_course.core.interface_models import BookText, fill

# The drawing's size as matplotlib writes it on the <svg> element, in points.
VIEW_BOX = re.compile(r'<svg[^>]*\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"')
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
FONT_SIZE = 12
SVG_SETTINGS: dict[Any, Any] = {"svg.hashsalt": "compact-course", "svg.fonttype": "none", "font.size": FONT_SIZE}


def figure_svg(figure: Figure) -> str:
    """A figure as deterministic SVG: fixed hash salt, no date or creator, text kept as text."""
    buffer = io.StringIO()
    with matplotlib.rc_context(SVG_SETTINGS):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return buffer.getvalue()


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    figure: Figure
    alt: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    sources: tuple[m.Source, ...]
    words: BookText  # the table's and the sources' labels (data/interface.yaml ``book``)

    def svg(self) -> str:
        return figure_svg(self.figure)

    def table_html(self) -> str:
        head = "".join(f'<th scope="col">{e(c)}</th>' for c in self.columns)
        body = "".join(
            "<tr>" + f'<th scope="row">{e(row[0])}</th>' + "".join(f"<td>{e(cell)}</td>" for cell in row[1:]) + "</tr>"
            for row in self.rows
        )
        label = e(fill(self.words.chart_data, title=self.title))
        table = f'<table class="cc-table"><caption>{label}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        # A table too wide for a phone scrolls inside this region, which a keyboard can focus
        # and a screen reader names, instead of making the whole page scroll sideways.
        return f'<div class="cc-table-scroll" role="region" tabindex="0" aria-label="{label}">{table}</div>'

    def to_html(self) -> str:
        svg = self.svg()
        image = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        # Its size in CSS pixels (from the drawing's box, in points): the page reserves the
        # image's place before it is decoded, so nothing below it moves (issue 30). The
        # stylesheet scales it to the column's width.
        box = VIEW_BOX.search(svg)
        size = (
            f' width="{round(float(box.group(1)) * 4 / 3)}" height="{round(float(box.group(2)) * 4 / 3)}"'
            if box
            else ""
        )
        return (
            f'<div class="cc-chart" id="chart-{e(self.chart_id)}"><figure>'
            # On a phone the image keeps a readable size and scrolls sideways in its own region
            # (WCAG 1.4.10 allows that for a chart) instead of shrinking its labels away.
            f'<div class="cc-chart-scroll" role="region" tabindex="0" aria-label="{e(self.title)}">'
            f'<img src="data:image/svg+xml;base64,{image}" alt="{e(self.alt)}"{size}></div>'
            f"<figcaption><strong>{e(self.title)}.</strong> {e(self.caption)}</figcaption>"
            f"</figure>{self.sources_html()}{self.table_html()}</div>"
        )

    def sources_html(self) -> str:
        """The chart's sources as a short list under it, not in its caption (a phone shows the
        caption beside a small image; a long run of addresses there buries the point)."""
        if not self.sources:  # a learner's own scores cite nothing
            return ""
        items = "".join(
            f"<li><cite>{e(s.title)}</cite> ({e(s.publisher)}{', ' + e(s.date) if s.date else ''})"
            + (f', <a href="{e(s.url)}">{e(s.url)}</a>' if s.url else "")
            + "</li>"
            for s in self.sources
        )
        return f'<div class="cc-chart-sources"><p>{e(self.words.chart_sources)}</p><ul>{items}</ul></div>'

    def __repr__(self) -> str:
        return fill(self.words.chart_text, title=self.title)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": repr(self), "text/html": self.to_html()}
