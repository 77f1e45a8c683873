"""Results of one self-assessment attempt: scores overall, per module and per question, and advice.

:class:`AssessmentResult` scores responses with :func:`compact_course.quiz.scoring.score_question`
and gives the overall tally, the tally per module (:class:`ModuleScore`), the lessons to revisit
(ranked by how many of their questions were missed), and the same results as CSV, JSON and
HTML (overall line, the accessible chart of :mod:`.score_chart`, advice and download links).
"""

from __future__ import annotations

import base64
import csv
import functools
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.links import relative_link
from compact_course.core.tally import Tally
from compact_course.learner.names import ASSESSMENT_DOC
from compact_course.learner.progress import ProgressRecord
from compact_course.learner.score_chart import ScoreChart, score_chart
from compact_course.quiz.placement import lesson_of_question
from compact_course.quiz.scoring import fingerprint, score_question

RESULTS_FORMAT = "compact-course-assessment-results"
NOT_ATTEMPTED = "not attempted"
ATTEMPTED = "attempted"
CSV_COLUMNS = ("scope", "module", "number", "title", "correct", "answered", "total", "percent", "status")


@dataclass(frozen=True)
class QuestionOutcome:
    question_id: str
    lesson_id: str
    module_id: str
    answered: bool
    correct: bool
    changed: bool  # a response was given, but for an earlier version of the question

    @property
    def status(self) -> str:
        if self.correct:
            return "correct"
        return "incorrect" if self.answered else "unanswered"


def tally_of(outcomes: Sequence[QuestionOutcome]) -> Tally:
    return Tally(sum(o.correct for o in outcomes), sum(o.answered for o in outcomes), len(outcomes))


def attempt_status(tally: Tally) -> str:
    return ATTEMPTED if tally.attempted else NOT_ATTEMPTED


@dataclass(frozen=True)
class ModuleScore:
    module_id: str
    number: int
    title: str
    tally: Tally

    @property
    def status(self) -> str:
        return attempt_status(self.tally)

    @property
    def percent_text(self) -> str:
        """The percentage as shown in tables: ``63%``, or "not attempted"."""
        return f"{self.tally.percent}%" if self.tally.attempted else NOT_ATTEMPTED

    @property
    def score_text(self) -> str:
        if not self.tally.attempted:
            return f"not attempted (0 of {self.tally.total} answered)"
        return f"{self.tally} ({self.tally.percent}%)"


@dataclass(frozen=True)
class AdviceItem:
    lesson_id: str
    number: int
    title: str
    link: str  # relative to the self-assessment page
    missed: int  # questions answered wrongly or not answered
    total: int  # the lesson's questions in this assessment
    question_ids: tuple[str, ...]  # the missed questions, in assessment order


def _unpack(question: m.QuestionBase, given: Any) -> tuple[Any, bool]:
    """(response, changed): a response with a fingerprint counts only for the current version."""
    if isinstance(given, ProgressRecord):
        answer, stamp = given.answer, given.fingerprint
    elif isinstance(given, Mapping) and "fingerprint" in given:
        if "answer" not in given:
            raise ValueError(f"{question.id}: a response with a fingerprint needs an 'answer'")
        answer, stamp = given["answer"], given["fingerprint"]
    else:
        return given, False
    if stamp != fingerprint(question):
        return None, True
    return answer, False


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


