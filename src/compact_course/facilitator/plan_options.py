"""The selection and timing options shared by ``compact-course plan`` and ``compact-course pack``.

Options that shape what every plan adds around the lessons (the welcome and how it grows with
the group, changeovers, polls) default to ``timing`` in ``data/plans.yaml``, so their values
live in data; the others default to the constants in :mod:`.agenda`.
"""

from __future__ import annotations

import argparse

from compact_course.core.course import Course
from compact_course.facilitator.agenda import (
    BREAK_EVERY_MINUTES,
    BREAK_MINUTES,
    CLOSE_MINUTES,
    DAY_MINUTES,
    Settings,
    parse_clock,
)

DATA_DEFAULT = "default from data/plans.yaml"
# The Settings fields whose defaults come from data/plans.yaml ``timing``.
TIMING_FIELDS = ("welcome", "welcome_per_participant", "participants", "changeover", "polls", "poll_minutes")


def data_defaults(course: Course) -> dict:
    """The ``timing`` defaults of ``data/plans.yaml`` as :class:`Settings` keywords."""
    timing = course.plans.timing
    return {name: getattr(timing, name) for name in TIMING_FIELDS}


def settings_with_defaults(course: Course, **given) -> Settings:
    """Settings from the keywords given; timing fields left out (or None) take the data's defaults."""
    values = data_defaults(course)
    values.update({name: value for name, value in given.items() if value is not None})
    return Settings(**values)


def settings_from_args(course: Course, args: argparse.Namespace) -> Settings:
    return settings_with_defaults(
        course,
        start=parse_clock(args.start),
        minutes=args.minutes,
        days=args.days,
        day_minutes=args.day_minutes,
        break_every=args.break_every,
        break_minutes=args.break_minutes,
        welcome=args.welcome,
        close=args.close,
        lunch=args.lunch,
        participants=args.participants,
        changeover=args.changeover,
        polls=args.polls,
        poll_minutes=args.poll_minutes,
    )


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """Which lessons, and --fit."""
    parser.add_argument(
        "--minutes", type=int, default=None, help="minutes available in all (default: --days × --day-minutes)"
    )
    parser.add_argument("--modules", default=None, help="module numbers or ids, comma-separated, e.g. 1,3")
    parser.add_argument("--lessons", default=None, help="lesson numbers or ids, comma-separated, e.g. 1,7")
    parser.add_argument(
        "--fit",
        action="store_true",
        help="if the selection does not fit, drop the least central lessons (priorities in data/plans.yaml) "
        "until it does, keeping the rest in course order",
    )
    parser.add_argument("--title", default=None, help="heading for the agenda (default from data/interface.yaml)")


def add_timing_options(parser: argparse.ArgumentParser) -> None:
    """How the days are shaped."""
    parser.add_argument("--start", default="09:30", help="start time each day, 24-hour HH:MM (default 09:30)")
    parser.add_argument(
        "--participants",
        type=int,
        default=None,
        help=f"people in the room; the welcome grows by a share for each ({DATA_DEFAULT})",
    )
    integer_options = (
        ("--break-every", "break_every", BREAK_EVERY_MINUTES, "minutes of lessons between breaks (0 for no breaks)"),
        ("--break", "break_minutes", BREAK_MINUTES, "length of each break in minutes"),
        ("--days", "days", 1, "days available"),
        ("--day-minutes", "day_minutes", DAY_MINUTES, "longest day in minutes"),
        ("--close", "close", CLOSE_MINUTES, "close at the end of each day"),
        ("--lunch", "lunch", 0, "turn the break nearest midday into a lunch of this many minutes (0: none)"),
    )
    for option, dest, default, text in integer_options:
        parser.add_argument(option, dest=dest, type=int, default=default, help=f"{text} (default {default})")
    data_options = (
        ("--welcome", "welcome", "fixed part of the welcome at the start of each day, before introductions"),
        ("--changeover", "changeover", "minutes between lessons that follow each other without a break"),
        ("--polls", "polls", "quiz questions polled in the room in each lesson (0 for none)"),
        ("--poll-minutes", "poll_minutes", "minutes for each polled question"),
    )
    for option, dest, text in data_options:
        parser.add_argument(option, dest=dest, type=int, default=None, help=f"{text} ({DATA_DEFAULT})")


def add_plan_options(parser: argparse.ArgumentParser) -> None:
    add_selection_options(parser)
    add_timing_options(parser)
