"""The ready-made session plans published in the book, one page each (``book/facilitator/plan-*.md``).

Which lessons each plan covers, its settings and the paragraph on who it is for come from
``data/plans.yaml`` (through :attr:`Course.plans`); the agenda comes from the same generator
as ``compact-course plan``, and each page shows the command that prints it, so they cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compact_course.core import models as m
from compact_course.core import plan_models as pm
from compact_course.core.course import Course
from compact_course.core.interface_models import fill
from compact_course.core.markdown import HEADER_MD, role_title
from compact_course.facilitator.agenda import Plan, Settings, clock, parse_clock
from compact_course.facilitator.fit import fit_plan
from compact_course.facilitator.layout import build_plan
from compact_course.facilitator.plan_options import settings_with_defaults
from compact_course.facilitator.plan_render import render_markdown
from compact_course.facilitator.plans import select_lessons

# The command's options, by Settings field, in the order the page's command lists them.
OPTIONS = (
    ("--days", "days"),
    ("--day-minutes", "day_minutes"),
    ("--break-every", "break_every"),
    ("--break", "break_minutes"),
    ("--welcome", "welcome"),
    ("--participants", "participants"),
    ("--changeover", "changeover"),
    ("--polls", "polls"),
    ("--poll-minutes", "poll_minutes"),
    ("--close", "close"),
    ("--lunch", "lunch"),
)


@dataclass(frozen=True)
class ReadyMade:
    """A plan published in the book. ``why`` is hand-written Markdown (our words, no data)."""

    slug: str
    title: str
    why: str
    modules: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    settings: Settings = field(default_factory=Settings)
    defaults: Settings = field(default_factory=Settings)
    fit: bool = False

    @classmethod
    def from_data(cls, course: Course, entry: pm.ReadyMadePlan) -> ReadyMade:
        """The plan as ``data/plans.yaml`` gives it; settings it leaves out take the command's defaults."""
        given = entry.settings.model_dump(exclude_none=True)
        fit = given.pop("fit", False)
        if "start" in given:
            given["start"] = parse_clock(given["start"])
        return cls(
            slug=entry.slug,
            title=entry.title,
            why=entry.why,
            modules=tuple(str(ref) for ref in entry.modules),
            lessons=tuple(str(ref) for ref in entry.lessons),
            settings=settings_with_defaults(course, **given),
            defaults=settings_with_defaults(course),
            fit=fit,
        )

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
        for option, name in OPTIONS:
            value = getattr(self.settings, name)
            if value != getattr(self.defaults, name):
                words.append(f"{option} {value}")
        if self.fit:
            words.append("--fit")
        return " ".join(words)


def ready_made_plans(course: Course) -> tuple[ReadyMade, ...]:
    """Every ready-made plan, in the order of ``data/plans.yaml``."""
    return tuple(ReadyMade.from_data(course, entry) for entry in course.plans.plans)


def ready_made_fit(course: Course, ready: ReadyMade) -> tuple[Plan, tuple[m.Lesson, ...]]:
    """The plan and, for a plan that cuts to fit, the lessons it leaves out."""
    lessons = select_lessons(course, ready.modules or None, ready.lessons or None)
    if ready.fit:
        return fit_plan(course, lessons, ready.settings, ready.title)
    return build_plan(course, lessons, ready.settings, ready.title), ()


def ready_made_plan(course: Course, ready: ReadyMade) -> Plan:
    return ready_made_fit(course, ready)[0]


def _role(title: str, target: str) -> str:
    return f"{{doc}}`{role_title(title)} <{target}>`"


def ready_made_page(course: Course, ready: ReadyMade) -> str:
    """A book page: the plan's purpose (hand-written Markdown), the command, the agenda, the materials."""
    plan, dropped = ready_made_fit(course, ready)
    title_line, agenda = render_markdown(
        course, plan, heading_level=1, myst=True, dropped=dropped, from_doc=f"book/facilitator/{ready.slug}"
    ).split("\n", 1)
    words = course.interface.plan
    intro = [
        "",
        ready.why,
        "",
        words.ready_intro,
        "",
        "```console",
        ready.command(),
        "```",
    ]
    materials = [
        "",
        f"## {words.materials_heading}",
        "",
        fill(words.materials_intro, pack=_role(words.pack_link, f"packs/{ready.slug}")),
        "",
    ]
    materials += [
        "- "
        + fill(
            words.materials_module,
            number=n,
            handout=_role(words.handout_link, f"handout-module-{n}"),
            key=_role(words.key_link, f"answer-key-module-{n}"),
            notes=_role(words.facilitator_notes_link, f"notes-module-{n}"),
        )
        for n in plan.module_numbers
    ]
    guide = course.interface.handouts
    materials += [
        "- " + fill(words.materials_poll, link=_role(words.poll_link, "room-poll")),
        "",
        fill(guide.back, link=_role(guide.guide, "index")),
    ]
    return HEADER_MD + title_line + "\n" + "\n".join(intro) + "\n" + agenda + "\n".join(materials) + "\n"


def pages(course: Course) -> dict[str, str]:
    return {f"book/facilitator/{ready.slug}.md": ready_made_page(course, ready) for ready in ready_made_plans(course)}
