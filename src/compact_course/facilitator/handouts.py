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
from compact_course.core.interface_models import HandoutText, fill
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
    return fill(course.interface.form.question_in_lesson, lesson=course.lesson_number(lesson.id), number=index)


def key_anchor(question: m.QuestionBase) -> str:
    return f"key-{question.id}"


def _lesson_heading(course: Course, lesson: m.Lesson) -> str:
    heading = fill(course.interface.notebook.title, number=course.lesson_number(lesson.id), title=lesson.title)
    return f"## {md_escape(heading)}"


def _title(template: str, number: int, module: m.Module) -> str:
    return HEADER_MD + f"# {md_escape(fill(template, number=number, title=module.title))}"


def _back(words: HandoutText) -> str:
    return fill(words.back, link=f"{{doc}}`{role_title(words.guide)} <index>`")


def _module_links(words: HandoutText, number: int, *kinds: str) -> str:
    """The links to a module's other pages: ``handout``, ``notes`` or ``key``, in that order."""
    links = {
        "handout": (words.learner_handout, words.handout_link, "handout-module"),
        "notes": (words.facilitator_notes, words.notes_link, "notes-module"),
        "key": (words.answer_key, words.key_link, "answer-key-module"),
    }
    parts = []
    for kind in kinds:
        line, label, page = links[kind]
        parts.append(fill(line, link=f"{{doc}}`{role_title(fill(label, number=number))} <{page}-{number}>`"))
    return " ".join(parts)


def _lesson_link(course: Course, lesson: m.Lesson) -> str:
    return f"{{doc}}`{role_title(lesson.title)} </{course.lesson_docname(lesson.id)}>`"


# --- Questions without answers (learner handout) ------------------------------------------------


