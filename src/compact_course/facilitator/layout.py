"""Laying lessons out over days: welcome, lessons with breaks, lunch, close; or a refusal.

The rules are listed in :mod:`compact_course.facilitator.plans`. :func:`build_plan` either
returns a :class:`~.agenda.Plan` or raises :class:`~.agenda.PlanDoesNotFit` with the minutes
needed, the minutes available and what would help.
"""

from __future__ import annotations

from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.interface_models import PlanText, fill
from compact_course.facilitator.agenda import (
    BREAK,
    CHANGEOVER,
    CLOSE,
    LESSON,
    LUNCH,
    MINUTES_PER_DAY_ON_THE_CLOCK,
    WELCOME,
    Day,
    Plan,
    PlanDoesNotFit,
    PlanError,
    Settings,
    Slot,
    clock,
)
from compact_course.facilitator.lesson_time import lesson_minutes, lesson_parts, polled_questions

# One slot before its clock time is known: kind, title, minutes, and the lesson it teaches if any.
Item = tuple[str, str, int, m.Lesson | None]


def _welcome_title(words: PlanText, number: int) -> str:
    return words.welcome if number == 1 else fill(words.welcome_back, previous=number - 1)


def _close_title(words: PlanText, number: int, last: bool) -> str:
    return words.close if last else fill(words.close_day, number=number)


def _lessons_with_breaks(course: Course, lessons: Sequence[m.Lesson], settings: Settings) -> list[Item]:
    """Each lesson, followed by a break once ``break_every`` minutes have run (never after the
    last), or else by a changeover when another lesson follows."""
    items: list[Item] = []
    since_break = 0
    for index, lesson in enumerate(lessons):
        minutes = lesson_minutes(course, lesson, settings)
        items.append((LESSON, lesson.title, minutes, lesson))
        since_break += minutes
        if index == len(lessons) - 1:
            break
        if settings.break_every and since_break >= settings.break_every:
            items.append((BREAK, course.interface.plan.break_slot, settings.break_minutes, None))
            since_break = 0
        elif settings.changeover:
            items.append((CHANGEOVER, course.interface.plan.changeover, settings.changeover, None))
    return items


def _lunch_at_midday(items: list[Item], settings: Settings, lunch: str) -> list[Item]:
    """Turn the break starting nearest the middle of the day into lunch (the earlier one on a tie)."""
    starts, now = [], 0
    for _kind, _, minutes, _ in items:
        starts.append(now)
        now += minutes
    middle = now / 2
    breaks = [i for i, item in enumerate(items) if item[0] == BREAK]
    if not breaks:
        return items
    chosen = min(breaks, key=lambda i: (abs(starts[i] - middle), i))
    items = list(items)
    items[chosen] = (LUNCH, lunch, settings.lunch, None)
    return items


def _slot(course: Course, item: Item, start: int, settings: Settings) -> Slot:
    kind, title, minutes, lesson = item
    if lesson is None:
        return Slot(kind, title, start, minutes)
    module_number = course.module_number(course.module_of(lesson.id).id)
    return Slot(
        kind,
        title,
        start,
        minutes,
        lesson,
        course.lesson_number(lesson.id),
        module_number,
        parts=lesson_parts(course, lesson, settings),
        polled=tuple(question.id for question in polled_questions(course, lesson, settings.polls)),
    )


def _layout_day(course: Course, lessons: Sequence[m.Lesson], settings: Settings, number: int, last: bool) -> Day:
    """One day's slots: welcome, lessons with breaks, close; then lunch replaces the middle break."""
    items: list[Item] = []
    if settings.welcome:
        # Introductions happen once: later days open with a recap of the fixed length.
        welcome = settings.welcome_minutes if number == 1 else settings.welcome
        items.append((WELCOME, _welcome_title(course.interface.plan, number), welcome, None))
    items += _lessons_with_breaks(course, lessons, settings)
    if settings.close:
        items.append((CLOSE, _close_title(course.interface.plan, number, last), settings.close, None))
    if settings.lunch:
        items = _lunch_at_midday(items, settings, course.interface.plan.lunch)
    slots, now = [], settings.start
    for item in items:
        slots.append(_slot(course, item, now, settings))
        now += item[2]
    return Day(number, tuple(slots))


