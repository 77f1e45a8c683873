"""Typed, immutable model of ``data/plans.yaml``: the ready-made session plans in the book.

Each plan names the lessons it covers (modules or lessons, by number or id, as the
``compact-course plan`` command takes them), the settings that shape its day, and a
hand-written paragraph saying who it is for. The agenda itself is generated from the
lessons' minutes, so it is not stored. Like every model in :mod:`compact_course.core.models`,
these forbid unknown fields and are frozen; whether the named modules and lessons exist is
checked when the plan is laid out.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, Strict, field_validator

from compact_course.core.models import Id, Model, Text, _unique

# The same 24-hour clock the command's --start takes, written with two-digit hours in data.
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock(value: str) -> str:
    if not CLOCK.match(value):
        raise ValueError(f"{value!r} is not a 24-hour clock time written HH:MM, such as 09:30")
    return value


ClockText = Annotated[str, Strict(), AfterValidator(_clock)]
Minutes = Annotated[int, Strict(), Field(ge=0)]
AtLeastOne = Annotated[int, Strict(), Field(ge=1)]
# A module or lesson is named by its number in course order or by its id.
Reference = Annotated[int, Strict(), Field(ge=1)] | Id


class PlanSettings(Model):
    """The command's options for this plan; a field left out takes the command's default."""

    start: ClockText | None = None
    minutes: AtLeastOne | None = None
    days: AtLeastOne | None = None
    day_minutes: AtLeastOne | None = None
    break_every: Minutes | None = None
    break_minutes: AtLeastOne | None = None
    welcome: Minutes | None = None
    close: Minutes | None = None
    lunch: Minutes | None = None


class ReadyMadePlan(Model):
    """One plan page, ``book/facilitator/<slug>.md``. ``why`` is Markdown, in our own words."""

    slug: Id
    title: Text
    why: Text
    modules: tuple[Reference, ...] = ()
    lessons: tuple[Reference, ...] = ()
    settings: PlanSettings = PlanSettings()


class PlansFile(Model):
    plans: tuple[ReadyMadePlan, ...] = Field(min_length=1)

    @field_validator("plans")
    @classmethod
    def _slugs_unique(cls, plans: tuple[ReadyMadePlan, ...]) -> tuple[ReadyMadePlan, ...]:
        _unique((plan.slug for plan in plans), "plan slug")  # two plans cannot share a page
        return plans
