"""What a session plan is: the settings that shape its days, and its days of timed slots.

A :class:`Plan` holds :class:`Day` s of :class:`Slot` s (welcome, lessons, breaks, lunch,
close), each with a start time in minutes after midnight. :mod:`.layout` builds plans;
:mod:`.plan_render` prints them; :mod:`.plans` is the ``compact-course plan`` command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compact_course.core import models as m

WELCOME_MINUTES = 10
CLOSE_MINUTES = 5
BREAK_MINUTES = 15
BREAK_EVERY_MINUTES = 60
DAY_MINUTES = 360
MINUTES_PER_DAY_ON_THE_CLOCK = 24 * 60
CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")

WELCOME, LESSON, BREAK, LUNCH, CLOSE = "welcome", "lesson", "break", "lunch", "close"


class PlanError(ValueError):
    """The request itself is wrong (a bad clock time, an unknown module): exit status 2."""


class PlanDoesNotFit(Exception):
    """The selection cannot fit the time allowed: exit status 1, with what would help."""


def parse_clock(text: str) -> int:
    """``"09:30"`` -> minutes after midnight; anything else is a :class:`PlanError`."""
    match = CLOCK.match(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise PlanError(f"--start must be a 24-hour clock time written HH:MM, such as 09:30; got {text!r}")
    return int(match.group(1)) * 60 + int(match.group(2))


def clock(minutes: int) -> str:
    """Minutes after midnight -> ``HH:MM`` (24-hour)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Settings:
    """How the days are shaped. ``minutes`` is the time available in all (over every day);
    ``None`` means as long as ``days`` days of ``day_minutes`` allow."""

    start: int = 9 * 60 + 30
    minutes: int | None = None
    days: int = 1
    day_minutes: int = DAY_MINUTES
    break_every: int = BREAK_EVERY_MINUTES
    break_minutes: int = BREAK_MINUTES
    welcome: int = WELCOME_MINUTES
    close: int = CLOSE_MINUTES
    lunch: int = 0

    def __post_init__(self):
        positive = {"--days": self.days, "--day-minutes": self.day_minutes, "--break": self.break_minutes}
        if self.minutes is not None:
            positive["--minutes"] = self.minutes
        for name, value in positive.items():
            if value < 1:
                raise PlanError(f"{name} must be at least 1; got {value}")
        for name, value in {
            "--break-every": self.break_every,
            "--welcome": self.welcome,
            "--close": self.close,
            "--lunch": self.lunch,
        }.items():
            if value < 0:
                raise PlanError(f"{name} cannot be negative; got {value}")
        if self.day_minutes > MINUTES_PER_DAY_ON_THE_CLOCK:
            raise PlanError(
                f"--day-minutes cannot be more than a whole day ({MINUTES_PER_DAY_ON_THE_CLOCK}); got {self.day_minutes}"
            )
        if self.lunch and self.lunch < self.break_minutes:
            raise PlanError(
                f"--lunch must be 0 (no lunch) or at least as long as a break ({self.break_minutes} minutes); got {self.lunch}"
            )
        if not 0 <= self.start < MINUTES_PER_DAY_ON_THE_CLOCK:
            raise PlanError(f"the start time must lie within the day; got {self.start} minutes after midnight")


@dataclass(frozen=True)
class Slot:
    kind: str
    title: str
    start: int
    minutes: int
    lesson: m.Lesson | None = None
    lesson_number: int | None = None
    module_number: int | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def times(self) -> str:
        return f"{clock(self.start)}–{clock(self.end)}"


@dataclass(frozen=True)
class Day:
    number: int
    slots: tuple[Slot, ...]

    @property
    def start(self) -> int:
        return self.slots[0].start

    @property
    def end(self) -> int:
        return self.slots[-1].end

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Plan:
    title: str
    settings: Settings
    days: tuple[Day, ...]

    @property
    def slots(self) -> tuple[Slot, ...]:
        return tuple(slot for day in self.days for slot in day.slots)

    def minutes_of(self, *kinds: str) -> int:
        return sum(slot.minutes for slot in self.slots if slot.kind in kinds)

    @property
    def total_minutes(self) -> int:
        return sum(day.minutes for day in self.days)

    @property
    def lessons(self) -> tuple[m.Lesson, ...]:
        return tuple(slot.lesson for slot in self.slots if slot.lesson is not None)

    @property
    def module_numbers(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(slot.module_number for slot in self.slots if slot.module_number))

    def summary(self) -> str:
        breaks = self.of_kind_count(BREAK)
        lunches = self.of_kind_count(LUNCH)
        days = len(self.days)
        parts = [
            f"{self.minutes_of(LESSON)} minutes of lessons ({len(self.lessons)} lesson{'s' if len(self.lessons) != 1 else ''})"
        ]
        if self.settings.welcome:
            parts.append(f"a {self.settings.welcome}-minute welcome {'each day' if days > 1 else ''}".rstrip())
        if self.settings.close:
            parts.append(f"a {self.settings.close}-minute close {'each day' if days > 1 else ''}".rstrip())
        if breaks:
            parts.append(f"{breaks} break{'s' if breaks != 1 else ''} of {self.settings.break_minutes} minutes")
        if lunches:
            parts.append(
                f"a {self.settings.lunch}-minute lunch {'on ' + str(lunches) + ' days' if lunches > 1 else ''}".rstrip()
            )
        listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
        return f"{self.total_minutes} minutes over {days} day{'s' if days != 1 else ''}: {listed}."

    def of_kind_count(self, kind: str) -> int:
        return sum(1 for slot in self.slots if slot.kind == kind)
