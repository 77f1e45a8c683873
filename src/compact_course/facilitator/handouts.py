"""Printable workshop pages per module: learner handouts, answer keys and facilitator notes.

All three are generated MyST pages (``compact-course generate``) built from the same data
as the lessons, so no text is copied by hand:

- ``book/facilitator/handout-module-N.md``: for participants. Key points, discussion prompts
  and the module's quiz questions with their options, but no answers, feedback or
  explanations. Bodies sit in ``<div class="cc-handout">`` so the print styles apply.
- ``book/facilitator/answer-key-module-N.md``: for the facilitator. Each question's answer,
  why each option is right or wrong, the explanation, and which questions start discussion.
- ``book/facilitator/notes-module-N.md``: for the facilitator. Timings, what good answers to
  each discussion prompt cover, common misconceptions and the discussion-starter questions,
  from ``data/facilitator.yaml``. Learner pages never show these notes.

Headings are Markdown (escaped with :func:`reference_pages.md_escape`); bodies are escaped
HTML in ``{raw} html`` blocks, whose question numbers match across handout and answer key.
"""

from __future__ import annotations

from collections.abc import Iterable

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.links import relative_link, source_link
from compact_course.core.markdown import HEADER_MD, md_escape, role_title
from compact_course.quiz.html import type_label

FOLDER = "book/facilitator"


def _raw(html: str) -> list[str]:
    return ["```{raw} html", html, "```", ""]


def _items(texts: Iterable[str], tag: str = "ul", attrs: str = "") -> str:
    """A list of escaped texts; ``attrs`` is fixed markup written here, never data."""
    return f"<{tag}{attrs}>" + "".join(f"<li>{e(text)}</li>" for text in texts) + f"</{tag}>"


def handout_docname(number: int) -> str:
    return f"{FOLDER}/handout-module-{number}"


def answer_key_docname(number: int) -> str:
    return f"{FOLDER}/answer-key-module-{number}"


def notes_docname(number: int) -> str:
    return f"{FOLDER}/notes-module-{number}"


def question_label(course: Course, lesson: m.Lesson, index: int) -> str:
    """The same label on the handout and the answer key, e.g. 'Question 3.2' (lesson 3, question 2)."""
    return f"Question {course.lesson_number(lesson.id)}.{index}"


def key_anchor(question: m.QuestionBase) -> str:
    return f"key-{question.id}"


def _lesson_heading(course: Course, lesson: m.Lesson) -> str:
    return f"## {md_escape(f'Lesson {course.lesson_number(lesson.id)}: {lesson.title}')}"


def _lesson_link(course: Course, lesson: m.Lesson) -> str:
    return f"{{doc}}`{role_title(lesson.title)} </{course.lesson_docname(lesson.id)}>`"


# --- Questions without answers (learner handout) ------------------------------------------------


def question_html(course: Course, question: m.QuestionBase, label: str) -> str:
    """A question as it is printed for participants: prompt and options, nothing that gives the answer away."""
    scenario = ""
    if isinstance(question, m.ScenarioQuestion):
        scenario = f'<p class="cc-scenario"><strong>Scenario:</strong> {e(question.scenario)}</p>'
    head = (
        f'<p class="cc-handout-prompt"><strong>{e(label)}.</strong> {e(question.prompt)} '
        f"<em>{e(type_label(course, question))}</em></p>"
    )
    if isinstance(question, m.Matching):
        rows = "".join(
            f'<tr><th scope="row">{e(item.text)}</th><td class="cc-write-in"></td></tr>' for item in question.items()
        )
        body = (
            f'<table class="cc-table cc-handout-matching"><caption>{e(label)}: write the letter of the match beside '
            f'each item</caption><thead><tr><th scope="col">Item</th><th scope="col">Letter of its match</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>"
            f"<p>Matches to choose from:</p>{_lettered(c.text for c in question.choices())}"
        )
    else:
        body = _lettered(c.text for c in question.choices())
    return f'<div class="cc-handout-question" id="handout-{e(question.id)}">{scenario}{head}{body}</div>'


def _lettered(texts: Iterable[str]) -> str:
    # Lettered A, B, C ... by position, as the screen, the voting cards and the answer key (choice_label).
    return _items(texts, tag="ol", attrs=' type="A" class="cc-handout-options"')


def choice_label(question: m.QuestionBase, choice: m.Choice) -> str:
    """A choice as handouts and answer keys show it: its letter by display position, then its text
    (True/False too: "A. True", "B. False", as on the screen and the voting cards)."""
    position = [c.key for c in question.choices()].index(choice.key)
    return f"{chr(ord('A') + position)}. {choice.text}"


