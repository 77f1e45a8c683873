"""The final self-assessment, as the notebook calls it: the whole pool, each attempt a set of it.

``book/self-assessment.ipynb`` calls :func:`self_assessment`. The page holds every question of
the self-assessment's own pool; the first attempt is the fixed selection (``fixed`` in
``data/assessment.yaml``), the only questions shown without the script and so the printable
version; "Start again" in exam mode begins a new attempt whose set the quiz script draws afresh,
``draw.per_module`` from every module, the fewest seen before, and says how many of them came up
in an earlier attempt (``static/src/attempt.js`` over ``static/src/draw.js``, the one
implementation of the draw).

Everything a learner does with them (exam and practice modes, results, advice, the record of
learning and its downloads) is the quiz script's, in the book and, through the widget
(:mod:`compact_course.quiz.widget`), in a live kernel.
"""

from __future__ import annotations

from compact_course.core import models as m
from compact_course.core.course import Course, cached_course
from compact_course.learner.names import ASSESSMENT_DOC, ID_PREFIX, QUIZ_ID, STORE, check_mode
from compact_course.quiz.html import Draw
from compact_course.quiz.quiz import Quiz, QuizSettings


def fixed_questions(course: Course) -> tuple[m.QuestionBase, ...]:
    """The fixed selection, in the order ``data/assessment.yaml`` lists it: the first attempt."""
    return tuple(course.question(qid) for qid in course.assessment.fixed)


def assessment_pool(course: Course) -> tuple[m.QuestionBase, ...]:
    """The whole pool as the page holds it: the fixed selection first, in its order, then the rest
    in the course's order."""
    fixed = fixed_questions(course)
    chosen = {q.id for q in fixed}
    return fixed + tuple(q for q in course.pool_questions() if q.id not in chosen)


def self_assessment(course: Course | None = None, mode: str = "exam") -> Quiz:
    """The self-assessment; ``mode`` ("exam" or "practice") is the mode it opens in."""
    course = course or cached_course()
    draw = Draw(course.assessment.draw.seed, course.assessment.draw.per_module, tuple(course.assessment.fixed))
    settings = QuizSettings(from_doc=ASSESSMENT_DOC, id_prefix=ID_PREFIX, store=STORE, mode=check_mode(mode), draw=draw)
    return Quiz(course, assessment_pool(course), QUIZ_ID, course.assessment.title, settings)
