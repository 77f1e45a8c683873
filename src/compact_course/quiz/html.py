"""Render a quiz as accessible, semantic HTML for the static book (no kernel needed).

The markup works with no JavaScript: each question is a form with a fieldset and legend,
labelled radio, checkbox or select controls, and the answer in a ``<details>`` element.
The quiz script (``static/src/quiz.js``, shipped by :mod:`compact_course.book.sphinx_ext`) adds
checking, feedback in a live region, retry, reveal, hints, the score and saved progress. It
reads each question from the quiz's data block (:func:`compact_course.quiz.data.quiz_data`),
never from this markup's labels.

DOM ids are derived from question ids, so output is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e, json_for_script
from compact_course.core.interface_models import FormText, fill
from compact_course.core.question_types import question_type
from compact_course.quiz.data import DATA_CLASS, more_link, quiz_data
from compact_course.quiz.placement import lesson_of_question


@dataclass(frozen=True)
class Draw:
    """A quiz whose questions are a pool the script draws each attempt's set from (``static/src/
    attempt.js``): ``per_module`` from every module with the seed ``seed`` + attempt. ``first``: the
    first attempt's questions, the only ones shown without the script (and so printed)."""

    seed: int
    per_module: int
    first: tuple[str, ...]


SENTENCE_ENDS = (".", "?", "!")  # an option that ends a sentence gets no second full stop


def question_label(words: FormText, number: int, total: int, lesson_number: int | None = None) -> str:
    """A question's number: "Question 7.1" (lesson 7, first question) in a lesson's quiz, as the
    handouts and notes print it; "Question 1 of 5" where there is no single lesson (the
    self-assessment)."""
    if lesson_number:
        return fill(words.question_in_lesson, lesson=lesson_number, number=number)
    return fill(words.question_of, number=number, total=total)


def type_label(course: Course, question: m.QuestionBase) -> str:
    """What the question's type asks the reader to do ("Choose one answer."), from data/interface.yaml."""
    return course.interface.form.types.of(question.type)  # type: ignore[attr-defined]


def _controls(words: FormText, question: m.QuestionBase, dom_id: str, choices: Sequence[m.Choice]) -> str:
    if isinstance(question, m.Matching):
        options = "".join(f'<option value="{e(c.key)}">{e(c.text)}</option>' for c in choices)
        rows = []
        for item in question.items():
            control_id = f"{dom_id}-{item.key}"
            rows.append(
                f'<div class="cc-match">'
                f'<label for="{control_id}">{e(item.text)}</label>'
                f'<select id="{control_id}"><option value="">{e(words.choose_match)}</option>{options}</select></div>'
            )
        return f'<div class="cc-matches">{"".join(rows)}</div>'
    # The label wraps its control (no ids to repeat) and is the row (quiz.js marks it cc-option
    # for its ticks and crosses; the stylesheet styles .cc-options>label); radios group by name
    # within their own form and are named after the question (a page's groups never share a
    # name, issue 30). Options are lettered (A, B, ...) so the answer list can name them by letter
    # instead of repeating their text; true or false needs no letters.
    kind = question_type(question).control  # radio or checkbox (the registry's; matching is above)
    name = f' name="{e(dom_id)}"' if kind == "radio" else ""
    labels = "".join(
        f'<label><input type="{kind}"{name} value="{e(c.key)}">{_letter(question, n)}{e(c.text)}</label>'
        for n, c in enumerate(choices)
    )
    return f'<div class="cc-options">{labels}</div>'


def _lettered(question: m.QuestionBase) -> bool:
    return question_type(question).lettered  # True/False too: "A. True", "B. False", as on the cards


def _letter(question: m.QuestionBase, index: int) -> str:
    return f"{chr(ord('A') + index)}. " if _lettered(question) else ""