def learner_handout(course: Course, module: m.Module) -> str:
    number = course.module_number(module.id)
    lines = [HEADER_MD + f"# {md_escape(f'Module {number} handout: {module.title}')}", ""]
    lines += _raw(
        f'<div class="cc-handout"><p>{e(module.summary)}</p>'
        f"<p>For workshop participants: the key points of each lesson, questions to discuss, and the quiz "
        f"questions to try. Write your answers on the sheet; your facilitator will go through them with you.</p></div>"
    )
    for lesson in module.lessons:
        questions = course.quiz_for(lesson.id).questions
        lines += [_lesson_heading(course, lesson), "", f"Lesson page: {_lesson_link(course, lesson)}.", ""]
        body = (
            f'<div class="cc-handout" id="handout-{e(lesson.id)}">'
            f"<h3>Key points</h3>{_items(lesson.key_points)}"
            f"<h3>Discussion</h3>{_items((p.prompt for p in lesson.discussion), tag='ol')}"
            f"<h3>Quiz questions</h3>"
            + "".join(
                question_html(course, q, question_label(course, lesson, i)) for i, q in enumerate(questions, start=1)
            )
            + "</div>"
        )
        lines += _raw(body)
    lines += ["Back to the {doc}`facilitator guide <index>`."]
    return "\n".join(lines) + "\n"


# --- Answers (facilitator's answer key) -----------------------------------------------------------


def answer_html(course: Course, question: m.QuestionBase, label: str, spark: bool, from_doc: str) -> str:
    """A question's answer, the reason behind every option, the explanation and where to read more."""
    if isinstance(question, m.Matching):
        by_text = {choice.text: choice for choice in question.choices()}
        answer = _items(f"{pair.item} → {choice_label(question, by_text[pair.match])}" for pair in question.pairs)
        reasons = (
            "<ul>"
            + "".join(f"<li><strong>{e(pair.item)}</strong><br>{e(pair.feedback)}</li>" for pair in question.pairs)
            + "</ul>"
        )
        if question.distractors:
            reasons += f"<p>Matches that fit no item: {e('; '.join(question.distractors))}.</p>"
    else:
        correct = [choice for choice in question.choices() if choice.correct]
        answer = _items(choice_label(question, choice) for choice in correct)
        reasons = (
            "<ul>"
            + "".join(
                f"<li><strong>{e(choice_label(question, choice))}</strong> ({'correct' if choice.correct else 'incorrect'})<br>"
                f"{e(choice.feedback)}</li>"
                for choice in question.choices()
            )
            + "</ul>"
        )
    href, more = source_link(course, question, from_doc)
    starter = (
        '<p class="cc-spark"><strong>Discussion starter:</strong> ask the room before revealing the answer.</p>'
        if spark
        else ""
    )
    return (
        f'<div class="cc-answer-key" id="{e(key_anchor(question))}">'
        f"<p><strong>{e(label)}.</strong> {e(question.prompt)}</p>{starter}"
        f"<p><strong>Answer:</strong></p>{answer}"
        f"<p><strong>Why:</strong></p>{reasons}"
        f"<p><strong>Explanation:</strong> {e(question.explanation)}</p>"
        f'<p>Read more: <a href="{e(href)}">{e(more)}</a>.</p></div>'
    )


def answer_key(course: Course, module: m.Module) -> str:
    number = course.module_number(module.id)
    docname = answer_key_docname(number)
    lines = [HEADER_MD + f"# {md_escape(f'Module {number} answer key: {module.title}')}", ""]
    lines += _raw(
        '<div class="cc-facilitator"><p>For the facilitator. Question numbers match the '
        "learner handout. Questions marked as discussion starters are good ones to poll the room on before "
        "revealing the answer.</p></div>"
    )
    lines += [
        f"Learner handout: {{doc}}`Module {number} handout <handout-module-{number}>`. "
        f"Facilitator notes: {{doc}}`Module {number} notes <notes-module-{number}>`.",
        "",
    ]
    for lesson in module.lessons:
        notes = course.notes_for(lesson.id)
        sparks = set(notes.spark_questions) if notes else set()
        lines += [_lesson_heading(course, lesson), ""]
        questions = course.quiz_for(lesson.id).questions
        lines += _raw(
            "".join(
                answer_html(course, q, question_label(course, lesson, i), q.id in sparks, docname)
                for i, q in enumerate(questions, start=1)
            )
        )
    lines += ["Back to the {doc}`facilitator guide <index>`."]
    return "\n".join(lines) + "\n"


