"""Results of one self-assessment attempt: scores overall, per module, per lesson and per question.

:class:`AssessmentResult` scores responses with :func:`compact_course.quiz.scoring.score_question`
and gives the overall tally, the tally per module (:class:`ModuleScore`) and per lesson, the
first attempts, the lessons to revisit (ranked by how many of their questions were missed), the
lessons not yet studied (given the learner's progress), and the same results as CSV and JSON,
which the static book's script (static/src/results.js) writes byte for byte the same. The HTML
is :mod:`.results_html`'s.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date as Date
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.links import relative_link
from compact_course.core.tally import Tally
from compact_course.learner.names import ASSESSMENT_DOC
from compact_course.learner.progress import ProgressRecord
from compact_course.learner.result_parts import (
    ATTEMPTED,
    NOT_ATTEMPTED,
    AdviceItem,
    LessonRef,
    LessonScore,
    ModuleScore,
    QuestionOutcome,
    attempt_status,
    first_of,
    tally_of,
)
from compact_course.learner.score_chart import ScoreChart, score_chart
from compact_course.quiz.placement import lesson_of_question
from compact_course.quiz.scoring import fingerprint, score_question

if TYPE_CHECKING:
    from compact_course.learner.progress import CourseStatus

# Re-exported: what callers of this module name.
__all__ = [
    "ATTEMPTED",
    "CSV_COLUMNS",
    "NOT_ATTEMPTED",
    "AdviceItem",
    "AssessmentResult",
    "LessonRef",
    "LessonScore",
    "ModuleScore",
    "QuestionOutcome",
]

RESULTS_FORMAT = "compact-course-assessment-results"
RESULTS_VERSION = 2  # 2 added the date, lessons, first attempts and the lessons not yet studied
CSV_COLUMNS = (
    "date",
    "scope",
    "module",
    "lesson",
    "number",
    "title",
    "correct",
    "answered",
    "total",
    "percent",
    "status",
    "first_correct",
    "first_answered",
)


def _first_correct(first: Any) -> bool | None:
    if first is None:
        return None
    correct = first.correct if hasattr(first, "correct") else first.get("correct")
    return bool(correct)


def _unpack(question: m.QuestionBase, given: Any) -> tuple[Any, bool, Any]:
    """(response, changed, first): a response with a fingerprint counts only for the current
    version; ``first`` is its first attempt (an Attempt, a mapping or None), or ``...`` when the
    response is a bare one, whose own scoring is then its first attempt."""
    first: Any
    if isinstance(given, ProgressRecord):
        answer, stamp, first = given.answer, given.fingerprint, given.first
        if first is None and given.answered:
            first = {"correct": given.correct}
    elif isinstance(given, Mapping) and "fingerprint" in given:
        if "answer" not in given:
            raise ValueError(f"{question.id}: a response with a fingerprint needs an 'answer'")
        answer, stamp, first = given["answer"], given["fingerprint"], given.get("first")
    else:
        return given, False, ...
    if stamp != fingerprint(question):
        return None, True, None
    return answer, False, first


def _check_questions(questions: Sequence[m.QuestionBase], responses: Mapping[str, Any]) -> None:
    ids = [q.id for q in questions]
    if not ids:
        raise ValueError("an assessment needs at least one question")
    repeated = sorted({qid for qid in ids if ids.count(qid) > 1})
    if repeated:
        raise ValueError(f"questions appear more than once: {', '.join(repeated)}")
    unknown = sorted(set(responses) - set(ids))
    if unknown:
        raise ValueError(f"responses given for questions not in this assessment: {', '.join(unknown)}")


def _iso_date(when: str | Date | None) -> str:
    text = (when or Date.today()).isoformat() if not isinstance(when, str) else when
    Date.fromisoformat(text)  # raises ValueError for anything but YYYY-MM-DD
    return text


class AssessmentResult:
    """Scores for one attempt: ``responses`` maps question id to a response (scoring.py shapes),
    or to ``{"answer": ..., "fingerprint": ..., "first": ...}`` or a ProgressRecord (as saved),
    which counts only if the fingerprint is the question's current one. ``date`` (YYYY-MM-DD,
    default today) is the attempt's; ``progress`` (the learner's lesson progress, if known)
    gives the lessons not yet studied."""

    def __init__(
        self,
        course: Course,
        questions: Sequence[m.QuestionBase],
        responses: Mapping[str, Any] | None = None,
        title: str | None = None,
        date: str | Date | None = None,
        progress: CourseStatus | None = None,
    ):
        responses = dict(responses or {})
        _check_questions(questions, responses)
        self.course = course
        self.title = title or course.assessment.title
        self.date = _iso_date(date)
        self.progress = progress
        self.questions = tuple(questions)
        outcomes = []
        for question in self.questions:
            response, changed, first = _unpack(question, responses.get(question.id))
            scored = score_question(question, response)
            if first is ...:
                first = {"correct": scored.correct} if scored.answered else None
            lesson = lesson_of_question(course, question)
            module_id = course.module_of(lesson.id).id
            outcomes.append(
                QuestionOutcome(
                    question.id,
                    lesson.id,
                    module_id,
                    scored.answered,
                    scored.correct,
                    changed,
                    _first_correct(first),
                )
            )
        self.outcomes = tuple(outcomes)
        self.tally = tally_of(self.outcomes)
        self.first = first_of(self.outcomes)

    @property
    def status(self) -> str:
        return attempt_status(self.tally)

    @property
    def missed(self) -> tuple[str, ...]:
        """Questions not answered correctly (wrong or unanswered), in assessment order."""
        return tuple(o.question_id for o in self.outcomes if not o.correct)

    @property
    def changed(self) -> tuple[str, ...]:
        """Questions whose saved response was for an earlier version, so was not counted."""
        return tuple(o.question_id for o in self.outcomes if o.changed)

    @property
    def overall_text(self) -> str:
        """The overall score as one phrase: ``5 of 8 correct (63%)`` or "not attempted"."""
        return f"{self.tally} ({self.tally.percent}%)" if self.tally.attempted else NOT_ATTEMPTED

    def summary(self) -> str:
        t = self.tally
        if not t.attempted:
            return f"Not attempted: 0 of {t.total} questions answered."
        return f"{t} ({t.percent}%); {t.answered} of {t.total} answered."

    @functools.cached_property
    def modules(self) -> tuple[ModuleScore, ...]:
        """Scores for the modules this assessment covers, in course order."""
        scores = []
        for module in self.course.modules:
            mine = [o for o in self.outcomes if o.module_id == module.id]
            if mine:
                number = self.course.module_number(module.id)
                scores.append(ModuleScore(module.id, number, module.title, tally_of(mine), first_of(mine)))
        return tuple(scores)

    @functools.cached_property
    def lessons(self) -> tuple[LessonScore, ...]:
        """Scores for the lessons this assessment's questions are about, in course order."""
        scores = []
        for lesson in self.course.lessons:
            mine = [o for o in self.outcomes if o.lesson_id == lesson.id]
            if mine:
                number = self.course.lesson_number(lesson.id)
                module_id = self.course.module_of(lesson.id).id
                scores.append(LessonScore(lesson.id, module_id, number, lesson.title, tally_of(mine), first_of(mine)))
        return tuple(scores)

    def revision_advice(self) -> tuple[AdviceItem, ...]:
        """Lessons to revisit: most missed questions first, then largest share missed, then course order."""
        items = []
        for lesson in self.course.lessons:
            mine = [o for o in self.outcomes if o.lesson_id == lesson.id]
            missed = tuple(o.question_id for o in mine if not o.correct)
            if missed:
                link = relative_link(ASSESSMENT_DOC, self.course.lesson_docname(lesson.id))
                number = self.course.lesson_number(lesson.id)
                items.append(AdviceItem(lesson.id, number, lesson.title, link, len(missed), len(mine), missed))
        return tuple(sorted(items, key=lambda item: (-item.missed, -Fraction(item.missed, item.total), item.number)))

    def not_studied(self) -> tuple[LessonRef, ...] | None:
        """Lessons with no lesson quiz answered, in course order; None if progress is not known."""
        if self.progress is None:
            return None
        return tuple(
            LessonRef(lesson.lesson_id, lesson.number, lesson.title, self._lesson_link(lesson.lesson_id))
            for lesson in self.progress.lessons
            if not lesson.tally.attempted
        )

    def _lesson_link(self, lesson_id: str) -> str:
        return relative_link(ASSESSMENT_DOC, self.course.lesson_docname(lesson_id))

    # Exports --------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "format": RESULTS_FORMAT,
            "version": RESULTS_VERSION,
            "title": self.title,
            "date": self.date,
            "overall": _tally_fields(self.tally, self.first),
            "modules": [
                {"module": s.module_id, "number": s.number, "title": s.title, **_tally_fields(s.tally, s.first)}
                for s in self.modules
            ],
            "lessons": [
                {"lesson": s.lesson_id, "number": s.number, "title": s.title, **_tally_fields(s.tally, s.first)}
                for s in self.lessons
            ],
            "questions": [
                {
                    "question": o.question_id,
                    "lesson": o.lesson_id,
                    "module": o.module_id,
                    "answered": o.answered,
                    "correct": o.correct,
                    "changed": o.changed,
                    "status": o.status,
                    "first_correct": o.first_correct,
                }
                for o in self.outcomes
            ],
            "advice": [
                {
                    "lesson": a.lesson_id,
                    "number": a.number,
                    "title": a.title,
                    "link": a.link,
                    "missed": a.missed,
                    "total": a.total,
                    "questions": list(a.question_ids),
                }
                for a in self.revision_advice()
            ],
            "not_studied": [
                {"lesson": lesson.lesson_id, "number": lesson.number, "title": lesson.title}
                for lesson in self.not_studied() or ()
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_csv(self) -> str:
        """Each module's row and its lessons' rows, then the overall row; columns are :data:`CSV_COLUMNS`.
        Titles are plain (no "Module 1:" prefix); every row carries the date."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for s in self.modules:
            first = s.first or Tally(0, 0, s.tally.total)
            writer.writerow((self.date, "module", s.module_id, "", s.number, s.title, *_tally_row(s.tally, first)))
            for lesson in (item for item in self.lessons if item.module_id == s.module_id):
                writer.writerow(
                    (
                        self.date,
                        "lesson",
                        s.module_id,
                        lesson.lesson_id,
                        lesson.number,
                        lesson.title,
                        *_tally_row(lesson.tally, lesson.first),
                    )
                )
        writer.writerow((self.date, "overall", "", "", "", self.title, *_tally_row(self.tally, self.first)))
        return buffer.getvalue()

    # Display --------------------------------------------------------------------------------
    def chart(self) -> ScoreChart:
        return score_chart(self.modules, f"{self.title}: {self.summary()}")

    def to_html(self) -> str:
        """Results: overall score, chart with its data table, the lessons to revisit and not yet studied."""
        from compact_course.learner.results_html import results_html

        return results_html(self)

    def __repr__(self) -> str:
        return f"Self-assessment results: {self.summary()}"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": repr(self), "text/html": self.to_html()}


def _tally_fields(tally: Tally, first: Tally | None) -> dict[str, Any]:
    first = first or Tally(0, 0, tally.total)
    return {
        "correct": tally.correct,
        "answered": tally.answered,
        "total": tally.total,
        "percent": tally.percent,
        "status": attempt_status(tally),
        "first": {"correct": first.correct, "answered": first.answered},
    }


def _tally_row(tally: Tally, first: Tally) -> tuple[int, int, int, int, str, int, int]:
    return (
        tally.correct,
        tally.answered,
        tally.total,
        tally.percent,
        attempt_status(tally),
        first.correct,
        first.answered,
    )
