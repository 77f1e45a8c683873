"""The book's two tables of contents, generated from ``data/lessons.yaml``: one per edition.

``_toc.yml`` is the learner edition (the default build, and what the SCORM package holds): no
answer keys, facilitator notes or session packs, so they are in neither its menu nor its search
index. ``_toc-facilitator.yml`` is the facilitator edition: the same pages plus the facilitator
part (``scripts/build.sh --facilitator``). Modules become parts, lessons their chapters, in data
order; the facilitator part has one page of each per-module kind for every module. The fixed
pages around them are listed here once.
"""

from __future__ import annotations

from compact_course.core.course import Course
from compact_course.core.interface_models import fill
from compact_course.core.markdown import HEADER_MD

FRONT = ("book/compact-today", "book/how-to-use")
CHECK_YOURSELF = ("book/progress", "book/self-assessment")
FACILITATOR_INDEX = "book/facilitator/index"
PLANS = ("book/facilitator/plan-taster", "book/facilitator/plan-half-day", "book/facilitator/plan-full-day")
PACKS = tuple(plan.replace("facilitator/", "facilitator/packs/") for plan in PLANS)
# One page of each kind per module, so a new module gets its pages without an edit here.
PER_MODULE = ("notes-module", "handout-module", "answer-key-module")
FACILITATOR_TOOLS = (
    "book/facilitator/room-poll",
    "book/facilitator/room-poll-static",
    "book/facilitator/plan-builder",
    "book/facilitator/downloads",
    "book/facilitator/lms-import",
)
REFERENCE = (
    "book/glossary",
    "book/sources",
    "book/downloads",
    "book/about",
    "book/accessibility",
    "book/maintainers",
)
LEARNER_TOC = "_toc.yml"
FACILITATOR_TOC = "_toc-facilitator.yml"


def facilitator_pages(course: Course) -> tuple[str, ...]:
    """The facilitator part's pages, in menu order: the index, plans, per-module pages, tools."""
    numbers = range(1, len(course.modules) + 1)
    per_module = tuple(f"book/facilitator/{kind}-{n}" for kind in PER_MODULE for n in numbers)
    return (FACILITATOR_INDEX, *PLANS, *PACKS, *per_module, *FACILITATOR_TOOLS)


def _part(caption: str, files) -> list[str]:
    lines = [f'  - caption: "{caption}"', "    chapters:"]
    lines += [f"      - file: {name}" for name in files]
    return lines


def toc_yaml(course: Course, facilitator: bool = False) -> str:
    """The table of contents of the learner edition, or with ``facilitator`` of the facilitator edition."""
    header = HEADER_MD.replace("<!--", "#").replace(" -->", "")
    lines = [header.rstrip("\n"), "format: jb-book", "root: book/index", "parts:"]
    words = course.interface.book
    lines += _part(words.part_start, FRONT)
    for number, module in enumerate(course.modules, start=1):
        lines += _part(
            fill(words.part_module, number=number, title=module.title),
            (course.lesson_docname(lesson.id) for lesson in module.lessons),
        )
    lines += _part(words.part_check, CHECK_YOURSELF)
    if facilitator:
        lines += _part(words.part_facilitators, facilitator_pages(course))
    lines += _part(words.part_reference, REFERENCE)
    return "\n".join(lines) + "\n"


def pages(course: Course) -> dict[str, str]:
    return {LEARNER_TOC: toc_yaml(course), FACILITATOR_TOC: toc_yaml(course, facilitator=True)}
