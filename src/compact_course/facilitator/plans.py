"""The ``compact-course plan`` command: a timed agenda for a workshop, from the lessons' minutes.

``compact-course plan --minutes 90 --modules 1,3 --start 09:30`` prints the agenda as
Markdown (or HTML with ``--format html``); the ready-made plans in the book
(:mod:`.ready_made`) come from the same generator, so they cannot drift. This module chooses
the lessons and runs the command; :mod:`.agenda` says what a plan is, :mod:`.layout` lays
lessons out over days, :mod:`.plan_render` prints the result.

The rules, in the order they are applied:

- Lessons run in course order and are never split. Each takes the minutes given in
  ``data/lessons.yaml``.
- Every day opens with a welcome (10 minutes unless ``--welcome`` says otherwise) and ends
  with a close (5 minutes unless ``--close`` says otherwise).
- A break (``--break``, 15 minutes) follows the lesson during which ``--break-every``
  minutes of lesson time have run since the day began or the last break. Lessons are not
  cut short, so a break can come a little after the threshold. There is never a break right
  before the close. ``--break-every 0`` means no breaks.
- With ``--lunch N``, the break nearest the middle of each day becomes an N-minute lunch.
- A new day starts (at ``--start`` again) when the next lesson would push the day past
  ``--day-minutes`` (360 by default).
- The plan is refused, with a message giving the minutes needed and the minutes available,
  when it needs more days than ``--days`` or more minutes than ``--minutes``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course, load_course
from compact_course.core.selection import pick_lessons, pick_modules, split_refs
from compact_course.facilitator.agenda import (
    BREAK_EVERY_MINUTES,
    BREAK_MINUTES,
    CLOSE_MINUTES,
    DAY_MINUTES,
    WELCOME_MINUTES,
    Plan,
    PlanDoesNotFit,
    PlanError,
    Settings,
    parse_clock,
)
from compact_course.facilitator.layout import build_plan
from compact_course.facilitator.plan_render import html_document, render_markdown

# --- Choosing lessons ----------------------------------------------------------------------


def select_lessons(
    course: Course, modules: str | Sequence[str] | None = None, lessons: str | Sequence[str] | None = None
) -> tuple[m.Lesson, ...]:
    """The lessons a plan covers, in course order.

    ``modules`` are module numbers (``1``) or ids; ``lessons`` are lesson numbers or ids.
    Giving neither means the whole course; giving both means every lesson either names.
    """
    module_refs, lesson_refs = split_refs(modules), split_refs(lessons)
    if modules is not None and not module_refs:
        raise PlanError("--modules is empty; give module numbers such as 1,3")
    if lessons is not None and not lesson_refs:
        raise PlanError("--lessons is empty; give lesson ids or numbers such as 1,7")
    picked_modules, picked_lessons = pick_modules(course, module_refs), pick_lessons(course, lesson_refs)
    if picked_modules.unknown:
        module_ids = [module.id for module in course.modules]
        raise PlanError(
            f"unknown module {picked_modules.unknown[0]!r}: modules are numbered 1 to {len(module_ids)} "
            f"({', '.join(f'{n}: {mid}' for n, mid in enumerate(module_ids, start=1))})"
        )
    lesson_ids = [lesson.id for lesson in course.lessons]
    if picked_lessons.unknown:
        raise PlanError(
            f"unknown lesson {picked_lessons.unknown[0]!r}: give a lesson number from 1 to {len(lesson_ids)} or a lesson id such as {lesson_ids[0]!r}"
        )
    chosen = {lesson.id for module in picked_modules.chosen for lesson in module.lessons}
    chosen.update(lesson.id for lesson in picked_lessons.chosen)
    if not module_refs and not lesson_refs:
        chosen.update(lesson_ids)
    return tuple(lesson for lesson in course.lessons if lesson.id in chosen)


def plan_for(course: Course, modules=None, lessons=None, title: str = "Session plan", **settings) -> Plan:
    """Convenience: select lessons and build the plan in one call (settings as in :class:`Settings`)."""
    return build_plan(course, select_lessons(course, modules, lessons), Settings(**settings), title)


# --- The command -------------------------------------------------------------------------------


def _run(args) -> int:
    try:
        settings = Settings(
            start=parse_clock(args.start),
            minutes=args.minutes,
            days=args.days,
            day_minutes=args.day_minutes,
            break_every=args.break_every,
            break_minutes=args.break_minutes,
            welcome=args.welcome,
            close=args.close,
            lunch=args.lunch,
        )
        course = load_course(args.root)
        lessons = select_lessons(course, args.modules, args.lessons)
    except PlanError as error:
        print(f"compact-course plan: error: {error}", file=sys.stderr)
        return 2
    try:
        plan = build_plan(course, lessons, settings, args.title)
    except PlanDoesNotFit as error:
        print(f"compact-course plan: cannot fit: {error}", file=sys.stderr)
        return 1
    text = html_document(course, plan) if args.format == "html" else render_markdown(course, plan)
    sys.stdout.write(text)
    return 0


def register(commands) -> None:
    parser = commands.add_parser(
        "plan",
        help="print a timed session plan (Markdown or HTML) for chosen modules or lessons",
        description="Print a timed agenda with breaks. Lessons run in course order; the welcome, close, breaks and "
        "day length are set by the options below. Exit status 1 if the selection cannot fit, 2 if an "
        "option is wrong.",
    )
    parser.add_argument(
        "--minutes", type=int, default=None, help="minutes available in all (default: --days × --day-minutes)"
    )
    parser.add_argument("--modules", default=None, help="module numbers or ids, comma-separated, e.g. 1,3")
    parser.add_argument("--lessons", default=None, help="lesson numbers or ids, comma-separated, e.g. 1,7")
    parser.add_argument("--start", default="09:30", help="start time each day, 24-hour HH:MM (default 09:30)")
    parser.add_argument(
        "--break-every",
        type=int,
        default=BREAK_EVERY_MINUTES,
        help=f"minutes of lessons between breaks (default {BREAK_EVERY_MINUTES}; 0 for no breaks)",
    )
    parser.add_argument(
        "--break",
        dest="break_minutes",
        type=int,
        default=BREAK_MINUTES,
        help=f"length of each break in minutes (default {BREAK_MINUTES})",
    )
    parser.add_argument("--days", type=int, default=1, help="days available (default 1)")
    parser.add_argument(
        "--day-minutes", type=int, default=DAY_MINUTES, help=f"longest day in minutes (default {DAY_MINUTES})"
    )
    parser.add_argument(
        "--welcome",
        type=int,
        default=WELCOME_MINUTES,
        help=f"welcome at the start of each day (default {WELCOME_MINUTES})",
    )
    parser.add_argument(
        "--close", type=int, default=CLOSE_MINUTES, help=f"close at the end of each day (default {CLOSE_MINUTES})"
    )
    parser.add_argument(
        "--lunch",
        type=int,
        default=0,
        help="turn the break nearest midday into a lunch of this many minutes (default 0: none)",
    )
    parser.add_argument("--title", default="Session plan", help="heading for the agenda")
    parser.add_argument(
        "--format", choices=("markdown", "html"), default="markdown", help="output format (default markdown)"
    )
    parser.set_defaults(run=_run)