def _answer_lines(words: FormText, question: m.QuestionBase, choices: Sequence[m.Choice]) -> str:
    """The answer list: which options are right, then a line per option (or item) in the form's
    order. quiz.js reads each line's rightness (``data-ok``; for matching, the right
    match's key in ``data-answer``) and its feedback: the text after the last element, less the
    separator written before it."""
    if isinstance(question, m.Matching):
        match_of = {c.key: c.text for c in choices}
        return "".join(
            f'<li data-answer="{e(item.answer)}">'
            + fill(e(words.match_line), item=f"<b>{e(item.text)}</b>", match=f"<b>{e(match_of[item.answer])}</b>")
            + f" {e(item.feedback)}</li>"
            for item in question.items()
        )
    # By letter; True/False with its word too ("A. True"), as short as its options are.
    names = [
        chr(ord("A") + n) + (f". {c.text}" if isinstance(question, m.TrueFalse) else "") for n, c in enumerate(choices)
    ]
    lines = "".join(
        f"<li{' data-ok' if c.correct else ''}><b>{e(name)}{'' if name.endswith(SENTENCE_ENDS) else '.'}</b> "
        f"{e(c.feedback)}</li>"
        for name, c in zip(names, choices)
    )
    right = ", ".join(name for name, c in zip(names, choices) if c.correct)
    return f'<li class="cc-verdict">{e(fill(words.correct, answers=right))}</li>{lines}'


def _answer_block(
    course: Course, question: m.QuestionBase, from_doc: str | None, choices: Sequence[m.Choice], link=e
) -> str:
    words = course.interface.form
    href, label = more_link(course, question, from_doc)
    hint = f"<p><b>{e(words.hint)}</b> {e(question.hint)}</p>" if question.hint else ""
    more = fill(e(words.read_more), link=f'<a href="{e(href)}">{e(label)}</a>')
    return (
        f'<details class="cc-answer"><summary>{e(words.answer_summary)}</summary>'
        f"{hint}<ul>{_answer_lines(words, question, choices)}</ul>"
        f'<p class="cc-explanation">{link(question.explanation)}</p>'
        f"<p>{more}</p></details>"
    )


def tools(words: FormText) -> str:
    """The buttons, hint box and live region every question gets once quiz.js runs: written once
    per quiz and cloned into each form, so the page does not repeat them (without JavaScript
    they would do nothing, so they were hidden anyway)."""
    return (
        '<template class="cc-tools"><div class="cc-controls" hidden>'
        f'<button type="submit" class="cc-button cc-primary" data-action="check">{e(words.check)}</button>'
        f'<button type="button" class="cc-button" data-action="retry" hidden>{e(words.retry)}</button>'
        f'<button type="button" class="cc-button" data-action="reveal">{e(words.reveal)}</button>'
        f'<button type="button" class="cc-button" data-action="hint">{e(words.show_hint)}</button></div>'
        '<div class="cc-hint" hidden></div><div class="cc-feedback" role="status" aria-live="polite"></div></template>'
    )


_TEXT = re.compile(r">[^<]+")


def compact(html: str) -> str:
    """The same document, shorter: quotes in text (not in attribute values) need no escape."""
    return _TEXT.sub(lambda text: text.group(0).replace("&#x27;", "'").replace("&quot;", '"'), html)


