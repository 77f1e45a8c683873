"""The final self-assessment, as the notebooks call it: the fixed selection or a fresh draw.

Two selections:

- the fixed selection, ``fixed`` in ``data/assessment.yaml``, the same on every attempt so
  scores can be compared;
- a fresh draw of ``draw.per_module`` questions from every module, chosen by a seed
  (:func:`compact_course.quiz.order.draw_questions`; the static book's script mirrors it).

``book/self-assessment.ipynb`` calls :func:`self_assessment`, ``book/self-assessment-draw.ipynb``
calls :func:`fresh_draw_pool`. Scoring and results are in :mod:`.results`, the printable record
in :mod:`.record`, and the live exam-mode view in :mod:`.live`.
"""

from __future__ import annotations

import functools

from compact_course.core import models as m
from compact_course.core.course import Course, cached_course
from compact_course.learner.live import LiveAssessment
from compact_course.learner.names import (
    ASSESSMENT_DOC,
    DRAW_DOC,
    DRAW_ID_PREFIX,
    DRAW_QUIZ_ID,
    DRAW_STORE,
    ID_PREFIX,
    QUIZ_ID,
    STORE,
    check_mode,
)
from compact_course.quiz.order import draw_questions
from compact_course.quiz.quiz import Quiz


def fixed_questions(course: Course) -> tuple[m.QuestionBase, ...]:
    """The fixed selection, in the order ``data/assessment.yaml`` lists it."""
    return tuple(course.question(qid) for qid in course.assessment.fixed)


class SelfAssessmentQuiz(Quiz):
    """The self-assessment as a :class:`Quiz`; in a live kernel its view is a :class:`LiveAssessment`."""

    @functools.cached_property
    def widget(self):
        return LiveAssessment(self.course, self.questions, self.mode, quiz_id=self.quiz_id, title=self.title)


def self_assessment(course: Course | None = None, mode: str = "exam", seed: int | None = None) -> SelfAssessmentQuiz:
    """The fixed selection, or with ``seed`` a fresh draw; ``mode`` is "exam" or "practice"."""
    course = course or cached_course()
    check_mode(mode)
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


def fresh_draw_pool(course: Course | None = None) -> Quiz:
    """The whole self-assessment pool, for the static book's fresh draw: the script shows the questions that
    :func:`~compact_course.quiz.order.draw_questions` picks for the seed the learner chooses
    (the same rule, mirrored), starting from ``draw.seed`` and ``draw.per_module`` in the data."""
    course = course or cached_course()
    draw = course.assessment.draw
    return Quiz(
        course,
        course.pool_questions(),
        quiz_id=DRAW_QUIZ_ID,
        title=f"{course.assessment.title}: a fresh draw",
        from_doc=DRAW_DOC,
        id_prefix=DRAW_ID_PREFIX,
        store=DRAW_STORE,
        mode="exam",
        draw=(draw.seed, draw.per_module),
    )
