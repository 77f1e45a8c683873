"""The seeded draw of questions for the self-assessment's fresh draw.

(Option order is a property of each question: :mod:`compact_course.core.option_order`, through
``question.choices()``.)

The seeded draw (the self-assessment's fresh draw): for every module, in course order, that
module's questions are ordered by :func:`draw_key` (ties broken by id) and the first
``per_module`` are taken. The key is the FNV-1a 32-bit hash of the UTF-8 text
``f"{seed}:{question_id}"`` passed through MurmurHash3's 32-bit finaliser. The finaliser
matters: ids in one bank differ only in their last character, and plain FNV-1a then gives
them neighbouring hashes, so nine draws in ten took all of a module's questions from a single
lesson. The static book's script mirrors this rule; ``tests/fixtures/draw_cases.json`` holds
both to the same cases.
"""

from __future__ import annotations

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.option_order import fnv1a32

__all__ = ["draw_key", "draw_questions", "fmix32", "fnv1a32", "module_questions"]


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


def module_questions(course: Course, module: m.Module) -> tuple[m.QuestionBase, ...]:
    """The module's self-assessment questions (its pool in ``quizzes/assessment/``), which no lesson shows."""
    return course.pool_questions(module.id)


def draw_questions(course: Course, seed: int, per_module: int | None = None) -> tuple[m.QuestionBase, ...]:
    """A fresh, repeatable draw of ``per_module`` questions from every module (see the module docstring).

    ``per_module`` defaults to ``draw.per_module`` in ``data/assessment.yaml``, the one source
    of that number.
    """
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
