"""A lesson's presenter view: the slides, as data for ``static/src/presenter*.js``.

The lesson page carries this data in an escaped JSON block next to its "Present this lesson"
button; the script builds the full-screen view from it. The order follows the facilitator
notes' first activity and thinks first, answers later: the question as asked and Compact
Voice's answer (quoted, with its source), the scenario, then what the Compact suggests on a
slide of its own, the discussion prompts, each quiz question as a room poll (from the poll data
in the course manifest, so no answer is on the slide until it is revealed), and the key points.
The facilitator notes are a link for a second window, never a slide.

Every heading comes from ``data/interface.yaml`` (``presenter``). A slide holds whole
paragraphs or list items: the script splits one that does not fit the screen into continued
slides at those boundaries, so this data says nothing about screen sizes.
"""

from __future__ import annotations

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.interface_models import fill
from compact_course.core.links import relative_link

NOTES_PAGE = "book/facilitator/notes-module-{number}"
NOTES_ANCHOR = "notes-{lesson}"  # the id of each lesson's block on its module's notes page
QA_SOURCE = "cv-qa"  # data/sources.yaml: the Compact Voice Q&A every lesson quotes


def reveal_label(course: Course, practice: m.InPractice) -> str:
    """What the takeaway is called: the lesson's own label (in_practice.reveal), else the Compact's
    suggestion (data/interface.yaml ``presenter.suggestion_heading``)."""
    return practice.reveal or course.interface.presenter.suggestion_heading


def notes_link(course: Course, lesson_id: str) -> str:
    number = course.module_number(course.module_of(lesson_id).id)
    return relative_link(
        course.lesson_docname(lesson_id), NOTES_PAGE.format(number=number), NOTES_ANCHOR.format(lesson=lesson_id)
    )


def answer_slides(course: Course, lesson_id: str) -> list[dict]:
    """The question as Compact Voice was asked it and its answer, point by point, with the source
    (none for a lesson that summarises public sources rather than a Q&A entry)."""
    words = course.interface.presenter
    qa = course.lesson(lesson_id).qa
    if qa is None:
        return []
    entry = course.qa_entry(qa)
    source = course.source(QA_SOURCE)
    items: list[str] = []
    for point in entry.answer:
        items.append(point.text)
        items += [f"– {sub}" for sub in point.points]
    return [
        {
            "kind": "answer",
            "lead": words.answer_lead,
            "heading": entry.question,
            "items": items,
            "source": fill(words.answer_source, publisher=source.publisher, title=source.title),
        }
    ]


def lesson_slides(course: Course, lesson_id: str) -> dict:
    words = course.interface.presenter
    lesson = course.lesson(lesson_id)
    number = course.lesson_number(lesson_id)
    practice = lesson.in_practice
    prompts = lesson.discussion
    questions = course.quiz_for(lesson_id).questions
    title = fill(words.lesson_heading, number=number, title=lesson.title)
    slides: list[dict] = [
        {"kind": "title", "heading": title, "lead": words.title_lead, "items": list(lesson.questions)},
        *answer_slides(course, lesson_id),
        {"kind": "scenario", "heading": practice.title, "lead": words.scenario_lead, "text": practice.scenario},
        {
            "kind": "suggestion",
            "heading": reveal_label(course, practice),
            "lead": practice.title,
            "text": practice.takeaway,
        },
    ]
    slides += [
        {
            "kind": "discussion",
            "heading": fill(words.discussion_heading, number=i, total=len(prompts)),
            "text": p.prompt,
        }
        for i, p in enumerate(prompts, start=1)
    ]
    slides += [
        {"kind": "poll", "heading": fill(words.poll_heading, number=i, total=len(questions)), "question": question.id}
        for i, question in enumerate(questions, start=1)
    ]
    slides.append({"kind": "points", "heading": words.points_heading, "items": list(lesson.key_points)})
    return {
        "lesson": lesson_id,
        "number": number,
        "title": title,
        "pollSet": f"lesson-{lesson_id}",
        "notes": {"href": notes_link(course, lesson_id), "label": fill(words.notes_label, number=number)},
        "slides": slides,
    }
