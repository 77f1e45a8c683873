"""What a session plan is: the settings that shape its days, and its days of timed slots.

A :class:`Plan` holds :class:`Day` s of :class:`Slot` s (welcome, lessons, breaks, lunch,
close), each with a start time in minutes after midnight. :mod:`.layout` builds plans;
:mod:`.plan_render` prints them; :mod:`.plans` is the ``compact-course plan`` command.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from compact_course.core import models as m
from compact_course.core.interface_models import PlanText, fill

WELCOME_MINUTES = 10
CLOSE_MINUTES = 5
BREAK_MINUTES = 15
BREAK_EVERY_MINUTES = 60
DAY_MINUTES = 360
MINUTES_PER_DAY_ON_THE_CLOCK = 24 * 60
CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")

WELCOME, LESSON, BREAK, LUNCH, CLOSE = "welcome", "lesson", "break", "lunch", "close"
CHANGEOVER = "changeover"


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
    ``None`` means as long as ``days`` days of ``day_minutes`` allow. The welcome lasts
    ``welcome`` minutes plus ``welcome_per_participant`` for each participant (rounded up);
    ``changeover`` minutes separate lessons that follow each other without a break; each lesson
    polls ``polls`` of its quiz questions, ``poll_minutes`` each. The command takes the
    defaults for these from ``data/plans.yaml``; left out here, they add nothing."""

    start: int = 9 * 60 + 30
    minutes: int | None = None
    days: int = 1
    day_minutes: int = DAY_MINUTES
    break_every: int = BREAK_EVERY_MINUTES
    break_minutes: int = BREAK_MINUTES
    welcome: int = WELCOME_MINUTES
    close: int = CLOSE_MINUTES
    lunch: int = 0
    participants: int = 1
    welcome_per_participant: float = 0.0
    changeover: int = 0
    polls: int = 0
    poll_minutes: int = 0

    @property
    def welcome_minutes(self) -> int:
        """The first day's welcome: the fixed part plus a share for each person (introductions)."""
        if not self.welcome:
            return 0
        return self.welcome + math.ceil(self.participants * self.welcome_per_participant - 1e-9)

    def __post_init__(self):
        positive = {
            "--days": self.days,
            "--day-minutes": self.day_minutes,
            "--break": self.break_minutes,
            "--participants": self.participants,
        }
        if self.minutes is not None:
            positive["--minutes"] = self.minutes
        for name, value in positive.items():
            if value < 1:
                raise PlanError(f"{name} must be at least 1; got {value}")
        non_negative: dict[str, float] = {
            "--break-every": self.break_every,
            "--welcome": self.welcome,
            "--close": self.close,
            "--lunch": self.lunch,
            "--changeover": self.changeover,
            "--polls": self.polls,
            "--poll-minutes": self.poll_minutes,
            "welcome_per_participant": self.welcome_per_participant,
        }
        for name, amount in non_negative.items():
            if amount < 0:
                raise PlanError(f"{name} cannot be negative; got {amount}")
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
    # For a lesson: minutes by part (reading, scenario, discussion, quiz) and the polled questions.
    parts: tuple[tuple[str, int], ...] = ()
    polled: tuple[str, ...] = ()

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
    words: PlanText  # data/interface.yaml ``plan``: the summary's words

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
        words = self.words
        days = words.days.fill(len(self.days))
        return fill(
            words.agenda_summary, minutes=self.total_minutes, days=days, parts=_listed(words, self._summary_parts())
        )

    def _summary_parts(self) -> list[str]:
        settings, words, several_days = self.settings, self.words, len(self.days) > 1
        polled = sum(len(slot.polled) for slot in self.slots)
        polls = (
            fill(words.polled_part, questions=words.questions.fill(polled), minutes=settings.poll_minutes)
            if polled
            else ""
        )
        lessons = words.lessons.fill(self.of_kind_count(LESSON))
        parts = [fill(words.lessons_part, minutes=self.minutes_of(LESSON), lessons=lessons, polled=polls)]
        if settings.welcome:
            people = words.participants.fill(settings.participants)
            parts.append(fill(words.welcome_part, minutes=settings.welcome_minutes, participants=people))
        if settings.close:
            parts.append(fill(words.close_part_days if several_days else words.close_part, minutes=settings.close))
        for plural, kind, length in (
            (words.changeovers, CHANGEOVER, settings.changeover),
            (words.breaks, BREAK, settings.break_minutes),
        ):
            count = self.of_kind_count(kind)
            if count:
                parts.append(plural.fill(count, minutes=length))
        lunches = self.of_kind_count(LUNCH)
        if lunches:
            template = words.lunch_part_days if lunches > 1 else words.lunch_part
            parts.append(fill(template, minutes=settings.lunch, count=lunches))
        return parts

    def of_kind_count(self, kind: str) -> int:
        return sum(1 for slot in self.slots if slot.kind == kind)


def _listed(words: PlanText, parts: list[str]) -> str:
    return fill(words.list_last, items=", ".join(parts[:-1]), last=parts[-1]) if len(parts) > 1 else parts[0]
