"""Session plans: a timed agenda for a workshop, built from the lessons' minutes and objectives.

``compact-course plan --minutes 90 --modules 1,3 --start 09:30`` prints the agenda as
Markdown (or HTML with ``--format html``); the three ready-made plans in the book
(``book/facilitator/plan-*.md``) come from the same generator, so they cannot drift.

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

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from compact_course.core import models as m
from compact_course.core.course import Course, load_course
from compact_course.core.escaping import e
from compact_course.core.selection import pick_lessons, pick_modules, split_refs

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

    def of_kind(self, *kinds: str) -> tuple[Slot, ...]:
        return tuple(slot for slot in self.slots if slot.kind in kinds)


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


# --- Laying out the days ---------------------------------------------------------------------


def _layout_day(course: Course, lessons: Sequence[m.Lesson], settings: Settings, number: int, last: bool) -> Day:
    """One day's slots: welcome, lessons with breaks, close; then lunch replaces the middle break."""
    kinds: list[tuple[str, str, int, m.Lesson | None]] = []
    welcome = (
        "Welcome, introductions and ground rules" if number == 1 else f"Welcome back and recap of day {number - 1}"
    )
    if settings.welcome:
        kinds.append((WELCOME, welcome, settings.welcome, None))
    since_break = 0
    for index, lesson in enumerate(lessons):
        kinds.append((LESSON, lesson.title, lesson.minutes, lesson))
        since_break += lesson.minutes
        more_lessons = index < len(lessons) - 1
        if settings.break_every and since_break >= settings.break_every and more_lessons:
            kinds.append((BREAK, "Break", settings.break_minutes, None))
            since_break = 0
    close = (
        "Close: key points, questions and evaluation"
        if last
        else f"Close of day {number}: questions and what comes next"
    )
    if settings.close:
        kinds.append((CLOSE, close, settings.close, None))
    if settings.lunch:
        kinds = _lunch_at_midday(kinds, settings)
    slots, now = [], settings.start
    for kind, title, minutes, lesson in kinds:
        extra = {}
        if lesson is not None:
            extra = {
                "lesson": lesson,
                "lesson_number": course.lesson_number(lesson.id),
                "module_number": course.module_number(course.module_of(lesson.id).id),
            }
        slots.append(Slot(kind, title, now, minutes, **extra))
        now += minutes
    return Day(number, tuple(slots))


def _lunch_at_midday(kinds: list, settings: Settings) -> list:
    """Turn the break starting nearest the middle of the day into lunch (the earlier one on a tie)."""
    starts, now = [], 0
    for _kind, _, minutes, _ in kinds:
        starts.append(now)
        now += minutes
    middle = now / 2
    breaks = [i for i, item in enumerate(kinds) if item[0] == BREAK]
    if not breaks:
        return kinds
    chosen = min(breaks, key=lambda i: (abs(starts[i] - middle), i))
    kinds = list(kinds)
    kinds[chosen] = (LUNCH, "Lunch", settings.lunch, None)
    return kinds


def _fits(course: Course, lessons: Sequence[m.Lesson], settings: Settings, number: int) -> bool:
    return _layout_day(course, lessons, settings, number, last=True).minutes <= settings.day_minutes


def _needs(lessons: Sequence[m.Lesson], days: int, minutes: int) -> str:
    content = sum(lesson.minutes for lesson in lessons)
    return (
        f"The selection ({len(lessons)} lesson{'s' if len(lessons) != 1 else ''}, {content} minutes of lessons) "
        f"needs {minutes} minutes over {days} day{'s' if days != 1 else ''}, with the welcome, close and breaks"
    )


