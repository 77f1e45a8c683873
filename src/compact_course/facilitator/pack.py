"""``compact-course pack``: the printed materials for one session plan, as self-contained HTML.

``compact-course pack --minutes 60 --lessons 1,7 --participants 12 --out DIR`` takes the same
options as ``compact-course plan`` and writes, for exactly that plan's lessons:

- ``cover.html``: what to copy, and how many: the participants' set, then the facilitator's.
- The participants' set: ``handout.html`` (scenarios without their suggested answers,
  discussion prompts and quiz questions without answers, with room to write), ``agenda.html``
  (one page), ``evaluation.html`` (confidence before and after against each lesson's
  objectives) and ``cards.html`` (voting cards A, B, C..., one letter a page).
- The facilitator's set: ``crib.html`` (timings, polls, suggested answers, what good answers
  cover, misconceptions), ``answers.html`` (a one-page answer list, lettered as the handout and
  the cards), ``attendance.html`` (a line per participant) and ``tally.html`` (for counting
  the evaluation forms).
- ``index.html``: what the pack holds.

Each file inlines ``static/compact-print.css`` and loads nothing from the network. The book
shows the same items for the ready-made plans (:mod:`.pack_pages`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.pack_models import PackItem
from compact_course.facilitator import pack_forms, pack_items
from compact_course.facilitator.agenda import Plan
from compact_course.facilitator.plan_options import add_plan_options
from compact_course.facilitator.plans import plan_from_args

PRINT_CSS = Path(__file__).resolve().parents[1] / "static" / "compact-print.css"

Builder = Callable[[Course, Plan, Sequence[m.Lesson], str | None], str]

# The two sets the cover tells the facilitator to copy, in the order they print: nothing for
# the facilitator's eyes only is in the participants' set.
SETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("participants", ("handout", "agenda", "evaluation", "cards")),
    ("facilitator", ("crib", "answers", "attendance", "tally")),
)

# File stem, and how to build its body; the item's title and intro come from data (pack).
ITEMS: tuple[tuple[str, Builder], ...] = (
    # In the book (from_doc set) the pack prints as one document, so its cover gives page ranges.
    ("cover", lambda course, plan, dropped, from_doc: pack_forms.cover(course, plan, SETS, pages=from_doc is not None)),
    ("handout", lambda course, plan, dropped, from_doc: pack_items.handout(course, plan, from_doc)),
    ("agenda", lambda course, plan, dropped, from_doc: pack_forms.agenda(course, plan, dropped)),
    ("evaluation", lambda course, plan, dropped, from_doc: pack_forms.evaluation(course, plan)),
    ("cards", lambda course, plan, dropped, from_doc: pack_forms.voting_cards(course, plan)),
    ("crib", lambda course, plan, dropped, from_doc: pack_items.crib(course, plan, from_doc)),
    ("answers", lambda course, plan, dropped, from_doc: pack_items.answer_list(course, plan)),
    ("attendance", lambda course, plan, dropped, from_doc: pack_forms.attendance(course, plan)),
    ("tally", lambda course, plan, dropped, from_doc: pack_forms.tally(course, plan)),
)
SET_OF = {name: who for who, names in SETS for name in names}


def item_texts(course: Course, name: str) -> PackItem:
    texts = getattr(course.plans.pack, name)
    return PackItem(title=texts.title, intro=texts.intro)


def item_body(course: Course, plan: Plan, name: str, dropped: Sequence[m.Lesson] = (), from_doc=None) -> str:
    """One item's HTML: heading, intro and body, in a ``.cc-pack-item`` section."""
    builder = dict(ITEMS)[name]
    texts = item_texts(course, name)
    heading = f"<h1>{e(plan.title)}: {e(texts.title)}</h1>" if name != "cards" else ""
    intro = f'<p class="cc-pack-intro">{e(texts.intro)}</p>' if name != "cards" else ""
    # Each item says which set it belongs to, so the printed page can say so in its running head.
    who = f' data-set="{SET_OF[name]}"' if name in SET_OF else ""
    return (
        f'<section class="cc-pack-item cc-pack-{name}" id="{name}"{who}>{heading}{intro}'
        f"{builder(course, plan, dropped, from_doc)}</section>"
    )


def document(title: str, body: str) -> str:
    """A complete page: inline print styles, nothing from the network."""
    css = PRINT_CSS.read_text(encoding="utf-8")
    return (
        f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(title)}</title>\n'
        f'<style>\n{css}</style>\n</head>\n<body>\n<main class="cc-pack">\n{body}\n</main>\n</body>\n</html>\n'
    )


def _contents(course: Course, plan: Plan) -> str:
    links = "".join(
        f'<li><a href="{name}.html">{e(item_texts(course, name).title)}</a>: {e(item_texts(course, name).intro)}</li>'
        for name, _ in ITEMS
    )
    return f'<h1>{e(plan.title)}</h1><p>{e(plan.summary())}</p><ul class="cc-pack-contents">{links}</ul>'


def pack_files(course: Course, plan: Plan, dropped: Sequence[m.Lesson] = ()) -> dict[str, str]:
    """File name -> complete HTML page, for every item and the contents page."""
    files = {"index.html": document(plan.title, _contents(course, plan))}
    for name, _ in ITEMS:
        title = f"{plan.title}: {item_texts(course, name).title}"
        files[f"{name}.html"] = document(title, item_body(course, plan, name, dropped))
    return files


def write_pack(course: Course, plan: Plan, out: Path, dropped: Sequence[m.Lesson] = ()) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pack_files(course, plan, dropped).items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _run(args) -> int:
    made = plan_from_args(args, "pack")
    if isinstance(made, int):
        return made
    course, plan, dropped = made
    for path in write_pack(course, plan, Path(args.out), dropped):
        print(path)
    return 0


def register(commands) -> None:
    parser = commands.add_parser(
        "pack",
        help="write the printed session pack (handout, answers, crib, agenda, evaluation, voting cards) for a plan",
        description="Write print-ready HTML pages for exactly the lessons of the plan the options choose (the same "
        "options as `compact-course plan`). Exit status 1 if the selection cannot fit, 2 if an option is wrong.",
    )
    add_plan_options(parser)
    parser.add_argument("--out", required=True, help="folder to write the pages to (created if missing)")
    parser.set_defaults(run=_run)
