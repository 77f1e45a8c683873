"""The data contract between Python and the quiz script: what each quiz ships as data.

:func:`quiz_data` is the one function that writes it. The static HTML carries it as one
``<script type="application/json" class="cc-quiz-data">`` block per quiz (not executed, so a
strict content security policy allows it); the live widget (:mod:`compact_course.quiz.widget`)
carries the same HTML. The quiz script (``static/src/question-spec.js``), the SCORM indexer
(:mod:`compact_course.export.scorm_files`) and the PDF step (:mod:`compact_course.book.pdf_pages`)
read this data, never labels or markup. The shape::

    {"quiz": id, "mode": "practice" | "exam", "store": "lesson" | ..., "questions": [
        {"id", "type", "fingerprint", "lesson" (lesson id),
         "choices": [{"key", "text", "correct", "feedback"}, ...]   (in display order),
         "items": [{"key", "text", "answer", "feedback"}, ...]       (matching only),
         "explanation", "hint" (or null), "more": {"href", "label"}}]}

:func:`course_manifest` is the course-wide part (lessons, modules, their questions'
fingerprints and the interface's words), which the book ships once as ``compact-manifest.js``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.links import source_link
from compact_course.core.paths import course_title
from compact_course.core.question_types import question_type
from compact_course.quiz.placement import lesson_of_question

DATA_CLASS = "cc-quiz-data"


def fingerprint(question: m.QuestionBase) -> str:
    """A short hash of everything that defines a question, so edited questions drop stale answers."""
    # Authors' notes about a question (its level, sources, misconceptions) do not change what the
    # learner answered, so editing them keeps saved answers.
    notes: dict[str, Any] = {
        "level": True,
        "sources": True,
        "misconception": True,
        "options": {"__all__": {"misconception"}},
    }
    canonical = json.dumps(question.model_dump(mode="json", exclude=notes), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def more_link(course: Course, question: m.QuestionBase, from_doc: str | None) -> tuple[str, str]:
    """The "Read more" link's address and label; on the lesson's own page, just the fragment."""
    href, label = source_link(course, question, from_doc)
    page = (from_doc or "").rsplit("/", 1)[-1] + ".html#"
    return (href[len(page) - 1 :] if from_doc and href.startswith(page) else href), label


def question_data(course: Course, question: m.QuestionBase, from_doc: str | None) -> dict:
    """One question's data: what the script needs to check, mark and explain an answer."""
    href, label = more_link(course, question, from_doc)
    data: dict = {
        "id": question.id,
        "type": question.type,  # type: ignore[attr-defined]
        "fingerprint": fingerprint(question),
        "lesson": lesson_of_question(course, question).id,
        "choices": [choice.model_dump() for choice in question.choices()],
        "explanation": question.explanation,
        "hint": question.hint,
        "more": {"href": href, "label": label},
    }
    if question_type(question).response == "pairs":
        data["items"] = [item.model_dump() for item in question.items()]  # type: ignore[attr-defined]
    return data


def quiz_data(
    course: Course,
    questions: Sequence[m.QuestionBase],
    quiz_id: str,
    from_doc: str | None = None,
    store: str = "lesson",
    mode: str = "practice",
) -> dict:
    """A whole quiz's data (see the module docstring), questions in the order shown."""
    return {
        "quiz": quiz_id,
        "mode": mode,
        "store": store,
        "questions": [question_data(course, question, from_doc) for question in questions],
    }


def course_manifest(course: Course, facilitator: bool = False, learner_address: str | None = None) -> dict:
    """What the progress page and self-assessment need to know about every lesson's questions.

    ``facilitator`` says whether this is the facilitator edition (its notes pages exist);
    ``learner_address`` is where the learner edition is published, if set (book/learner_address.py).
    """
    return {
        "version": 1,
        "facilitator": facilitator,
        "learnerAddress": learner_address,
        "course": course_title(Path(course.root)),  # the course's name (the book's title, _config.yml)
        "mastery": course.assessment.mastery_score,  # the pass mark, one place: data/assessment.yaml
        "text": course.interface.model_dump(),  # the quizzes' interface text (data/interface.yaml)
        "modules": [
            {
                "id": module.id,
                "number": course.module_number(module.id),
                "title": module.title,
                "lessons": [
                    {
                        "id": lesson.id,
                        "number": course.lesson_number(lesson.id),
                        "title": lesson.title,
                        "href": course.lesson_docname(lesson.id) + ".html",
                        "questions": [
                            {"id": q.id, "fingerprint": fingerprint(q)} for q in course.quiz_for(lesson.id).questions
                        ],
                    }
                    for lesson in module.lessons
                ],
            }
            for module in course.modules
        ],
    }