def build_plan(course: Course, lessons: Sequence[m.Lesson], settings: Settings, title: str = "Session plan") -> Plan:
    """Lay the lessons out over days, or raise :class:`PlanDoesNotFit` saying what would help."""
    if not lessons:
        raise PlanError("no lessons selected")
    day_lessons: list[list[m.Lesson]] = [[]]
    for lesson in lessons:
        if not _fits(course, day_lessons[-1] + [lesson], settings, len(day_lessons)):
            if day_lessons[-1]:
                day_lessons.append([])
            if not _fits(course, [lesson], settings, len(day_lessons)):
                alone = _layout_day(course, [lesson], settings, len(day_lessons), last=True).minutes
                raise PlanDoesNotFit(
                    f"Lesson {course.lesson_number(lesson.id)} ({lesson.title}) takes {lesson.minutes} minutes, so with "
                    f"the welcome and close a day holding it lasts {alone} minutes, but a day is at most "
                    f"{settings.day_minutes} minutes. Allow longer days (--day-minutes) or shorten the welcome and "
                    f"close (--welcome, --close)."
                )
        day_lessons[-1].append(lesson)
    count = len(day_lessons)
    days = tuple(
        _layout_day(course, chosen, settings, n, last=(n == count)) for n, chosen in enumerate(day_lessons, start=1)
    )
    plan = Plan(title, settings, days)
    needed = plan.total_minutes
    if count > settings.days:
        raise PlanDoesNotFit(
            f"{_needs(lessons, count, needed)}, because a day is at most {settings.day_minutes} minutes; "
            f"only {settings.days} day{'s are' if settings.days != 1 else ' is'} available. "
            f"Choose fewer modules or lessons, or allow more days (--days) or longer days (--day-minutes)."
        )
    if settings.minutes is not None and needed > settings.minutes:
        raise PlanDoesNotFit(
            f"{_needs(lessons, count, needed)}, but only {settings.minutes} minutes are available. "
            f"Choose fewer modules or lessons, or allow more minutes (--minutes), spread over more days (--days) "
            f"if one day would be too long."
        )
    for day in days:
        if day.end > MINUTES_PER_DAY_ON_THE_CLOCK:
            raise PlanDoesNotFit(
                f"Day {day.number} would start at {clock(day.start)} and run {day.minutes} minutes, past midnight. "
                f"Choose an earlier --start, shorter days (--day-minutes) or fewer lessons."
            )
    return plan


def plan_for(course: Course, modules=None, lessons=None, title: str = "Session plan", **settings) -> Plan:
    """Convenience: select lessons and build the plan in one call (settings as in :class:`Settings`)."""
    return build_plan(course, select_lessons(course, modules, lessons), Settings(**settings), title)


# --- Rendering -------------------------------------------------------------------------------


PLAIN_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>|{}~#!&$])")


def md_text(text: str, myst: bool = True) -> str:
    """Escape text for Markdown. Book pages escape every punctuation mark (the course's rule for
    generated MyST); terminal output escapes only Markdown's active characters, so it stays readable."""
    from compact_course.core.markdown import md_escape

    return md_escape(text) if myst else PLAIN_MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _slot_label(slot: Slot) -> str:
    if slot.lesson is not None:
        return f"Lesson {slot.lesson_number}: {slot.title} (Module {slot.module_number})"
    return slot.title


def _doc_link(title: str, docname: str) -> str:
    from compact_course.core.markdown import role_title

    # Inside a table cell a pipe would end the cell, so it is escaped for the table parser.
    return f"{{doc}}`{role_title(title).replace('|', chr(92) + '|')} </{docname}>`"


