"""The question-type registry: one table of every question type and what each needs.

Each entry names the type's model (:mod:`compact_course.core.questions`) and the two facts the
renderers and the quiz script dispatch on:

- ``response``: what a learner's answer is, and so how it is scored (``static/src/scoring.js``
  and ``static/src/question-types.js`` hold the script's side of this table): ``"one"`` a
  choice key, ``"set"`` a set of choice keys, ``"pairs"`` an item-to-choice mapping;
- ``control``: the form control the static HTML gives it (``"radio"``, ``"checkbox"``,
  ``"select"``), and ``lettered``: whether its options are lettered (A, B, ...), as the page,
  handouts and the room poll letter them.

Adding a type is a list of entries: a model, a row here, its row in ``question-types.js``, its
label in ``data/interface.yaml`` (``form.types``, with its field in
:class:`compact_course.core.interface_models.TypeText`), and a case per export;
``tests/test_question_types.py`` (Python) and ``tests/js/question-types.test.mjs`` (the script)
fail while any is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from compact_course.core import questions as q


@dataclass(frozen=True)
class QuestionType:
    name: str
    model: type[q.QuestionBase]
    response: Literal["one", "set", "pairs"]
    control: Literal["radio", "checkbox", "select"]
    lettered: bool


REGISTRY: dict[str, QuestionType] = {
    t.name: t
    for t in (
        QuestionType("single", q.SingleChoice, "one", "radio", lettered=True),
        QuestionType("multiple", q.MultipleSelect, "set", "checkbox", lettered=True),
        QuestionType("true-false", q.TrueFalse, "one", "radio", lettered=True),
        QuestionType("scenario", q.ScenarioQuestion, "one", "radio", lettered=True),
        QuestionType("matching", q.Matching, "pairs", "select", lettered=False),
    )
}


def question_type(question: q.QuestionBase) -> QuestionType:
    """The registry's entry for ``question``."""
    return REGISTRY[question.type]  # type: ignore[attr-defined]
