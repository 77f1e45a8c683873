"""The lesson-by-lesson items of a session pack: learner handout, answer list, facilitator crib.

Each function returns an escaped HTML fragment for the lessons of one plan. Options are shown
in the display order every rendering uses (``question.choices()``, from
:mod:`compact_course.core.option_order`), lettered A, B, C ... as on the voting cards, so the
handout, the answer list, the crib and a poll on the cards agree. Question labels
("Question 7.1") are the same as the per-module handouts'. Every word a reader sees comes
from the data (``pack`` in ``data/plans.yaml``, the lessons, the quiz banks, the notes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.links import relative_link
from compact_course.facilitator.agenda import Plan, Slot
from compact_course.facilitator.handouts import question_label
from compact_course.quiz.html import type_label


def letter(index: int) -> str:
    """0 -> 'A': the letters on the handout, the answer list and the voting cards."""
    return chr(ord("A") + index)


def items_html(texts: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{e(text)}</li>" for text in texts) + f"</{tag}>"


def lesson_slots(plan: Plan) -> tuple[Slot, ...]:
    return tuple(slot for slot in plan.slots if slot.lesson is not None)


def numbered_questions(course: Course, lesson: m.Lesson) -> list[tuple[str, m.QuestionBase]]:
    return [(question_label(course, lesson, i), q) for i, q in enumerate(course.quiz_for(lesson.id).questions, 1)]


def _lesson_heading(slot: Slot, word: str) -> str:
    assert slot.lesson is not None
    return f"<h2>{e(f'{word} {slot.lesson_number}: {slot.lesson.title}')}</h2>"


def _lesson_link(course: Course, lesson: m.Lesson, from_doc: str | None, label: str) -> str:
    href = relative_link(from_doc, course.lesson_docname(lesson.id))
    return f'<p class="cc-pack-link">{e(label)}: <a href="{e(href)}">{e(lesson.title)}</a></p>'


# --- Learner handout ---------------------------------------------------------------------------


def _options(course: Course, question: m.QuestionBase) -> str:
    labels = course.plans.pack.labels
    if isinstance(question, m.TrueFalse):
        texts = [labels.true if choice.key == "true" else labels.false for choice in question.choices()]
    else:
        texts = [choice.text for choice in question.choices()]
    rows = "".join(f'<li><span class="cc-letter">{letter(i)}</span> {e(text)}</li>' for i, text in enumerate(texts))
    return f'<ol class="cc-options">{rows}</ol>'


def _matching(course: Course, question: m.Matching) -> str:
    labels = course.plans.pack.labels
    rows = "".join(
        f'<tr><th scope="row">{e(item.key)}. {e(item.text)}</th><td class="cc-write-in"></td></tr>'
        for item in question.items()
    )
    return (
        f'<p class="cc-how">{e(labels.matching)}</p><table class="cc-matching"><tbody>{rows}</tbody></table>'
        f"{_options(course, question)}"
    )


def question_block(course: Course, label: str, question: m.QuestionBase) -> str:
    """One question with its options and a place for the answer; never split across pages."""
    labels = course.plans.pack.labels
    scenario = ""
    if isinstance(question, m.ScenarioQuestion):
        scenario = f'<p class="cc-scenario"><strong>{e(labels.scenario)}:</strong> {e(question.scenario)}</p>'
    body = _matching(course, question) if isinstance(question, m.Matching) else _options(course, question)
    return (
        f'<div class="cc-question" id="q-{e(question.id)}">{scenario}'
        f'<p class="cc-prompt"><strong>{e(label)}.</strong> {e(question.prompt)} <em>{e(type_label(course, question))}</em></p>'
        f'{body}<p class="cc-answer-line">{e(labels.answer_here)}:</p></div>'
    )


def handout_lesson(course: Course, slot: Slot, from_doc: str | None) -> str:
    lesson = slot.lesson
    assert lesson is not None
    labels = course.plans.pack.labels
    prompts = "".join(
        f'<li><p>{e(prompt.prompt)}</p><div class="cc-write cc-write-small"></div></li>' for prompt in lesson.discussion
    )
    questions = "".join(question_block(course, label, q) for label, q in numbered_questions(course, lesson))
    return (
        f'<section class="cc-pack-lesson" id="lesson-{e(lesson.id)}" data-lesson="{e(lesson.id)}">'
        f"{_lesson_heading(slot, labels.lesson)}{_lesson_link(course, lesson, from_doc, labels.lesson_page)}"
        f"<h3>{e(labels.questions_answered)}</h3>{items_html(lesson.questions)}"
        f'<div class="cc-scenario-block"><h3>{e(labels.scenario)}: {e(lesson.in_practice.title)}</h3>'
        f'<p>{e(lesson.in_practice.scenario)}</p><p class="cc-write-label">{e(labels.notes)}</p>'
        f'<div class="cc-write"></div></div>'
        f'<h3>{e(labels.discussion)}</h3><ol class="cc-prompts">{prompts}</ol>'
        f"<h3>{e(labels.quiz)}</h3>{questions}</section>"
    )


def handout(course: Course, plan: Plan, from_doc: str | None = None) -> str:
    return "".join(handout_lesson(course, slot, from_doc) for slot in lesson_slots(plan))


# --- Answer list -------------------------------------------------------------------------------


def answer_letters(question: m.QuestionBase) -> str:
    """'B', 'A, C', or for matching '1 C, 2 A': the answer as the handout letters it."""
    choices = question.choices()
    if isinstance(question, m.Matching):
        position = {choice.key: letter(i) for i, choice in enumerate(choices)}
        return ", ".join(f"{item.key} {position[item.answer]}" for item in question.items())
    return ", ".join(letter(i) for i, choice in enumerate(choices) if choice.correct)


def answer_list(course: Course, plan: Plan) -> str:
    rows = []
    for slot in lesson_slots(plan):
        assert slot.lesson is not None
        rows += [
            f'<li data-lesson="{e(slot.lesson.id)}"><span class="cc-answer-label">{e(label)}</span> '
            f"{e(answer_letters(q))}</li>"
            for label, q in numbered_questions(course, slot.lesson)
        ]
    return f'<ul class="cc-answer-list">{"".join(rows)}</ul>'


# --- Facilitator crib --------------------------------------------------------------------------


def _timings(course: Course, lesson: m.Lesson, slot: Slot) -> str:
    labels = course.plans.pack.labels
    parts = course.interface.plan.parts
    parts = course.interface.plan.parts
    notes = course.notes_for(lesson.id)
    rows = [
        f"<tr><td>{e(t.activity)}</td><td>{e(parts.of(t.part) if t.part else '')}</td><td>{t.minutes}</td></tr>"
        for t in (notes.timings if notes else ())
    ]
    polled = [course.question(question_id) for question_id in slot.polled]
    quiz_minutes = dict(slot.parts).get("quiz", 0)
    if polled:
        rows.append(f"<tr><td>{e(labels.poll)}</td><td>{e(parts.quiz)}</td><td>{quiz_minutes}</td></tr>")
    return (
        f'<h3>{e(labels.timings)}</h3><table><thead><tr><th scope="col">{e(labels.activity)}</th>'
        f'<th scope="col">{e(labels.part)}</th><th scope="col">{e(labels.minutes)}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _polls(course: Course, lesson: m.Lesson, slot: Slot) -> str:
    labels = course.plans.pack.labels
    label_of = {q.id: label for label, q in numbered_questions(course, lesson)}
    polled = [course.question(question_id) for question_id in slot.polled]
    if not polled:
        return ""
    rows = "".join(
        f'<li data-question="{e(q.id)}"><strong>{e(label_of[q.id])}</strong> ({e(labels.answer)}: '
        f"{e(answer_letters(q))}). {e(q.prompt)}</li>"
        for q in polled
    )
    return f"<h3>{e(labels.poll)}</h3><ul>{rows}</ul>"


def _discussion(course: Course, lesson: m.Lesson) -> str:
    labels = course.plans.pack.labels
    notes = course.notes_for(lesson.id)
    good = {item.prompt: item.good_answers for item in (notes.discussion if notes else ())}
    prompts = "".join(
        f"<li><p>{e(prompt.prompt)}</p><p>{e(labels.good_answers)}:</p>{items_html(good[prompt.id])}</li>"
        if prompt.id in good
        else f"<li><p>{e(prompt.prompt)}</p></li>"
        for prompt in lesson.discussion
    )
    misconceptions = notes.misconceptions if notes else ()
    listed = items_html(misconceptions) if misconceptions else f"<p>{e(labels.none_recorded)}</p>"
    return f"<h3>{e(labels.discussion)}</h3><ol>{prompts}</ol><h3>{e(labels.misconceptions)}</h3>{listed}"


def crib_lesson(course: Course, slot: Slot, from_doc: str | None) -> str:
    lesson = slot.lesson
    assert lesson is not None
    labels = course.plans.pack.labels
    return (
        f'<section class="cc-pack-lesson" id="crib-{e(lesson.id)}" data-lesson="{e(lesson.id)}">'
        f'{_lesson_heading(slot, labels.lesson)}<p class="cc-crib-times">{e(slot.times)}</p>'
        f"{_timings(course, lesson, slot)}{_polls(course, lesson, slot)}"
        f"<h3>{e(labels.scenario)}: {e(lesson.in_practice.title)}</h3><p>{e(lesson.in_practice.scenario)}</p>"
        f"<p><strong>{e(labels.suggested)}:</strong> {e(lesson.in_practice.takeaway)}</p>"
        f"{_discussion(course, lesson)}{_lesson_link(course, lesson, from_doc, labels.lesson_page)}</section>"
    )


def crib(course: Course, plan: Plan, from_doc: str | None = None) -> str:
    return "".join(crib_lesson(course, slot, from_doc) for slot in lesson_slots(plan))


def polled_letters(course: Course, plan: Plan) -> int:
    """How many letters the voting cards need: enough for every polled question, at least A-D."""
    counts: Sequence[int] = [len(course.question(q).choices()) for s in lesson_slots(plan) for q in s.polled]
    return max([4, *counts])