def render_markdown(course: Course, plan: Plan, heading_level: int = 1, myst: bool = False) -> str:
    """The agenda as Markdown. ``myst=True`` adds table captions and links to lesson pages."""
    h = "#" * heading_level

    def t(text: str) -> str:
        return md_text(text, myst)

    lines = [f"{h} {t(plan.title)}", "", t(plan.summary()), ""]
    for day in plan.days:
        caption = f"Day {day.number}: {clock(day.start)} to {clock(day.end)}"
        lines += [f"{h}# {t(caption)}", ""]
        if myst:
            lines += [f"```{{table}} Agenda for day {day.number}", ":widths: auto", ""]
        lines += ["| Time | Session | Minutes |", "| --- | --- | --- |"]
        for slot in day.slots:
            label = t(_slot_label(slot))
            if myst and slot.lesson is not None:
                label = _doc_link(_slot_label(slot), course.lesson_docname(slot.lesson.id))
            lines.append(f"| {t(slot.times)} | {label} | {slot.minutes} |")
        if myst:
            lines.append("```")
        lines.append("")
    lines += [f"{h}# What each lesson covers", ""]
    for slot in plan.slots:
        if slot.lesson is None:
            continue
        lesson = slot.lesson
        title = f"Lesson {slot.lesson_number}: {lesson.title}"
        lines += [f"{h}## {t(title)}", ""]
        module = course.module_of(lesson.id)
        lines += [
            f"Module {slot.module_number}: {t(module.title)}. {lesson.minutes} minutes, "
            f"day {_day_of(plan, slot)}, {t(slot.times)}.",
            "",
        ]
        if myst:
            lines += [
                f"Lesson page: {_doc_link(lesson.title, course.lesson_docname(lesson.id))}. "
                f"Timings and discussion notes: {{doc}}`Module {slot.module_number} facilitator notes "
                f"</book/facilitator/notes-module-{slot.module_number}>`.",
                "",
            ]
        lines += ["By the end, participants will be able to:", ""]
        lines += [f"- {t(objective)}" for objective in lesson.objectives]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _day_of(plan: Plan, wanted: Slot) -> int:
    return next(day.number for day in plan.days if wanted in day.slots)


