"""Printing a session plan: Markdown for the terminal or a book page, HTML for a printable page.

Book pages (``myst=True``) add table captions and links to the lesson pages and facilitator
notes, and escape every punctuation mark as generated MyST must; terminal Markdown escapes only
Markdown's active characters so it stays readable. All text reaching HTML is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.interface_models import PlanText, fill
from compact_course.core.links import relative_link
from compact_course.core.markdown import md_escape, role_title
from compact_course.facilitator.agenda import Day, Plan, Slot, clock

PLAIN_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>|{}~#!&$])")


def md_text(text: str, myst: bool = True) -> str:
    """Escape text for Markdown. Book pages escape every punctuation mark (the course's rule for
    generated MyST); terminal output escapes only Markdown's active characters, so it stays readable."""
    return md_escape(text) if myst else PLAIN_MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _slot_label(words: PlanText, slot: Slot) -> str:
    if slot.lesson is not None:
        return fill(words.lesson, number=slot.lesson_number, title=slot.title, module=slot.module_number)
    return slot.title


def parts_text(words: PlanText, slot: Slot) -> str:
    """``"reading 4, scenario 5, discussion 6, quiz 4"``: what a lesson slot's minutes cover."""
    return ", ".join(f"{words.parts.of(part)} {minutes}" for part, minutes in slot.parts)


def left_out_text(course: Course, dropped: Sequence[m.Lesson]) -> str:
    heading = course.interface.notebook.title
    names = "; ".join(fill(heading, number=course.lesson_number(lesson.id), title=lesson.title) for lesson in dropped)
    return fill(course.interface.plan.left_out, lessons=names)


def _doc_link(title: str, docname: str) -> str:
    # Inside a table cell a pipe would end the cell, so it is escaped for the table parser.
    return f"{{doc}}`{role_title(title).replace('|', chr(92) + '|')} </{docname}>`"


def render_markdown(
    course: Course,
    plan: Plan,
    heading_level: int = 1,
    myst: bool = False,
    dropped: Sequence[m.Lesson] = (),
    from_doc: str | None = None,
) -> str:
    """The agenda as Markdown. ``myst=True`` adds table captions and links to lesson pages;
    ``dropped`` lists the lessons ``--fit`` left out; with ``from_doc`` (the page's docname) each
    lesson also links to its presenter view (the lesson page's ``#present``)."""
    h = "#" * heading_level
    words = course.interface.plan

    def t(text: str) -> str:
        return md_text(text, myst)

    lines = [f"{h} {t(plan.title)}", "", t(plan.summary()), ""]
    if dropped:
        lines += [t(left_out_text(course, dropped)), ""]
    for day in plan.days:
        lines += _day_table(course, day, h, myst)
    lines += [f"{h}# {words.covers_heading}", ""]
    for slot in plan.slots:
        if slot.lesson is None:
            continue
        lesson = slot.lesson
        title = fill(course.interface.notebook.title, number=slot.lesson_number, title=lesson.title)
        lines += [f"{h}## {t(title)}", ""]
        module = course.module_of(lesson.id)
        line = fill(
            words.lesson_line,
            number=slot.module_number,
            title=t(module.title),
            minutes=slot.minutes,
            parts=t(parts_text(words, slot)),
            day=_day_of(plan, slot),
            times=t(slot.times),
        )
        lines += [line, ""]
        if myst:
            lines += [_lesson_page_line(course, slot, from_doc), ""]
        lines += [words.objectives_lead, ""]
        lines += [f"- {t(objective)}" for objective in lesson.objectives]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _lesson_page_line(course: Course, slot: Slot, from_doc: str | None) -> str:
    """The links under a lesson in a plan page: its page, its presenter view, its module's notes."""
    words = course.interface.plan
    lesson = slot.lesson
    assert lesson is not None
    docname = course.lesson_docname(lesson.id)
    present = ""
    if from_doc:
        present = f' (<a href="{e(relative_link(from_doc, docname, "present"))}">{e(words.present_it)}</a>)'
    notes_title = role_title(fill(words.notes_link, number=slot.module_number))
    notes = f"{{doc}}`{notes_title} </book/facilitator/notes-module-{slot.module_number}>`"
    return fill(words.lesson_page, link=_doc_link(lesson.title, docname), present=present, notes=notes)


def _day_table(course: Course, day: Day, h: str, myst: bool) -> list[str]:
    words = course.interface.plan
    caption = fill(words.agenda_caption, number=day.number, start=clock(day.start), end=clock(day.end))
    lines = [f"{h}# {md_text(caption, myst)}", ""]
    if myst:
        lines += [f"```{{table}} {fill(words.agenda_table, number=day.number)}", ":widths: auto", ""]
    columns = (words.column_time, words.column_session, words.column_minutes)
    lines += ["| " + " | ".join(columns) + " |", "| --- | --- | --- |"]
    for slot in day.slots:
        label = md_text(_slot_label(words, slot), myst)
        if myst and slot.lesson is not None:
            label = _doc_link(_slot_label(words, slot), course.lesson_docname(slot.lesson.id))
        lines.append(f"| {md_text(slot.times, myst)} | {label} | {slot.minutes} |")
    if myst:
        lines.append("```")
    return lines + [""]


def _day_of(plan: Plan, wanted: Slot) -> int:
    return next(day.number for day in plan.days if wanted in day.slots)


def render_html(course: Course, plan: Plan, dropped: Sequence[m.Lesson] = (), objectives: bool = True) -> str:
    """The agenda as an HTML fragment: one captioned table per day, row headers for times."""
    words = course.interface.plan
    parts = [f'<section class="cc-plan"><p class="cc-plan-summary">{e(plan.summary())}</p>']
    if dropped:
        parts.append(f'<p class="cc-plan-left-out">{e(left_out_text(course, dropped))}</p>')
    for day in plan.days:
        rows = []
        for slot in day.slots:
            session = f"{e(_slot_label(words, slot))}"
            if slot.lesson is not None:
                session += f' <span class="cc-plan-parts">({e(parts_text(words, slot))})</span>'
            if slot.lesson is not None and objectives:
                listed = "".join(f"<li>{e(text)}</li>" for text in slot.lesson.objectives)
                session += f'<p>{e(words.objectives_lead)}</p><ul class="cc-objectives">{listed}</ul>'

            rows.append(
                f'<tr class="cc-plan-{e(slot.kind)}"><th scope="row"><time>{clock(slot.start)}</time>–'
                f"<time>{clock(slot.end)}</time></th><td>{session}</td><td>{slot.minutes}</td></tr>"
            )
        caption = fill(words.agenda_caption, number=day.number, start=clock(day.start), end=clock(day.end))
        parts.append(
            f'<table class="cc-table cc-plan-day"><caption>{e(caption)}</caption>'
            f'<thead><tr><th scope="col">{e(words.column_time)}</th><th scope="col">{e(words.column_session)}</th>'
            f'<th scope="col">{e(words.column_minutes)}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def html_document(course: Course, plan: Plan, dropped: Sequence[m.Lesson] = ()) -> str:
    """A complete, printable HTML page for the agenda (what ``--format html`` prints)."""
    style = (
        "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}"
        "table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:bold;font-size:1.1rem}"
        "th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}"
        ".cc-plan-break,.cc-plan-lunch{font-style:italic}@media print{tr{break-inside:avoid}}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>{e(plan.title)}</title>\n'
        f"<style>{style}</style>\n</head>\n<body>\n<h1>{e(plan.title)}</h1>\n{render_html(course, plan, dropped)}\n</body>\n</html>\n"
    )
