"""Render a quiz as accessible, semantic HTML for the static book (no kernel needed).

The markup works with no JavaScript: each question is a form with a fieldset and legend,
labelled radio, checkbox or select controls, and the answer in a ``<details>`` element.
``static/quiz.js`` (shipped by :mod:`compact_course.book.sphinx_ext`) adds checking, feedback in
a live region, retry, reveal, hints, the score and saved progress. It reads each question's
data from an escaped ``<script type="application/json">`` block, never from raw strings.

DOM ids are derived from question ids, so output is deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e, json_for_script
from compact_course.core.links import relative_link, source_link
from compact_course.quiz.placement import lesson_of_question
from compact_course.quiz.scoring import fingerprint

TYPE_LABELS = {
    "single": "Choose one answer.",
    "scenario": "Read the scenario, then choose one answer.",
    "multiple": "Choose all the answers that apply.",
    "true-false": "Is this statement true or false?",
    "matching": "Choose a match for each item.",
}

SENTENCE_ENDS = (".", "?", "!")  # an option that ends a sentence gets no second full stop


def question_label(number: int, total: int, lesson_number: int | None = None) -> str:
    """A question's number: "Question 7.1" (lesson 7, first question) in a lesson's quiz, as the
    handouts and notes print it; "Question 1 of 5" where there is no single lesson (the
    self-assessment)."""
    return f"Question {lesson_number}.{number}" if lesson_number else f"Question {number} of {total}"


def question_spec(course: Course, question: m.QuestionBase, from_doc: str | None) -> dict:
    """The data quiz.js needs for one question (mirrors :func:`scoring.score_question`)."""
    href, label = source_link(course, question, from_doc)
    lesson = lesson_of_question(course, question)
    module = course.module_of(lesson.id)
    spec = {
        "id": question.id,
        "lesson": {
            "id": lesson.id,
            "number": course.lesson_number(lesson.id),
            "title": lesson.title,
            "href": relative_link(from_doc, course.lesson_docname(lesson.id)),
        },
        "module": {"id": module.id, "number": course.module_number(module.id), "title": module.title},
        "type": question.type,  # type: ignore[attr-defined]
        "fingerprint": fingerprint(question),
        "choices": [choice.model_dump() for choice in question.choices()],
        "explanation": question.explanation,
        "hint": question.hint,
        "more": {"href": href, "label": label},
    }
    if isinstance(question, m.Matching):
        spec["items"] = [item.model_dump() for item in question.items()]
    return spec


def _controls(question: m.QuestionBase, dom_id: str, choices: Sequence[m.Choice]) -> str:
    if isinstance(question, m.Matching):
        options = "".join(f'<option value="{e(c.key)}">{e(c.text)}</option>' for c in question.choices())
        rows = []
        for item in question.items():
            control_id = f"{dom_id}-item-{item.key}"
            rows.append(
                f'<div class="cc-match" data-item="{e(item.key)}">'
                f'<label for="{control_id}">{e(item.text)}</label>'
                f'<select id="{control_id}" name="{control_id}">'
                f'<option value="">Choose a match</option>{options}</select></div>'
            )
        return f'<div class="cc-matches">{"".join(rows)}</div>'
    kind = "checkbox" if isinstance(question, m.MultipleSelect) else "radio"
    rows = []
    for choice in choices:
        control_id = f"{dom_id}-{choice.key}"
        rows.append(
            f'<div class="cc-option" data-choice="{e(choice.key)}">'
            f'<input type="{kind}" id="{control_id}" name="{dom_id}" value="{e(choice.key)}">'
            f'<label for="{control_id}">{e(choice.text)}</label></div>'
        )
    return f'<div class="cc-options">{"".join(rows)}</div>'


def _answer_block(course: Course, question: m.QuestionBase, from_doc: str | None, choices: Sequence[m.Choice]) -> str:
    href, label = source_link(course, question, from_doc)
    if isinstance(question, m.Matching):
        lines = "".join(
            f"<li><strong>{e(pair.item)}</strong> matches <strong>{e(pair.match)}</strong>. {e(pair.feedback)}</li>"
            for pair in question.pairs
        )
        answer = f'<ul class="cc-answer-list">{lines}</ul>'
    else:
        lines = "".join(
            f'<li><span class="cc-verdict">{"Correct" if c.correct else "Incorrect"}:</span> '
            f"<strong>{e(c.text)}</strong>{'' if c.text.endswith(SENTENCE_ENDS) else '.'} {e(c.feedback)}</li>"
            for c in choices
        )
        answer = f'<ul class="cc-answer-list">{lines}</ul>'
    hint = f'<p class="cc-hint-static"><strong>Hint:</strong> {e(question.hint)}</p>' if question.hint else ""
    return (
        f'<details class="cc-answer"><summary>Answer and explanation</summary>'
        f'{hint}{answer}<p class="cc-explanation">{e(question.explanation)}</p>'
        f'<p class="cc-more">Read more: <a href="{e(href)}">{e(label)}</a></p></details>'
    )


def render_question_html(
    course: Course,
    question: m.QuestionBase,
    number: int,
    total: int,
    from_doc: str | None = None,
    id_prefix: str = "",
    store: str = "lesson",
    lesson_number: int | None = None,
) -> str:
    dom_id = f"{id_prefix}{question.id}"
    choices = question.choices()
    qtype = question.type  # type: ignore[attr-defined]
    scenario = ""
    described = f"{dom_id}-how"
    if isinstance(question, m.ScenarioQuestion):
        scenario = (
            f'<p class="cc-scenario" id="{dom_id}-scenario"><strong>Scenario:</strong> {e(question.scenario)}</p>'
        )
        described = f"{dom_id}-scenario {described}"
    hint_button = (
        '<button type="button" class="cc-button" data-action="hint">Show hint</button>' if question.hint else ""
    )
    return (
        f'<form class="cc-question" id="{dom_id}" data-question="{e(question.id)}" data-type="{e(qtype)}" '
        f'data-fingerprint="{fingerprint(question)}" data-store="{e(store)}" novalidate>'
        f"{scenario}"
        f'<fieldset aria-describedby="{described}"><legend><span class="cc-number">{question_label(number, total, lesson_number)}</span> '
        f'<span class="cc-prompt">{e(question.prompt)}</span></legend>'
        f'<p class="cc-how" id="{dom_id}-how">{e(TYPE_LABELS[qtype])}</p>'
        f"{_controls(question, dom_id, choices)}</fieldset>"
        f'<div class="cc-controls" hidden>'
        f'<button type="submit" class="cc-button cc-primary" data-action="check">Check answer</button>'
        f'<button type="button" class="cc-button" data-action="retry" hidden>Try again</button>'
        f'<button type="button" class="cc-button" data-action="reveal">Show answer</button>{hint_button}</div>'
        f'<div class="cc-hint" hidden></div>'
        f'<div class="cc-feedback" role="status" aria-live="polite"></div>'
        f"{_answer_block(course, question, from_doc, choices)}"
        f'<script type="application/json" class="cc-data">{json_for_script(question_spec(course, question, from_doc))}</script>'
        f"</form>"
    )


def render_questions_html(
    course: Course,
    questions: Sequence[m.QuestionBase],
    quiz_id: str,
    title: str,
    from_doc: str | None = None,
    id_prefix: str = "",
    store: str = "lesson",
    mode: str = "practice",
    draw: tuple[int, int] | None = None,
    lesson_number: int | None = None,
) -> str:
    """A quiz section: intro, one form per question, and a score line announced when complete.

    ``draw=(seed, per_module)`` marks the section as a pool from which quiz.js draws
    ``per_module`` questions per module by the seeded rule of :mod:`compact_course.quiz.order`.
    """
    total = len(questions)
    forms = "".join(
        render_question_html(course, q, n, total, from_doc, id_prefix, store, lesson_number)
        for n, q in enumerate(questions, start=1)
    )
    noun = "question" if total == 1 else "questions"
    draw_attributes = f' data-draw-seed="{draw[0]}" data-draw-per-module="{draw[1]}"' if draw else ""
    intro = (
        f"A pool of {total} {noun}: choose a seed and draw a selection from every module. Without JavaScript, "
        f"every question in the pool is shown."
        if draw
        else f"{total} {noun}. Choose your answers, then select “Check answer” (in exam mode, “Submit all answers”)."
        if mode == "exam"
        else f"{total} {noun}. Choose your answers, then select “Check answer”."
    )
    return (
        f'<section class="cc-quiz" id="{e(id_prefix + quiz_id)}" data-quiz="{e(quiz_id)}" data-mode="{e(mode)}"{draw_attributes} '
        f'aria-label="Quiz: {e(title)}">'
        f'<p class="cc-quiz-intro">{intro} '
        f"Each question’s answer and explanation can also be opened below it.</p>"
        f"{forms}"
        f'<p class="cc-score" role="status" aria-live="polite"></p></section>'
    )


def render_quiz_html(course: Course, bank: m.QuizBank, from_doc: str | None = None) -> str:
    """The static rendering of one lesson's quiz bank."""
    return render_questions_html(
        course,
        bank.questions,
        bank.quiz.id,
        bank.quiz.title,
        from_doc,
        lesson_number=course.lesson_number(bank.quiz.lesson),
    )