def render_question_html(
    course: Course,
    question: m.QuestionBase,
    number: int,
    total: int,
    from_doc: str | None = None,
    id_prefix: str = "",
    store: str = "lesson",
    lesson_number: int | None = None,
    quiz_lesson: str | None = None,
    link: Callable[[str], str] = e,
    hidden: bool = False,
) -> str:
    """One question's form; ``hidden``: a pool question no attempt has drawn yet (the script
    shows and numbers it when one does). ``link`` escapes its scenario, prompt and explanation (a lesson page
    passes one that links the page's first use of each glossary term); feedback stays plain text,
    which quiz.js reads. Attributes that only repeat a default are left out: ``data-question``
    when the form's id is the question's, ``data-store`` for "lesson", and ``data-lesson`` when
    the quiz section names the lesson (``quiz_lesson``)."""
    dom_id = f"{id_prefix}{question.id}"
    choices = question.choices()
    qtype = question.type  # type: ignore[attr-defined]
    lesson = lesson_of_question(course, question).id
    extra = f' data-question="{e(question.id)}"' if id_prefix else ""
    extra += f' data-store="{e(store)}"' if store != "lesson" else ""
    extra += f' data-lesson="{e(lesson)}"' if lesson != quiz_lesson else ""
    extra += " hidden" if hidden else ""
    words = course.interface.form
    number_text = "" if hidden else question_label(words, number, total, lesson_number)
    scenario = described = ""
    if isinstance(question, m.ScenarioQuestion):
        scenario = f'<p class="cc-scenario" id="{dom_id}-s"><b>{e(words.scenario)}</b> {link(question.scenario)}</p>'
        described = f' aria-describedby="{dom_id}-s"'
    return compact(
        f'<form class="cc-question" id="{dom_id}" aria-labelledby="{dom_id}-legend" data-type="{e(qtype)}"{extra}>'
        f"{scenario}"
        f'<fieldset{described}><legend id="{dom_id}-legend"><span class="cc-number">{e(number_text)}</span> '
        f'<span class="cc-prompt">{link(question.prompt)}</span> <i>{e(type_label(course, question))}</i></legend>'
        f"{_controls(words, question, dom_id, choices)}</fieldset>"
        f"{_answer_block(course, question, from_doc, choices, link)}"
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
    draw: Draw | None = None,
    lesson_number: int | None = None,
    lesson: str | None = None,
    link: Callable[[str], str] = e,
) -> str:
    """A quiz section: intro, one form per question, and a score line announced when complete.

    ``lesson``: the lesson every question belongs to (by default, found when they share one),
    named once on the section instead of on every form.

    ``draw`` marks the section as a pool from which the script draws each attempt's set
    (:class:`Draw`); only ``draw.first`` shows (and counts in the intro) without the script.
    """
    shown = [q for q in questions if draw is None or q.id in draw.first]
    total = len(shown)
    data = quiz_data(course, questions, quiz_id, from_doc, store, mode)
    if lesson is None:  # questions all from one lesson: it is named once, on the section
        lessons = {lesson_of_question(course, q).id for q in questions}
        lesson = lessons.pop() if len(lessons) == 1 else None
    number = {q.id: n for n, q in enumerate(shown, start=1)}
    forms = "".join(
        render_question_html(
            course,
            q,
            number.get(q.id, 0),
            total,
            from_doc,
            id_prefix,
            store,
            lesson_number,
            lesson,
            link,
            q.id not in number,
        )
        for q in questions
    )
    draw_attributes = f' data-draw-seed="{draw.seed}" data-draw-per-module="{draw.per_module}"' if draw else ""
    words = course.interface.quiz
    intro = (words.intro_pool if draw else words.intro_exam if mode == "exam" else words.intro_practice).fill(total)
    if mode == "exam":  # the pass mark, stated before the attempt (data/assessment.yaml mastery_score)
        intro += " " + fill(words.pass_mark, percent=course.assessment.mastery_score)
    lesson_attribute = f' data-lesson="{e(lesson)}"' if lesson else ""
    return (
        f'<section class="cc-quiz" id="{e(id_prefix + quiz_id)}" data-quiz="{e(quiz_id)}" data-mode="{e(mode)}"'
        f'{lesson_attribute}{draw_attributes} aria-label="Quiz: {e(title)}">'
        f'<p class="cc-quiz-intro">{e(intro)} {e(words.answers_below)}</p>'
        f"{tools(course.interface.form)}{forms}"
        f'<p class="cc-score" role="status" aria-live="polite"></p>'
        f'<script type="application/json" class="{DATA_CLASS}">{json_for_script(data)}</script></section>'
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
        lesson=bank.quiz.lesson,
    )