def _fits(course: Course, lessons: Sequence[m.Lesson], settings: Settings, number: int) -> bool:
    return _layout_day(course, lessons, settings, number, last=True).minutes <= settings.day_minutes


def _needs(plan: Plan) -> str:
    lessons, days, minutes = plan.lessons, len(plan.days), plan.total_minutes
    content = plan.minutes_of(LESSON)
    return (
        f"The selection ({len(lessons)} lesson{'s' if len(lessons) != 1 else ''}, {content} minutes of lessons "
        f"with their polls) needs {minutes} minutes over {days} day{'s' if days != 1 else ''}, with the welcome, "
        f"changeovers, close and breaks"
    )


def _lessons_by_day(course: Course, lessons: Sequence[m.Lesson], settings: Settings) -> list[list[m.Lesson]]:
    """Lessons in course order, a new day whenever the next would make the day too long."""
    day_lessons: list[list[m.Lesson]] = [[]]
    for lesson in lessons:
        if not _fits(course, day_lessons[-1] + [lesson], settings, len(day_lessons)):
            if day_lessons[-1]:
                day_lessons.append([])
            if not _fits(course, [lesson], settings, len(day_lessons)):
                alone = _layout_day(course, [lesson], settings, len(day_lessons), last=True).minutes
                raise PlanDoesNotFit(
                    f"Lesson {course.lesson_number(lesson.id)} ({lesson.title}) takes "
                    f"{lesson_minutes(course, lesson, settings)} minutes, so with "
                    f"the welcome and close a day holding it lasts {alone} minutes, but a day is at most "
                    f"{settings.day_minutes} minutes. Allow longer days (--day-minutes) or shorten the welcome and "
                    f"close (--welcome, --close)."
                )
        day_lessons[-1].append(lesson)
    return day_lessons


def _refuse_if_it_does_not_fit(plan: Plan) -> None:
    settings, count, needed = plan.settings, len(plan.days), plan.total_minutes
    if count > settings.days:
        raise PlanDoesNotFit(
            f"{_needs(plan)}, because a day is at most {settings.day_minutes} minutes; "
            f"only {settings.days} day{'s are' if settings.days != 1 else ' is'} available. "
            f"Choose fewer modules or lessons, or allow more days (--days) or longer days (--day-minutes)."
        )
    if settings.minutes is not None and needed > settings.minutes:
        raise PlanDoesNotFit(
            f"{_needs(plan)}, but only {settings.minutes} minutes are available. "
            f"Choose fewer modules or lessons, or allow more minutes (--minutes), spread over more days (--days) "
            f"if one day would be too long."
        )
    for day in plan.days:
        if day.end > MINUTES_PER_DAY_ON_THE_CLOCK:
            raise PlanDoesNotFit(
                f"Day {day.number} would start at {clock(day.start)} and run {day.minutes} minutes, past midnight. "
                f"Choose an earlier --start, shorter days (--day-minutes) or fewer lessons."
            )


def build_plan(course: Course, lessons: Sequence[m.Lesson], settings: Settings, title: str | None = None) -> Plan:
    """Lay the lessons out over days, or raise :class:`PlanDoesNotFit` saying what would help."""
    if not lessons:
        raise PlanError("no lessons selected")
    day_lessons = _lessons_by_day(course, lessons, settings)
    count = len(day_lessons)
    days = tuple(
        _layout_day(course, chosen, settings, n, last=(n == count)) for n, chosen in enumerate(day_lessons, start=1)
    )
    plan = Plan(title or course.interface.plan.default_title, settings, days, course.interface.plan)
    _refuse_if_it_does_not_fit(plan)
    return plan
