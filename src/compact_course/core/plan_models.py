"""Typed, immutable model of ``data/plans.yaml``: the ready-made session plans in the book.

Each plan names the lessons it covers (modules or lessons, by number or id, as the
``compact-course plan`` command takes them), the settings that shape its day, and a
hand-written paragraph saying who it is for. The agenda itself is generated from the
lessons' minutes, so it is not stored. ``timing`` gives the command's defaults for what every
plan adds around the lessons (a welcome that grows with the group, changeovers, quiz polls),
``priorities`` how central each lesson is (``--fit`` drops the least central first), and
``pack`` the words of the printed session packs (:mod:`compact_course.core.pack_models`). Like every model in :mod:`compact_course.core.models`,
these forbid unknown fields and are frozen; whether the named modules and lessons exist is
checked when the plan is laid out.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, Strict, field_validator

from compact_course.core.models import Id, Model, Text, _unique
from compact_course.core.pack_models import PackTexts

# The same 24-hour clock the command's --start takes, written with two-digit hours in data.
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock(value: str) -> str:
    if not CLOCK.match(value):
        raise ValueError(f"{value!r} is not a 24-hour clock time written HH:MM, such as 09:30")
    return value


ClockText = Annotated[str, Strict(), AfterValidator(_clock)]
Minutes = Annotated[int, Strict(), Field(ge=0)]
AtLeastOne = Annotated[int, Strict(), Field(ge=1)]
# Minutes per participant may be a fraction (half a minute each for a name and a hope).
PerPerson = Annotated[float, Field(ge=0, le=10)]
# 1 is the heart of the course; higher numbers are dropped first when a plan must be cut.
Priority = Annotated[int, Strict(), Field(ge=1, le=5)]
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
    participants: AtLeastOne | None = None
    welcome_per_participant: PerPerson | None = None
    changeover: Minutes | None = None
    polls: Minutes | None = None
    poll_minutes: Minutes | None = None
    # Drop the least central lessons until the plan fits (the page lists what was left out).
    fit: Annotated[bool, Strict()] | None = None


class PlanTiming(Model):
    """Defaults for every plan: the welcome is ``welcome`` plus ``welcome_per_participant``
    minutes for each of ``participants`` people (rounded up); ``changeover`` minutes between
    lessons that follow each other without a break; ``polls`` quiz questions polled in each
    lesson, ``poll_minutes`` each."""

    welcome: Minutes
    welcome_per_participant: PerPerson
    participants: AtLeastOne
    changeover: Minutes
    polls: Minutes
    poll_minutes: Minutes


class ReadyMadePlan(Model):
    """One plan page, ``book/facilitator/<slug>.md``. ``why`` is Markdown, in our own words."""

    slug: Id
    title: Text
    why: Text
    modules: tuple[Reference, ...] = ()
    lessons: tuple[Reference, ...] = ()
    settings: PlanSettings = PlanSettings()


class PlansFile(Model):
    timing: PlanTiming
    priorities: dict[Id, Priority] = Field(min_length=1)
    pack: PackTexts
    plans: tuple[ReadyMadePlan, ...] = Field(min_length=1)

    @field_validator("plans")
    @classmethod
    def _slugs_unique(cls, plans: tuple[ReadyMadePlan, ...]) -> tuple[ReadyMadePlan, ...]:
        _unique((plan.slug for plan in plans), "plan slug")  # two plans cannot share a page
        return plans
