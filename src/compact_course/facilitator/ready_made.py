"""The ready-made session plans published in the book, one page each (``book/facilitator/plan-*.md``).

Which lessons each plan covers, its settings and the paragraph on who it is for come from
``data/plans.yaml`` (through :attr:`Course.plans`); the agenda comes from the same generator
as ``compact-course plan``, and each page shows the command that prints it, so they cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compact_course.core import plan_models as pm
from compact_course.core.course import Course
from compact_course.core.markdown import HEADER_MD
from compact_course.facilitator.agenda import Plan, Settings, clock, parse_clock
from compact_course.facilitator.plan_render import render_markdown
from compact_course.facilitator.plans import plan_for


@dataclass(frozen=True)
class ReadyMade:
    """A plan published in the book. ``why`` is hand-written Markdown (our words, no data)."""

    slug: str
    title: str
    why: str
    modules: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def from_data(cls, entry: pm.ReadyMadePlan) -> ReadyMade:
        """The plan as ``data/plans.yaml`` gives it; settings it leaves out take the command's defaults."""
        given = entry.settings.model_dump(exclude_none=True)
        if "start" in given:
            given["start"] = parse_clock(given["start"])
        return cls(
            slug=entry.slug,
            title=entry.title,
            why=entry.why,
            modules=tuple(str(ref) for ref in entry.modules),
            lessons=tuple(str(ref) for ref in entry.lessons),
            settings=Settings(**given),
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


def ready_made_plans(course: Course) -> tuple[ReadyMade, ...]:
    """Every ready-made plan, in the order of ``data/plans.yaml``."""
    return tuple(ReadyMade.from_data(entry) for entry in course.plans)


def ready_made_plan(course: Course, ready: ReadyMade) -> Plan:
    return plan_for(course, ready.modules or None, ready.lessons or None, ready.title, **vars(ready.settings))


def ready_made_page(course: Course, ready: ReadyMade) -> str:
    """A book page: the plan's purpose (hand-written Markdown), the command, the agenda, the materials."""
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
    return {f"book/facilitator/{ready.slug}.md": ready_made_page(course, ready) for ready in ready_made_plans(course)}
