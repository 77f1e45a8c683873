"""The final self-assessment, as the notebooks call it: the fixed selection or the pool to draw from.

- ``book/self-assessment.ipynb`` calls :func:`self_assessment`: the fixed selection, ``fixed``
  in ``data/assessment.yaml``, the same on every attempt so scores can be compared;
- ``book/self-assessment-draw.ipynb`` calls :func:`fresh_draw_pool`: the whole pool, from which
  the quiz script draws ``draw.per_module`` questions per module for the set number the learner
  chooses (``static/src/draw.js``).

Everything a learner does with them (exam and practice modes, results, advice, the record of
learning and its downloads) is the quiz script's, in the book and, through the widget
(:mod:`compact_course.quiz.widget`), in a live kernel.
"""

from __future__ import annotations

from compact_course.core import models as m
from compact_course.core.course import Course, cached_course
from compact_course.core.interface_models import fill
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
from compact_course.quiz.quiz import Quiz, QuizSettings


def fixed_questions(course: Course) -> tuple[m.QuestionBase, ...]:
    """The fixed selection, in the order ``data/assessment.yaml`` lists it."""
    return tuple(course.question(qid) for qid in course.assessment.fixed)


def self_assessment(course: Course | None = None, mode: str = "exam") -> Quiz:
    """The fixed selection; ``mode`` ("exam" or "practice") is the mode it opens in."""
    course = course or cached_course()
    settings = QuizSettings(from_doc=ASSESSMENT_DOC, id_prefix=ID_PREFIX, store=STORE, mode=check_mode(mode))
    return Quiz(course, fixed_questions(course), QUIZ_ID, course.assessment.title, settings)


def fresh_draw_pool(course: Course | None = None) -> Quiz:
    """The whole self-assessment pool, from which the script draws a set for the seed the learner
    chooses, starting from ``draw.seed`` and ``draw.per_module`` in the data."""
    course = course or cached_course()
    draw = course.assessment.draw
    settings = QuizSettings(
        from_doc=DRAW_DOC, id_prefix=DRAW_ID_PREFIX, store=DRAW_STORE, mode="exam", draw=(draw.seed, draw.per_module)
    )
    return Quiz(
        course,
        course.pool_questions(),
        DRAW_QUIZ_ID,
        fill(course.interface.book.fresh_draw_title, title=course.assessment.title),
        settings,
    )