def question_html(course: Course, question: m.QuestionBase, label: str) -> str:
    """A question as it is printed for participants: prompt and options, nothing that gives the answer away."""
    words = course.interface.handouts
    scenario = ""
    if isinstance(question, m.ScenarioQuestion):
        scenario = (
            f'<p class="cc-scenario"><strong>{e(course.interface.form.scenario)}</strong> {e(question.scenario)}</p>'
        )
    head = (
        f'<p class="cc-handout-prompt"><strong>{e(label)}.</strong> {e(question.prompt)} '
        f"<em>{e(type_label(course, question))}</em></p>"
    )
    if isinstance(question, m.Matching):
        rows = "".join(
            f'<tr><th scope="row">{e(item.text)}</th><td class="cc-write-in"></td></tr>' for item in question.items()
        )
        body = (
            f'<table class="cc-table cc-handout-matching"><caption>{e(fill(words.matching_caption, label=label))}</caption>'
            f'<thead><tr><th scope="col">{e(words.column_item)}</th><th scope="col">{e(words.column_letter)}</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>"
            f"<p>{e(words.matches_to_choose)}</p>{_lettered(c.text for c in question.choices())}"
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
    words = course.interface.handouts
    number = course.module_number(module.id)
    lines = [_title(words.handout_title, number, module), ""]
    lines += _raw(f'<div class="cc-handout"><p>{e(module.summary)}</p><p>{e(words.handout_intro)}</p></div>')
    for lesson in module.lessons:
        questions = course.quiz_for(lesson.id).questions
        lines += [_lesson_heading(course, lesson), "", fill(words.lesson_page, link=_lesson_link(course, lesson)), ""]
        body = (
            f'<div class="cc-handout" id="handout-{e(lesson.id)}">'
            f"<h3>{e(words.key_points)}</h3>{_items(lesson.key_points)}"
            f"<h3>{e(words.discussion)}</h3>{_items((p.prompt for p in lesson.discussion), tag='ol')}"
            f"<h3>{e(words.quiz_questions)}</h3>"
            + "".join(
                question_html(course, q, question_label(course, lesson, i)) for i, q in enumerate(questions, start=1)
            )
            + "</div>"
        )
        lines += _raw(body)
    lines += [_back(words)]
    return "\n".join(lines) + "\n"


# --- Answers (facilitator's answer key) -----------------------------------------------------------


def answer_html(course: Course, question: m.QuestionBase, label: str, spark: bool, from_doc: str) -> str:
    """A question's answer, the reason behind every option, the explanation and where to read more."""
    words = course.interface.handouts
    if isinstance(question, m.Matching):
        by_text = {choice.text: choice for choice in question.choices()}
        answer = _items(f"{pair.item} → {choice_label(question, by_text[pair.match])}" for pair in question.pairs)
        reasons = (
            "<ul>"
            + "".join(f"<li><strong>{e(pair.item)}</strong><br>{e(pair.feedback)}</li>" for pair in question.pairs)
            + "</ul>"
        )
        if question.distractors:
            reasons += f"<p>{e(fill(words.unused_matches, matches='; '.join(question.distractors)))}</p>"
    else:
        correct = [choice for choice in question.choices() if choice.correct]
        answer = _items(choice_label(question, choice) for choice in correct)
        reasons = (
            "<ul>"
            + "".join(
                f"<li><strong>{e(choice_label(question, choice))}</strong> ({e(words.correct if choice.correct else words.incorrect)})<br>"
                f"{e(choice.feedback)}</li>"
                for choice in question.choices()
            )
            + "</ul>"
        )
    href, more = source_link(course, question, from_doc)
    starter = f'<p class="cc-spark"><strong>{e(words.starter)}</strong> {e(words.starter_text)}</p>' if spark else ""
    read_more = fill(e(words.read_more), link=f'<a href="{e(href)}">{e(more)}</a>')
    return (
        f'<div class="cc-answer-key" id="{e(key_anchor(question))}">'
        f"<p><strong>{e(label)}.</strong> {e(question.prompt)}</p>{starter}"
        f"<p><strong>{e(words.answer)}</strong></p>{answer}"
        f"<p><strong>{e(words.why)}</strong></p>{reasons}"
        f"<p><strong>{e(words.explanation)}</strong> {e(question.explanation)}</p>"
        f"<p>{read_more}</p></div>"
    )


def answer_key(course: Course, module: m.Module) -> str:
    words = course.interface.handouts
    number = course.module_number(module.id)
    docname = answer_key_docname(number)
    lines = [_title(words.key_title, number, module), ""]
    lines += _raw(f'<div class="cc-facilitator"><p>{e(words.key_intro)}</p></div>')
    lines += [_module_links(words, number, "handout", "notes"), ""]
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
    lines += [_back(words)]
    return "\n".join(lines) + "\n"


# --- Facilitator notes -------------------------------------------------------------------------


def notes_html(course: Course, lesson: m.Lesson, notes: m.FacilitatorNotes | None) -> str:
    words = course.interface.handouts
    number = course.lesson_number(lesson.id)
    if notes is None:
        return f'<div class="cc-facilitator"><p>{e(fill(words.no_notes, number=number))}</p></div>'
    rows = "".join(f'<tr><th scope="row">{e(t.activity)}</th><td>{t.minutes}</td></tr>' for t in notes.timings)
    total = sum(t.minutes for t in notes.timings)
    caption = fill(words.timings_caption, number=number, minutes=total)
    timings = (
        f'<h3>{e(words.timings)}</h3><table class="cc-table"><caption>{e(caption)}</caption>'
        f'<thead><tr><th scope="col">{e(words.column_activity)}</th><th scope="col">{e(words.column_minutes)}</th>'
        f"</tr></thead><tbody>{rows}</tbody>"
        f'<tfoot><tr><th scope="row">{e(words.total)}</th><td>{total}</td></tr></tfoot></table>'
    )
    good = {item.prompt: item.good_answers for item in notes.discussion}
    prompts = []
    for prompt in lesson.discussion:
        covers = (
            f"<p>{e(words.good_answers)}</p>{_items(good[prompt.id])}"
            if prompt.id in good
            else f"<p>{e(words.no_good_answers)}</p>"
        )
        prompts.append(f'<li id="notes-{e(prompt.id)}"><p>{e(prompt.prompt)}</p>{covers}</li>')
    discussion = f"<h3>{e(words.discussion_notes)}</h3><ol>{''.join(prompts)}</ol>"
    misconceptions = f"<h3>{e(words.misconceptions)}</h3>" + (
        _items(notes.misconceptions) if notes.misconceptions else f"<p>{e(words.none_recorded)}</p>"
    )
    return (
        f'<div class="cc-facilitator" id="notes-{e(lesson.id)}">{timings}{discussion}{misconceptions}'
        f"{_sparks(course, lesson, notes)}</div>"
    )


def _sparks(course: Course, lesson: m.Lesson, notes: m.FacilitatorNotes) -> str:
    """The lesson's discussion-starter questions, each linked to its answer key."""
    words = course.interface.handouts
    module_no = course.module_number(course.module_of(lesson.id).id)
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
    return f"<h3>{e(words.sparks)}</h3>" + (
        f"<p>{e(words.sparks_intro)}</p><ul>{''.join(sparks)}</ul>" if sparks else f"<p>{e(words.sparks_none)}</p>"
    )


def facilitator_notes(course: Course, module: m.Module) -> str:
    words = course.interface.handouts
    number = course.module_number(module.id)
    lines = [_title(words.notes_title, number, module), ""]
    lines += _raw(f'<div class="cc-facilitator"><p>{e(words.notes_intro)}</p></div>')
    lines += [_module_links(words, number, "handout", "key"), ""]
    for lesson in module.lessons:
        lines += [_lesson_heading(course, lesson), "", fill(words.lesson_page, link=_lesson_link(course, lesson)), ""]
        lines += _raw(notes_html(course, lesson, course.notes_for(lesson.id)))
    lines += [_back(words)]
    return "\n".join(lines) + "\n"


def pages(course: Course) -> dict[str, str]:
    files: dict[str, str] = {}
    for module in course.modules:
        number = course.module_number(module.id)
        files[handout_docname(number) + ".md"] = learner_handout(course, module)
        files[answer_key_docname(number) + ".md"] = answer_key(course, module)
        files[notes_docname(number) + ".md"] = facilitator_notes(course, module)
    return files
