"""The final self-assessment: which questions, how they are scored, and what to revise.

Two selections:

- the fixed selection, ``fixed`` in ``data/assessment.yaml``, the same on every attempt so
  scores can be compared;
- a fresh draw: for every module (in course order) that module's questions are ordered by
  :func:`draw_key` (ties broken by id) and the first ``per_module`` are taken. The key is the
  FNV-1a 32-bit hash of the UTF-8 text ``f"{seed}:{question_id}"`` passed through MurmurHash3's
  32-bit finaliser. The finaliser matters: ids in one bank differ only in their last
  character, and plain FNV-1a then gives them neighbouring hashes, so nine draws in ten took
  all of a module's questions from a single lesson. The static book's script mirrors this
  rule; ``tests/fixtures/draw_cases.json`` holds both to the same cases.

:class:`AssessmentResult` scores responses with :func:`compact_course.quiz.scoring.score_question`
and gives the overall score, the score per module (as a table, CSV, JSON and an accessible
chart) and revision advice: the lessons to revisit, ranked by how many of their questions
were missed. :func:`record_of_learning` is a printable summary. In a live kernel
:class:`LiveAssessment` adds exam mode (answer everything, submit, then see results).
"""

from __future__ import annotations

import base64
import csv
import functools
import io
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from fractions import Fraction
from typing import Any

import ipywidgets as w
import matplotlib
from matplotlib.figure import Figure

from compact_course.core import models as m
from compact_course.core.blocks import Block
from compact_course.core.chart import FONT_SIZE, OKABE_ITO, SVG_SETTINGS, Chart
from compact_course.core.course import Course, cached_course
from compact_course.core.escaping import e
from compact_course.quiz.html import lesson_of_question, relative_link
from compact_course.quiz.quiz import Quiz
from compact_course.quiz.scoring import fingerprint, score_question

ASSESSMENT_DOC = "book/self-assessment"
DRAW_DOC = "book/self-assessment-draw"
QUIZ_ID = "self-assessment"
ID_PREFIX = "sa-"
STORE = "assessment"
MODES = ("exam", "practice")
RESULTS_FORMAT = "compact-course-assessment-results"
NOT_ATTEMPTED = "not attempted"
ATTEMPTED = "attempted"
CSV_COLUMNS = ("scope", "module", "number", "title", "correct", "answered", "total", "percent", "status")

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


# --- Selections ----------------------------------------------------------------------------


def fnv1a32(text: str) -> int:
    """FNV-1a, 32-bit, over the UTF-8 bytes of ``text`` (what the browser mirrors)."""
    value = FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value


def fmix32(value: int) -> int:
    """MurmurHash3's 32-bit finaliser: spreads small input differences over all 32 bits."""
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & 0xFFFFFFFF
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & 0xFFFFFFFF
    value ^= value >> 16
    return value


def draw_key(seed: int, question_id: str) -> int:
    """Where a question falls in a seeded draw (smaller first)."""
    return fmix32(fnv1a32(f"{seed}:{question_id}"))


def fixed_questions(course: Course) -> tuple[m.QuestionBase, ...]:
    """The fixed selection, in the order ``data/assessment.yaml`` lists it."""
    return tuple(course.question(qid) for qid in course.assessment.fixed)


def module_questions(course: Course, module: m.Module) -> tuple[m.QuestionBase, ...]:
    return tuple(q for lesson in module.lessons for q in course.quiz_for(lesson.id).questions)


def draw_questions(course: Course, seed: int, per_module: int | None = None) -> tuple[m.QuestionBase, ...]:
    """A fresh, repeatable draw: ``per_module`` questions from every module (see module docstring)."""
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a whole number, 0 or more; got {seed!r}")
    per_module = course.assessment.draw.per_module if per_module is None else per_module
    if isinstance(per_module, bool) or not isinstance(per_module, int) or per_module < 1:
        raise ValueError(f"per_module must be a whole number, 1 or more; got {per_module!r}")
    drawn: list[m.QuestionBase] = []
    for module in course.modules:
        ordered = sorted(module_questions(course, module), key=lambda q: (draw_key(seed, q.id), q.id))
        drawn.extend(ordered[:per_module])
    return tuple(drawn)


# --- Scoring -------------------------------------------------------------------------------


def percent(correct: int, total: int) -> int:
    """Whole-number percentage, halves rounded up (as JavaScript's ``Math.round``)."""
    if total <= 0:
        raise ValueError("a percentage needs at least one question")
    return (200 * correct + total) // (2 * total)


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


