"""A lesson's presenter view: the slides, as data for ``static/src/presenter*.js``.

The lesson page carries this data in an escaped JSON block next to its "Present this lesson"
button; the script builds the full-screen view from it. The order thinks first and answers
later: the scenario, then what the Compact suggests on a slide of its own, the discussion
prompts, each quiz question as a room poll (from the poll data in the course manifest, so no
answer is on the slide until it is revealed), and the key points. The facilitator notes are
a link for a second window, never a slide.
"""

from __future__ import annotations

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.links import relative_link

NOTES_PAGE = "book/facilitator/notes-module-{number}"
NOTES_ANCHOR = "notes-{lesson}"  # the id of each lesson's block on its module's notes page


REVEAL_LABEL = "What the Compact suggests"


def reveal_label(practice: m.InPractice) -> str:
    """What the takeaway is called: the lesson's own label (in_practice.reveal), else the Compact's suggestion."""
    return practice.reveal or REVEAL_LABEL


def notes_link(course: Course, lesson_id: str) -> str:
    number = course.module_number(course.module_of(lesson_id).id)
    return relative_link(
        course.lesson_docname(lesson_id), NOTES_PAGE.format(number=number), NOTES_ANCHOR.format(lesson=lesson_id)
    )


def lesson_slides(course: Course, lesson_id: str) -> dict:
    lesson = course.lesson(lesson_id)
    number = course.lesson_number(lesson_id)
    practice = lesson.in_practice
    prompts = lesson.discussion
    questions = course.quiz_for(lesson_id).questions
    slides: list[dict] = [
        {
            "kind": "title",
            "heading": f"Lesson {number}: {lesson.title}",
            "lead": "Questions this lesson answers",
            "items": list(lesson.questions),
        },
        {"kind": "scenario", "heading": practice.title, "lead": "Scenario", "text": practice.scenario},
        {
            "kind": "suggestion",
            "heading": reveal_label(practice),
            "lead": practice.title,
            "text": practice.takeaway,
        },
    ]
    slides += [
        {"kind": "discussion", "heading": f"Discussion {i} of {len(prompts)}", "text": prompt.prompt}
        for i, prompt in enumerate(prompts, start=1)
    ]
    slides += [
        {"kind": "poll", "heading": f"Poll {i} of {len(questions)}", "question": question.id}
        for i, question in enumerate(questions, start=1)
    ]
    slides.append({"kind": "points", "heading": "Key points", "items": list(lesson.key_points)})
    return {
        "lesson": lesson_id,
        "title": f"Lesson {number}: {lesson.title}",
        "pollSet": f"lesson-{lesson_id}",
        "notes": {"href": notes_link(course, lesson_id), "label": f"Facilitator notes for lesson {number}"},
        "slides": slides,
    }
