"""The one-page and whole-room items of a session pack: the cover, agenda, evaluation form,
voting cards, attendance sheet and evaluation tally.

The cover says what to copy for whom: the participants' set, then the facilitator's set, with
how many copies of each item (one per participant, one per facilitator). The evaluation form
asks for confidence before and after the session against each objective of the plan's lessons,
on the scale in ``pack.evaluation`` of ``data/plans.yaml``, then the open questions there; the
tally sheet has a box for every point of that scale, before and after, for each objective.
The voting cards are one big letter a page, for a room without devices.
"""

from __future__ import annotations

from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.facilitator.agenda import Plan
from compact_course.facilitator.pack_items import lesson_slots, letter, polled_letters
from compact_course.facilitator.plan_render import render_html


def agenda(course: Course, plan: Plan, dropped: Sequence[m.Lesson] = ()) -> str:
    return f'<div class="cc-one-page">{render_html(course, plan, dropped, objectives=False)}</div>'


def _circles(scale: Sequence[str]) -> str:
    # One box per point of the scale, its number printed inside, so the form works in black and white.
    return "".join(f'<span class="cc-scale-point">{e(point.split(" ", 1)[0])}</span>' for point in scale)


def evaluation(course: Course, plan: Plan) -> str:
    """The form's table: one row group a lesson, one row an objective, a column for before and
    after. Every answer cell names its headers (column, lesson, objective) by id, so a screen
    reader and a checker read each box as "Before, Lesson 2, <objective>" (issue 30)."""
    form = course.plans.pack.evaluation
    labels = course.plans.pack.labels
    groups = []
    for slot in lesson_slots(plan):
        assert slot.lesson is not None
        group = f"cc-eval-{slot.lesson.id}"
        lesson = f' data-lesson="{e(slot.lesson.id)}"'  # the plan page shows the chosen lessons' rows
        rows = [
            f'<tr class="cc-eval-lesson"{lesson}><th scope="rowgroup" colspan="3" id="{e(group)}">'
            f"{e(f'{labels.lesson} {slot.lesson_number}: {slot.lesson.title}')}</th></tr>"
        ]
        for n, objective in enumerate(slot.lesson.objectives, start=1):
            row = f"{group}-{n}"
            cells = "".join(
                f'<td headers="cc-eval-{when} {e(group)} {e(row)}">{_circles(form.scale)}</td>'
                for when in ("before", "after")
            )
            rows.append(f'<tr{lesson}><th scope="row" id="{e(row)}">{e(objective)}</th>{cells}</tr>')
        groups.append(f"<tbody>{''.join(rows)}</tbody>")
    legend = " · ".join(form.scale)
    questions = "".join(
        f'<div class="cc-question"><p>{e(question)}</p><div class="cc-write cc-write-small"></div></div>'
        for question in form.questions
    )
    return (
        f'<p>{e(form.statement)}</p><p class="cc-scale-legend">{e(legend)}</p>'
        f'<table class="cc-evaluation"><thead><tr><td></td><th scope="col" id="cc-eval-before">{e(form.before)}</th>'
        f'<th scope="col" id="cc-eval-after">{e(form.after)}</th></tr></thead>{"".join(groups)}</table>{questions}'
    )


def cover(course: Course, plan: Plan, sets: Sequence[tuple[str, Sequence[str]]], pages: bool = False) -> str:
    """What to copy: each set's items (by title) and how many copies of each. With ``pages`` (the
    book's pack, printed as one document), a column for each item's pages and a line for each
    set's, which the page's script fills in once it has counted them (pack-pages.js)."""
    texts = course.plans.pack
    tables = []
    for who, names in sets:
        copies = plan.settings.participants if who == "participants" else 1
        pages_head = f'<th scope="col">{e(texts.cover.pages)}</th>' if pages else ""
        rows = "".join(
            f'<tr><th scope="row">{e(getattr(texts, name).title)}</th>'
            + (f'<td data-pages="{name}">{e(texts.cover.pages_pending)}</td>' if pages else "")
            + f'<td data-copies="{who}">{copies}</td></tr>'
            for name in names
        )
        set_pages = f'<p class="cc-pack-set-pages" data-set-pages="{who}" hidden></p>' if pages else ""
        tables.append(
            f'<table class="cc-pack-copies"><caption>{e(getattr(texts.cover, who))}</caption><thead><tr>'
            f'<th scope="col">{e(texts.cover.item)}</th>{pages_head}<th scope="col">{e(texts.cover.copies)}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>{set_pages}"
        )
    return f'<p class="cc-plan-summary">{e(plan.summary())}</p>{"".join(tables)}'


def attendance(course: Course, plan: Plan) -> str:
    """A line for each participant, and two spare."""
    texts = course.plans.pack.attendance
    rows = "".join(
        f'<tr><th scope="row">{n}</th><td></td><td></td><td></td></tr>'
        for n in range(1, plan.settings.participants + 3)
    )
    head = "".join(f'<th scope="col">{e(label)}</th>' for label in (texts.name, texts.organisation, texts.signature))
    return f'<table class="cc-attendance"><thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table>'


def tally(course: Course, plan: Plan) -> str:
    """For each objective on the evaluation form, a box per point of its scale, before and after."""
    form = course.plans.pack.evaluation
    labels = course.plans.pack.labels
    points = [point.split(" ", 1)[0] for point in form.scale]
    span = len(points)
    numbers = "".join(f'<th scope="col">{e(p)}</th>' for p in points) * 2
    rows = []
    for slot in lesson_slots(plan):
        assert slot.lesson is not None
        rows.append(
            f'<tr class="cc-eval-lesson" data-lesson="{e(slot.lesson.id)}"><th scope="rowgroup" colspan="{2 * span + 1}">'
            f"{e(f'{labels.lesson} {slot.lesson_number}: {slot.lesson.title}')}</th></tr>"
        )
        rows += [
            f'<tr data-lesson="{e(slot.lesson.id)}"><th scope="row">{e(objective)}</th>{"<td></td>" * (2 * span)}</tr>'
            for objective in slot.lesson.objectives
        ]
    return (
        f'<p class="cc-tally-returned">{e(course.plans.pack.tally.returned)}: <span class="cc-write-in"></span></p>'
        f'<table class="cc-tally"><thead><tr><td rowspan="2"></td><th scope="colgroup" colspan="{span}">'
        f'{e(form.before)}</th><th scope="colgroup" colspan="{span}">{e(form.after)}</th></tr>'
        f"<tr>{numbers}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def voting_cards(course: Course, plan: Plan) -> str:
    """One card a page, A, B, C, D (more if a polled question has more options)."""
    return "".join(
        f'<section class="cc-card" aria-label="{e(letter(i))}"><p class="cc-card-letter">{e(letter(i))}</p></section>'
        for i in range(polled_letters(course, plan))
    )