@dataclass(frozen=True)
class ModuleScore:
    module_id: str
    number: int
    title: str
    correct: int
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return percent(self.correct, self.total)

    @property
    def status(self) -> str:
        return ATTEMPTED if self.answered else NOT_ATTEMPTED

    @property
    def score_text(self) -> str:
        if not self.answered:
            return f"not attempted (0 of {self.total} answered)"
        return f"{self.correct} of {self.total} correct ({self.percent}%)"


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
    from compact_course.learner.progress import ProgressRecord

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
        ids = [q.id for q in questions]
        if not ids:
            raise ValueError("an assessment needs at least one question")
        repeated = sorted({qid for qid in ids if ids.count(qid) > 1})
        if repeated:
            raise ValueError(f"questions appear more than once: {', '.join(repeated)}")
        unknown = sorted(set(responses) - set(ids))
        if unknown:
            raise ValueError(f"responses given for questions not in this assessment: {', '.join(unknown)}")
        self.course = course
        self.title = title or course.assessment.title
        self.questions = tuple(questions)
        outcomes = []
        for question in self.questions:
            response, changed = _unpack(question, responses.get(question.id))
            scored = score_question(question, response)
            lesson = lesson_of_question(course, question)
            outcomes.append(
                QuestionOutcome(
                    question.id, lesson.id, course.module_of(lesson.id).id, scored.answered, scored.correct, changed
                )
            )
        self.outcomes = tuple(outcomes)

    # Totals ---------------------------------------------------------------------------------
    @property
    def correct(self) -> int:
        return sum(o.correct for o in self.outcomes)

    @property
    def answered(self) -> int:
        return sum(o.answered for o in self.outcomes)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def percent(self) -> int:
        return percent(self.correct, self.total)

    @property
    def attempted(self) -> bool:
        return self.answered > 0

    @property
    def status(self) -> str:
        return ATTEMPTED if self.attempted else NOT_ATTEMPTED

    @property
    def missed(self) -> tuple[str, ...]:
        """Questions not answered correctly (wrong or unanswered), in assessment order."""
        return tuple(o.question_id for o in self.outcomes if not o.correct)

    @property
    def changed(self) -> tuple[str, ...]:
        """Questions whose saved response was for an earlier version, so was not counted."""
        return tuple(o.question_id for o in self.outcomes if o.changed)

    def summary(self) -> str:
        if not self.attempted:
            return f"Not attempted: 0 of {self.total} questions answered."
        return f"{self.correct} of {self.total} correct ({self.percent}%); {self.answered} of {self.total} answered."

    @functools.cached_property
    def modules(self) -> tuple[ModuleScore, ...]:
        """Scores for the modules this assessment covers, in course order."""
        scores = []
        for module in self.course.modules:
            mine = [o for o in self.outcomes if o.module_id == module.id]
            if mine:
                scores.append(
                    ModuleScore(
                        module.id,
                        self.course.module_number(module.id),
                        module.title,
                        sum(o.correct for o in mine),
                        sum(o.answered for o in mine),
                        len(mine),
                    )
                )
        return tuple(scores)

    def revision_advice(self) -> tuple[AdviceItem, ...]:
        """Lessons to revisit: most missed questions first, then largest share missed, then course order."""
        items = []
        for lesson in self.course.lessons:
            mine = [o for o in self.outcomes if o.lesson_id == lesson.id]
            missed = tuple(o.question_id for o in mine if not o.correct)
            if missed:
                items.append(
                    AdviceItem(
                        lesson.id,
                        self.course.lesson_number(lesson.id),
                        lesson.title,
                        relative_link(ASSESSMENT_DOC, self.course.lesson_docname(lesson.id)),
                        len(missed),
                        len(mine),
                        missed,
                    )
                )
        return tuple(sorted(items, key=lambda item: (-item.missed, -Fraction(item.missed, item.total), item.number)))

    # Exports --------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "format": RESULTS_FORMAT,
            "version": 1,
            "title": self.title,
            "overall": {
                "correct": self.correct,
                "answered": self.answered,
                "total": self.total,
                "percent": self.percent,
                "status": self.status,
            },
            "modules": [
                {
                    "module": s.module_id,
                    "number": s.number,
                    "title": s.title,
                    "correct": s.correct,
                    "answered": s.answered,
                    "total": s.total,
                    "percent": s.percent,
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
            writer.writerow(
                ("module", s.module_id, s.number, s.title, s.correct, s.answered, s.total, s.percent, s.status)
            )
        writer.writerow(
            ("overall", "", "", self.title, self.correct, self.answered, self.total, self.percent, self.status)
        )
        return buffer.getvalue()

    # Display --------------------------------------------------------------------------------
    def chart(self) -> ScoreChart:
        return score_chart(self)

    def to_html(self) -> str:
        """Results: overall score, chart with its data table, and the lessons to revisit."""
        overall = (
            f"<strong>Overall:</strong> {self.correct} of {self.total} correct ({self.percent}%). "
            f"You answered {self.answered} of {self.total} questions."
            if self.attempted
            else f"<strong>Overall:</strong> not attempted. You answered none of the {self.total} questions."
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


# --- Chart ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreChart(Chart):
    """A chart of the learner's own scores: no published source to cite (so no source line)."""


def score_chart(result: AssessmentResult) -> ScoreChart:
    """Horizontal bars of the percentage correct per module, each labelled with its value."""
    scores = result.modules
    labels = [f"Module {s.number}" for s in scores]
    values = [s.percent for s in scores]
    bar_labels = [f"{s.percent}% ({s.correct} of {s.total})" if s.answered else "not attempted" for s in scores]
    title = "Your score by module"
    with matplotlib.rc_context(SVG_SETTINGS):
        figure = Figure(figsize=(7.5, 0.7 * len(scores) + 1.6), layout="constrained")
        axes = figure.add_subplot()
        colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(scores))]
        bars = axes.barh(labels, values, color=colours, edgecolor="black")
        axes.bar_label(bars, labels=bar_labels, padding=4)
        axes.invert_yaxis()
        # Room to the right of a full bar for its label; the axis itself stops at 100%.
        axes.set_xlim(0, 135)
        axes.set_xticks(range(0, 101, 20))
        axes.set_xlabel("Questions answered correctly (%)")
        axes.set_title(title, loc="left", fontsize=FONT_SIZE + 1)
        axes.spines[["top", "right"]].set_visible(False)
    scores_text = "; ".join(f"Module {s.number}, {s.title}: {s.score_text}" for s in scores)
    return ScoreChart(
        chart_id=f"{QUIZ_ID}-scores",
        title=title,
        figure=figure,
        alt=f"Bar chart of the percentage of questions answered correctly in each module. {scores_text}.",
        caption=f"{result.title}: {result.summary()}",
        columns=("Module", "Score", "Correct", "Answered", "Questions"),
        rows=tuple(
            (
                f"Module {s.number}: {s.title}",
                f"{s.percent}%" if s.answered else NOT_ATTEMPTED,
                str(s.correct),
                str(s.answered),
                str(s.total),
            )
            for s in scores
        ),
        sources=(),
    )


# --- Record of learning --------------------------------------------------------------------


def record_of_learning(progress_status, result: AssessmentResult | None, date: str | Date) -> Block:
    """A printable record: the date given, self-assessment scores per module, lessons completed.

    ``progress_status`` is a :class:`compact_course.learner.progress.CourseStatus` (or None when no
    lesson progress is known); ``result`` is None when the self-assessment was not taken.
    """
    when = date.isoformat() if isinstance(date, Date) else str(date)
    try:
        Date.fromisoformat(when)
    except ValueError:
        raise ValueError(f"date must be YYYY-MM-DD, got {date!r}") from None
    parts = [f"<p><strong>Date:</strong> {e(when)}</p>"]
    lines = [f"Record of learning, {when}"]
    if result is None:
        parts.append("<p><strong>Self-assessment:</strong> not taken.</p>")
        lines.append("Self-assessment: not taken.")
    else:
        overall = (
            f"{result.correct} of {result.total} correct ({result.percent}%)" if result.attempted else "not attempted"
        )
        parts.append(f"<p><strong>{e(result.title)}:</strong> {e(overall)}.</p>")
        lines.append(f"{result.title}: {overall}.")
        rows = "".join(
            f'<tr><th scope="row">Module {s.number}: {e(s.title)}</th><td>{s.correct}</td><td>{s.answered}</td>'
            f"<td>{s.total}</td><td>{e(f'{s.percent}%' if s.answered else NOT_ATTEMPTED)}</td></tr>"
            for s in result.modules
        )
        head = "".join(f'<th scope="col">{c}</th>' for c in ("Module", "Correct", "Answered", "Questions", "Score"))
        parts.append(
            f'<table class="cc-table"><caption>Self-assessment scores by module</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
        lines += [f"Module {s.number}: {s.score_text}" for s in result.modules]
    parts.append("<h3>Lessons completed</h3>")
    completed = progress_status.lessons_completed if progress_status is not None else ()
    if completed:
        parts.append(
            "<ul>" + "".join(f"<li>Lesson {item.number}: {e(item.title)}</li>" for item in completed) + "</ul>"
        )
    else:
        parts.append("<p>No lessons completed yet.</p>")
    lines.append(f"Lessons completed: {len(completed)}")
    html = (
        '<section class="cc-record" aria-labelledby="cc-record-heading">'
        f'<h2 id="cc-record-heading">Record of learning</h2>{"".join(parts)}</section>'
    )
    return Block(html, "\n".join(lines))


# --- Quiz objects --------------------------------------------------------------------------


def _check_mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}; got {mode!r}")
    return mode


class SelfAssessmentQuiz(Quiz):
    """The self-assessment as a :class:`Quiz`; in a live kernel its view is a :class:`LiveAssessment`."""

    @functools.cached_property
    def widget(self):
        return LiveAssessment(self.course, self.questions, self.mode, quiz_id=self.quiz_id, title=self.title)


def self_assessment(course: Course | None = None, mode: str = "exam", seed: int | None = None) -> SelfAssessmentQuiz:
    """The fixed selection, or with ``seed`` a fresh draw; ``mode`` is "exam" or "practice"."""
    course = course or cached_course()
    _check_mode(mode)
    questions = fixed_questions(course) if seed is None else draw_questions(course, seed)
    quiz_id = QUIZ_ID if seed is None else f"{QUIZ_ID}-draw-{seed}"
    return SelfAssessmentQuiz(
        course,
        questions,
        quiz_id=quiz_id,
        title=course.assessment.title,
        from_doc=ASSESSMENT_DOC,
        id_prefix=ID_PREFIX,
        store=STORE,
        mode=mode,
    )


DRAW_QUIZ_ID = f"{QUIZ_ID}-draw"
DRAW_STORE = "assessment-draw"


def fresh_draw_pool(course: Course | None = None) -> Quiz:
    """Every question, for the static book's fresh draw: quiz.js shows the questions that
    :func:`draw_questions` picks for the seed the learner chooses (the same rule, mirrored)."""
    course = course or cached_course()
    draw = course.assessment.draw
    return Quiz(
        course,
        course.all_questions(),
        quiz_id=DRAW_QUIZ_ID,
        title=f"{course.assessment.title}: a fresh draw",
        from_doc=DRAW_DOC,
        id_prefix="sd-",
        store=DRAW_STORE,
        mode="exam",
        draw=(draw.seed, draw.per_module),
    )


class LiveAssessment(w.VBox):
    """The self-assessment in a live kernel.

    Exam mode hides each question's buttons; "Submit all answers" scores everything at once,
    shows each question's feedback and the results. Practice mode keeps the quiz's own
    immediate feedback, and "Show my results" gives the same results at any time.
    """

    def __init__(
        self,
        course: Course,
        questions: Sequence[m.QuestionBase],
        mode: str = "exam",
        quiz_id: str = QUIZ_ID,
        title: str | None = None,
        progress=None,
        progress_path=None,
        today: Callable[[], Date] = Date.today,
    ):
        self.course = course
        self.mode = _check_mode(mode)
        self.quiz = Quiz(
            course,
            questions,
            quiz_id=quiz_id,
            title=title or course.assessment.title,
            from_doc=ASSESSMENT_DOC,
            id_prefix=ID_PREFIX,
            store=STORE,
            mode=mode,
        )
        self.quiz_widget = self.quiz.widget
        self.progress = progress
        self.progress_path = progress_path
        self.today = today
        self.result: AssessmentResult | None = None
        exam = mode == "exam"
        if exam:
            self._set_question_buttons(visible=False)
        intro = (
            "Answer every question, then select “Submit all answers”. You will see which answers were right, "
            "your score for each module and the lessons to revisit."
            if exam
            else "Check each answer as you go. Select “Show my results” at any time for your scores and the lessons to revisit."
        )
        self.submit_button = w.Button(
            description="Submit all answers" if exam else "Show my results",
            button_style="primary",
            layout=w.Layout(width="auto"),
        )
        self.submit_button.on_click(lambda _: self.submit())
        self.results = w.HTML(value="")
        super().__init__([w.HTML(value=f"<p>{e(intro)}</p>"), self.quiz_widget, self.submit_button, self.results])

    # What ProgressTracker and other subscribers use, as on a QuizWidget.
    @property
    def questions(self):
        return self.quiz_widget.questions

    def on_result(self, callback) -> None:
        self.quiz_widget.on_result(callback)

    def _set_question_buttons(self, visible: bool) -> None:
        for question in self.quiz_widget.questions:
            for name in ("check_button", "retry_button", "reveal_button", "hint_button"):
                button = getattr(question, name, None)
                if button is not None:
                    button.layout.display = None if visible else "none"

    def responses(self) -> dict[str, Any]:
        return {q.question.id: q.response for q in self.quiz_widget.questions}

    def submit(self) -> AssessmentResult:
        """Score every question now and show the results (and, in exam mode, each question's feedback)."""
        result = AssessmentResult(self.course, self.quiz.questions, self.responses(), title=self.quiz.title)
        if self.mode == "exam":
            for question in self.quiz_widget.questions:
                if score_question(question.question, question.response).answered:
                    question.check()
                else:
                    question.reveal()
            self._set_question_buttons(visible=True)
        self.result = result
        self.results.value = result.to_html() + record_of_learning(self._status(), result, self.today()).html
        return result

    def _status(self):
        from compact_course.learner.progress import load_progress

        progress = self.progress if self.progress is not None else load_progress(self.progress_path)
        return progress.status(self.course)