# --- Facilitator notes -------------------------------------------------------------------------


def notes_html(course: Course, lesson: m.Lesson, notes: m.FacilitatorNotes | None) -> str:
    number = course.lesson_number(lesson.id)
    module_no = course.module_number(course.module_of(lesson.id).id)
    if notes is None:
        return f'<div class="cc-facilitator"><p>There are no facilitator notes for lesson {number} yet.</p></div>'
    rows = "".join(f'<tr><th scope="row">{e(t.activity)}</th><td>{t.minutes}</td></tr>' for t in notes.timings)
    total = sum(t.minutes for t in notes.timings)
    timings = (
        f'<h3>Timings</h3><table class="cc-table"><caption>Timings for lesson {number} ({total} minutes)</caption>'
        f'<thead><tr><th scope="col">Activity</th><th scope="col">Minutes</th></tr></thead><tbody>{rows}</tbody>'
        f'<tfoot><tr><th scope="row">Total</th><td>{total}</td></tr></tfoot></table>'
    )
    good = {item.prompt: item.good_answers for item in notes.discussion}
    prompts = []
    for prompt in lesson.discussion:
        covers = (
            f"<p>Good answers cover:</p>{_items(good[prompt.id])}"
            if prompt.id in good
            else "<p>No notes on good answers for this prompt.</p>"
        )
        prompts.append(f'<li id="notes-{e(prompt.id)}"><p>{e(prompt.prompt)}</p>{covers}</li>')
    discussion = f"<h3>Discussion prompts and what good answers cover</h3><ol>{''.join(prompts)}</ol>"
    misconceptions = "<h3>Common misconceptions</h3>" + (
        _items(notes.misconceptions) if notes.misconceptions else "<p>None recorded.</p>"
    )
    sparks = []
    for question_id in notes.spark_questions:
        question = course.question(question_id)
        # Usually the lesson's own question, but the link works for any lesson's bank.
        owner = course.lesson(course.bank_of_question(question_id).quiz.lesson)
        owner_module = course.module_number(course.module_of(owner.id).id)
        index = [q.id for q in course.quiz_for(owner.id).questions].index(question_id) + 1
        page = relative_link(notes_docname(module_no), answer_key_docname(owner_module))
        sparks.append(
            f'<li><a href="{e(page)}#{e(key_anchor(question))}">{e(question_label(course, owner, index))}</a>: '
            f"{e(question.prompt)}</li>"
        )
    spark_html = "<h3>Quiz questions that spark discussion</h3>" + (
        f"<p>Poll the room on these before revealing the answer.</p><ul>{''.join(sparks)}</ul>"
        if sparks
        else "<p>None chosen for this lesson.</p>"
    )
    return (
        f'<div class="cc-facilitator" id="notes-{e(lesson.id)}">{timings}{discussion}{misconceptions}{spark_html}</div>'
    )


def facilitator_notes(course: Course, module: m.Module) -> str:
    number = course.module_number(module.id)
    lines = [HEADER_MD + f"# {md_escape(f'Module {number} facilitator notes: {module.title}')}", ""]
    lines += _raw(
        '<div class="cc-facilitator"><p>For the facilitator only: these notes are not shown on the learner pages. '
        "Each lesson's timings add up to its minutes in the session plans.</p></div>"
    )
    lines += [
        f"Learner handout: {{doc}}`Module {number} handout <handout-module-{number}>`. "
        f"Answer key: {{doc}}`Module {number} answer key <answer-key-module-{number}>`.",
        "",
    ]
    for lesson in module.lessons:
        lines += [_lesson_heading(course, lesson), "", f"Lesson page: {_lesson_link(course, lesson)}.", ""]
        lines += _raw(notes_html(course, lesson, course.notes_for(lesson.id)))
    lines += ["Back to the {doc}`facilitator guide <index>`."]
    return "\n".join(lines) + "\n"


def pages(course: Course) -> dict[str, str]:
    files: dict[str, str] = {}
    for module in course.modules:
        number = course.module_number(module.id)
        files[handout_docname(number) + ".md"] = learner_handout(course, module)
        files[answer_key_docname(number) + ".md"] = answer_key(course, module)
        files[notes_docname(number) + ".md"] = facilitator_notes(course, module)
    return files