def render_html(course: Course, plan: Plan) -> str:
    """The agenda as an HTML fragment: one captioned table per day, row headers for times."""
    parts = [f'<section class="cc-plan"><p class="cc-plan-summary">{e(plan.summary())}</p>']
    for day in plan.days:
        rows = []
        for slot in day.slots:
            session = f"{e(_slot_label(slot))}"
            if slot.lesson is not None:
                objectives = "".join(f"<li>{e(text)}</li>" for text in slot.lesson.objectives)
                session += (
                    f'<p>By the end, participants will be able to:</p><ul class="cc-objectives">{objectives}</ul>'
                )
            rows.append(
                f'<tr class="cc-plan-{e(slot.kind)}"><th scope="row"><time>{clock(slot.start)}</time>–'
                f"<time>{clock(slot.end)}</time></th><td>{session}</td><td>{slot.minutes}</td></tr>"
            )
        parts.append(
            f'<table class="cc-table cc-plan-day"><caption>Day {day.number}: {clock(day.start)} to {clock(day.end)}</caption>'
            f'<thead><tr><th scope="col">Time</th><th scope="col">Session</th><th scope="col">Minutes</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def html_document(course: Course, plan: Plan) -> str:
    """A complete, printable HTML page for the agenda (what ``--format html`` prints)."""
    style = (
        "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}"
        "table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:bold;font-size:1.1rem}"
        "th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}"
        ".cc-plan-break,.cc-plan-lunch{font-style:italic}@media print{tr{break-inside:avoid}}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>{e(plan.title)}</title>\n'
        f"<style>{style}</style>\n</head>\n<body>\n<h1>{e(plan.title)}</h1>\n{render_html(course, plan)}\n</body>\n</html>\n"
    )


# --- The ready-made plans (pages of the book) ---------------------------------------------------


@dataclass(frozen=True)
class ReadyMade:
    """A plan published in the book. ``why`` is hand-written Markdown (our words, no data)."""

    slug: str
    title: str
    why: str
    modules: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    settings: Settings = Settings()

    def command(self) -> str:
        """The ``compact-course plan`` command that prints the same agenda."""
        words = ["compact-course plan"]
        if self.settings.minutes is not None:
            words.append(f"--minutes {self.settings.minutes}")
        if self.modules:
            words.append(f"--modules {','.join(self.modules)}")
        if self.lessons:
            words.append(f"--lessons {','.join(self.lessons)}")
        words.append(f"--start {clock(self.settings.start)}")
        defaults = Settings()
        for option, name in (
            ("--days", "days"),
            ("--day-minutes", "day_minutes"),
            ("--break-every", "break_every"),
            ("--break", "break_minutes"),
            ("--welcome", "welcome"),
            ("--close", "close"),
            ("--lunch", "lunch"),
        ):
            value = getattr(self.settings, name)
            if value != getattr(defaults, name):
                words.append(f"{option} {value}")
        return " ".join(words)


READY_MADE = (
    ReadyMade(
        slug="plan-taster",
        title="60-minute taster",
        why=(
            "A first taste of the course for a team meeting or a lunchtime session. One hour cannot hold a lesson "
            "from every module, so the taster takes three: who the Compact is for (Module 1), commissioning and "
            "decommissioning fairly (Module 2, the heart of the course for commissioners) and what happens when the "
            "Compact is breached (Module 3). The welcome is kept to five minutes. Point participants to Module 4 and "
            "the rest of the course for self-study afterwards."
        ),
        lessons=("who-is-the-compact-for", "commissioning-and-decommissioning", "sanctions-for-breaches"),
        settings=Settings(minutes=60, start=9 * 60 + 30, welcome=5),
    ),
    ReadyMade(
        slug="plan-half-day",
        title="Half-day workshop",
        why=(
            "A morning (or afternoon) workshop of three and a half hours covering the foundations: what the Compact is "
            "and who it is for (Module 1), then commissioning, funding and decommissioning (Module 2). Modules 3 and 4 "
            "make a second half day with the same timings: run "
            "`compact-course plan --minutes 210 --modules 3,4 --start 09:30` for its agenda."
        ),
        modules=("1", "2"),
        settings=Settings(minutes=210, start=9 * 60 + 30),
    ),
    ReadyMade(
        slug="plan-full-day",
        title="Full-day workshop",
        why=(
            "The whole course in one day of seven hours, with a break after about each hour of lessons and a "
            "45-minute lunch around the middle of the day. Day length is set to 420 minutes (09:30 to 16:30). "
            "For a gentler pace, split it over two days with `--days 2` and a shorter `--day-minutes`."
        ),
        settings=Settings(minutes=420, day_minutes=420, start=9 * 60 + 30, lunch=45),
    ),
)


def ready_made_plan(course: Course, ready: ReadyMade) -> Plan:
    return plan_for(course, ready.modules or None, ready.lessons or None, ready.title, **vars(ready.settings))


def ready_made_page(course: Course, ready: ReadyMade) -> str:
    """A book page: the plan's purpose (hand-written Markdown), the command, the agenda, the materials."""
    from compact_course.core.markdown import HEADER_MD

    plan = ready_made_plan(course, ready)
    title_line, agenda = render_markdown(course, plan, heading_level=1, myst=True).split("\n", 1)
    intro = [
        "",
        ready.why,
        "",
        "The agenda below is generated from the lessons' minutes and objectives. To print it, or to change the start "
        "time or the breaks, run:",
        "",
        "```console",
        ready.command(),
        "```",
    ]
    materials = [
        "",
        "## Materials for this session",
        "",
        "Print the handouts for participants; keep the answer keys and notes for yourself.",
        "",
    ]
    materials += [
        f"- Module {n}: {{doc}}`learner handout <handout-module-{n}>`, {{doc}}`answer key <answer-key-module-{n}>`, "
        f"{{doc}}`facilitator notes <notes-module-{n}>`"
        for n in plan.module_numbers
    ]
    materials += [
        "- The {doc}`room poll <room-poll>` for live quiz questions",
        "",
        "Back to the {doc}`facilitator guide <index>`.",
    ]
    return HEADER_MD + title_line + "\n" + "\n".join(intro) + "\n" + agenda + "\n".join(materials) + "\n"


def pages(course: Course) -> dict[str, str]:
    return {f"book/facilitator/{ready.slug}.md": ready_made_page(course, ready) for ready in READY_MADE}


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
