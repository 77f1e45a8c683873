"""The ``compact-course plan`` command: a timed agenda for a workshop, from the lessons' minutes.

``compact-course plan --minutes 90 --modules 1,3 --start 09:30`` prints the agenda as
Markdown (or HTML with ``--format html``); the ready-made plans in the book
(:mod:`.ready_made`) come from the same generator, so they cannot drift. This module chooses
the lessons and runs the command; :mod:`.agenda` says what a plan is, :mod:`.layout` lays
lessons out over days, :mod:`.plan_render` prints the result.

The rules, in the order they are applied:

- Lessons run in course order and are never split. Each takes the minutes given in
  ``data/lessons.yaml`` (its reading, scenario and discussion) plus its quiz polls:
  ``--polls`` questions, ``--poll-minutes`` each.
- Every day opens with a welcome and ends with a close (``--close``, 5 minutes). The first
  day's welcome is ``--welcome`` minutes plus a share for each of ``--participants`` people
  (introductions); later days open with a recap of ``--welcome`` minutes.
- Lessons that follow each other without a break are separated by a ``--changeover``.
- A break (``--break``, 15 minutes) follows the lesson during which ``--break-every``
  minutes of lesson time have run since the day began or the last break. Lessons are not
  cut short, so a break can come a little after the threshold. There is never a break right
  before the close. ``--break-every 0`` means no breaks.
- With ``--lunch N``, the break nearest the middle of each day becomes an N-minute lunch.
- A new day starts (at ``--start`` again) when the next lesson would push the day past
  ``--day-minutes`` (360 by default).
- The plan is refused, with a message giving the minutes needed and the minutes available
  and the least central lessons to drop, when it needs more days than ``--days`` or more
  minutes than ``--minutes``. With ``--fit``, those lessons are dropped instead (see
  :mod:`.fit`) and the agenda says what was left out.

The defaults of ``--welcome``, ``--participants``, ``--changeover``, ``--polls`` and
``--poll-minutes`` (and the share per participant) come from ``timing`` in ``data/plans.yaml``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course, load_course
from compact_course.core.selection import pick_lessons, pick_modules, split_refs
from compact_course.facilitator.agenda import Plan, PlanDoesNotFit, PlanError
from compact_course.facilitator.fit import drop_advice, fit_plan
from compact_course.facilitator.layout import build_plan
from compact_course.facilitator.plan_options import add_plan_options, settings_from_args, settings_with_defaults
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


def plan_for(course: Course, modules=None, lessons=None, title: str | None = None, **settings) -> Plan:
    """Select lessons and build the plan as the command does: timing the keywords leave out
    takes the defaults in ``data/plans.yaml``; the others, those of :class:`Settings`."""
    return build_plan(
        course, select_lessons(course, modules, lessons), settings_with_defaults(course, **settings), title
    )


# --- The commands ------------------------------------------------------------------------------


def plan_from_args(args, command: str) -> tuple[Course, Plan, tuple[m.Lesson, ...]] | int:
    """The course, the plan the options ask for and the lessons ``--fit`` left out; or an exit status."""
    try:
        course = load_course(args.root)
        settings = settings_from_args(course, args)
        lessons = select_lessons(course, args.modules, args.lessons)
        if args.fit:
            plan, dropped = fit_plan(course, lessons, settings, args.title)
            return course, plan, dropped
        return course, build_plan(course, lessons, settings, args.title), ()
    except PlanError as error:
        print(f"compact-course {command}: error: {error}", file=sys.stderr)
        return 2
    except PlanDoesNotFit as error:
        advice = "" if args.fit else drop_advice(course, lessons, settings)
        print(f"compact-course {command}: cannot fit: {error}{advice}", file=sys.stderr)
        return 1


def _run(args) -> int:
    made = plan_from_args(args, "plan")
    if isinstance(made, int):
        return made
    course, plan, dropped = made
    text = (
        html_document(course, plan, dropped)
        if args.format == "html"
        else render_markdown(course, plan, dropped=dropped)
    )
    sys.stdout.write(text)
    return 0


def register(commands) -> None:
    parser = commands.add_parser(
        "plan",
        help="print a timed session plan (Markdown or HTML) for chosen modules or lessons",
        description="Print a timed agenda with breaks. Lessons run in course order; the welcome, polls, "
        "changeovers, close, breaks and day length are set by the options below. Exit status 1 if the "
        "selection cannot fit (the message says which lessons to drop), 2 if an option is wrong.",
    )
    add_plan_options(parser)
    parser.add_argument(
        "--format", choices=("markdown", "html"), default="markdown", help="output format (default markdown)"
    )
    parser.set_defaults(run=_run)
