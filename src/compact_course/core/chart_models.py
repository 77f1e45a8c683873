"""Chart definitions (``data/charts.yaml``): what each lesson chart shows and the words around it.

A chart has a ``kind`` that picks its drawing code in :mod:`compact_course.book.charts`:

- ``series-bar``: one bar per figure of a figure series (``data/figures.yaml``), vertical or
  horizontal;
- ``share-bar``: one stacked bar of a share (a percentage figure) and the rest, out of a total;
- ``timeline``: every event of ``data/timeline.yaml`` in date order.

Texts may name placeholders in braces that the drawing code fills from the data, so numbers
are never typed twice. Each kind allows only its own placeholders; any other brace is an
error found when the file is loaded.
"""

from __future__ import annotations

import string
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from compact_course.core.models import Id, Model, Text

TEMPLATE_FIELDS = ("title", "caption", "alt", "axis_label")


def placeholders(template: str) -> set[str]:
    """The ``{name}`` placeholders a text uses (``{{`` and ``}}`` are literal braces)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


class ChartBase(Model):
    """What every chart has: its words and the headings of its data table."""

    # The placeholders this kind of chart fills, and how many table columns it shows.
    allowed: ClassVar[frozenset[str]] = frozenset()
    column_count: ClassVar[int] = 0
    template_fields: ClassVar[tuple[str, ...]] = TEMPLATE_FIELDS

    id: Id
    title: Text
    caption: Text
    alt: Text
    axis_label: Text
    columns: tuple[Text, ...]

    @model_validator(mode="after")
    def _placeholders_and_columns(self):
        for name in self.template_fields:
            unknown = sorted(placeholders(getattr(self, name)) - self.allowed)
            if unknown:
                known = ", ".join(f"{{{p}}}" for p in sorted(self.allowed)) or "none"
                raise ValueError(f"{name} uses unknown placeholder {{{unknown[0]}}}; this kind allows {known}")
        if len(self.columns) != self.column_count:
            raise ValueError(
                f"a {getattr(self, 'kind', '')} chart's table has {self.column_count} columns, not {len(self.columns)}"
            )
        return self


class SeriesBarChart(ChartBase):
    """A bar per figure of one series; ``{values}`` is "label: value; ..." for the alt text."""

    allowed: ClassVar[frozenset[str]] = frozenset({"values"})
    column_count: ClassVar[int] = 4

    kind: Literal["series-bar"]
    series: Id
    horizontal: bool = False


class ShareBarChart(ChartBase):
    """One stacked bar: a percentage ``share`` of a ``total`` count, and the rest."""

    allowed: ClassVar[frozenset[str]] = frozenset({"share", "rest", "total"})
    column_count: ClassVar[int] = 4
    template_fields: ClassVar[tuple[str, ...]] = (*TEMPLATE_FIELDS, "bar_label", "share_label", "rest_label")

    kind: Literal["share-bar"]
    share: Id
    total: Id
    bar_label: Text
    share_label: Text
    rest_label: Text

    @property
    def figure_ids(self) -> tuple[str, str]:
        return (self.share, self.total)


class TimelineChart(ChartBase):
    """Every event of the timeline; ``{count}`` and ``{events}`` ("date: title; ...") for the alt text."""

    allowed: ClassVar[frozenset[str]] = frozenset({"count", "events"})
    column_count: ClassVar[int] = 3

    kind: Literal["timeline"]


ChartDefinition = Annotated[SeriesBarChart | ShareBarChart | TimelineChart, Field(discriminator="kind")]


class ChartsFile(Model):
    charts: tuple[ChartDefinition, ...] = Field(min_length=1)