class AssessmentResult:
    """Scores for one attempt: ``responses`` maps question id to a response (scoring.py shapes),
    or to ``{"answer": ..., "fingerprint": ...}`` (as saved), which counts only if the
    fingerprint is the question's current one."""

    def __init__(
        self,
        course: Course,
        questions: Sequence[m.QuestionBase],
        responses: Mapping[str, Any] | None = None,
        title: str | None = None,
    ):
        responses = dict(responses or {})
        _check_questions(questions, responses)
        self.course = course
        self.title = title or course.assessment.title
        self.questions = tuple(questions)
        outcomes = []
        for question in self.questions:
            response, changed = _unpack(question, responses.get(question.id))
            scored = score_question(question, response)
            lesson = lesson_of_question(course, question)
            module_id = course.module_of(lesson.id).id
            outcomes.append(
                QuestionOutcome(question.id, lesson.id, module_id, scored.answered, scored.correct, changed)
            )
        self.outcomes = tuple(outcomes)
        self.tally = tally_of(self.outcomes)

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
                scores.append(ModuleScore(module.id, number, module.title, tally_of(mine)))
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

    # Exports --------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "format": RESULTS_FORMAT,
            "version": 1,
            "title": self.title,
            "overall": {**_tally_fields(self.tally), "status": self.status},
            "modules": [
                {
                    "module": s.module_id,
                    "number": s.number,
                    "title": s.title,
                    **_tally_fields(s.tally),
                    "status": s.status,
                }
                for s in self.modules
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
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_csv(self) -> str:
        """One row per module, then the overall row; columns are :data:`CSV_COLUMNS`."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for s in self.modules:
            writer.writerow(("module", s.module_id, s.number, s.title, *_tally_row(s.tally), s.status))
        writer.writerow(("overall", "", "", self.title, *_tally_row(self.tally), self.status))
        return buffer.getvalue()

    # Display --------------------------------------------------------------------------------
    def chart(self) -> ScoreChart:
        return score_chart(self.modules, f"{self.title}: {self.summary()}")

    def to_html(self) -> str:
        """Results: overall score, chart with its data table, and the lessons to revisit."""
        t = self.tally
        overall = (
            f"<strong>Overall:</strong> {t} ({t.percent}%). You answered {t.answered} of {t.total} questions."
            if t.attempted
            else f"<strong>Overall:</strong> not attempted. You answered none of the {t.total} questions."
        )
        changed = ""
        if self.changed:
            count = len(self.changed)
            changed = (
                f"<p>{count} saved answer{'s were' if count != 1 else ' was'} for an earlier version of "
                f"{'their questions' if count != 1 else 'its question'} and {'were' if count != 1 else 'was'} not counted.</p>"
            )
        return (
            f'<section class="cc-results" aria-label="Results: {e(self.title)}">'
            f'<p class="cc-overall" role="status">{overall}</p>{changed}'
            f"{self.chart().to_html()}{advice_html(self.revision_advice())}{export_links_html(self)}</section>"
        )

    def __repr__(self) -> str:
        return f"Self-assessment results: {self.summary()}"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": repr(self), "text/html": self.to_html()}


def _tally_fields(tally: Tally) -> dict[str, int]:
    return {"correct": tally.correct, "answered": tally.answered, "total": tally.total, "percent": tally.percent}


def _tally_row(tally: Tally) -> tuple[int, int, int, int]:
    return tally.correct, tally.answered, tally.total, tally.percent


def advice_html(advice: Sequence[AdviceItem]) -> str:
    if not advice:
        return "<h3>Lessons to revisit</h3><p>You answered every question correctly: there is nothing to revisit.</p>"
    items = "".join(
        f'<li><a href="{e(a.link)}">Lesson {a.number}: {e(a.title)}</a>: '
        f"{a.missed} of {a.total} question{'s' if a.total != 1 else ''} missed</li>"
        for a in advice
    )
    return (
        "<h3>Lessons to revisit</h3><p>Most missed first. A question counts as missed if it was answered "
        f'wrongly or not answered.</p><ol class="cc-advice">{items}</ol>'
    )


def _data_link(text: str, mime: str, filename: str, label: str) -> str:
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f'<a download="{e(filename)}" href="data:{mime};charset=utf-8;base64,{payload}">{e(label)}</a>'


def export_links_html(result: AssessmentResult) -> str:
    return (
        '<p class="cc-export">Save your results: '
        f"{_data_link(result.to_csv(), 'text/csv', 'self-assessment-results.csv', 'download as CSV')} or "
        f"{_data_link(result.to_json(), 'application/json', 'self-assessment-results.json', 'download as JSON')}.</p>"
    )
