"""Scoring rules for every question type, once, in Python.

The static book's ``quiz.js`` mirrors these rules; ``tests/fixtures/scoring_cases.json``
holds both to the same table of cases. A response is:

- single, scenario, true-false: one choice key (``"a"``, ``"true"``), or ``None``;
- multiple: a collection of choice keys;
- matching: a mapping of item key (``"1"``, ``"2"`` ...) to choice key.

A question is correct only when the whole response is right (every correct option and no
other; every item matched). An empty response is *unanswered*, not wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from compact_course.core import models as m
from compact_course.core.tally import Tally
from compact_course.quiz.data import fingerprint

__all__ = ["FeedbackLine", "QuestionResult", "fingerprint", "score_question", "score_results"]


@dataclass(frozen=True)
class FeedbackLine:
    key: str  # the choice key (or matching item key) the line is about
    correct: bool  # whether that part of the response was right
    text: str


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    answered: bool
    correct: bool
    feedback: tuple[FeedbackLine, ...] = ()

    @property
    def points(self) -> int:
        return int(self.correct)


def score_question(question: m.QuestionBase, response: Any) -> QuestionResult:
    """Score one response to one question (see the module docstring for response shapes)."""
    choices = {choice.key: choice for choice in question.choices()}
    if isinstance(question, m.Matching):
        return _score_matching(question, response or {}, choices)
    if isinstance(question, m.MultipleSelect):
        chosen = sorted(set(response or ()))
        _reject_unknown(question, chosen, choices)
        if not chosen:
            return QuestionResult(question.id, answered=False, correct=False)
        wanted = {key for key, choice in choices.items() if choice.correct}
        lines = [FeedbackLine(key, choices[key].correct, choices[key].feedback) for key in chosen]
        lines += [
            FeedbackLine(key, False, f"You did not select “{choices[key].text}”. {choices[key].feedback}")
            for key in sorted(wanted - set(chosen))
        ]
        return QuestionResult(question.id, True, set(chosen) == wanted, tuple(lines))
    if response in (None, ""):
        return QuestionResult(question.id, answered=False, correct=False)
    _reject_unknown(question, [response], choices)
    choice = choices[response]
    return QuestionResult(
        question.id, True, choice.correct, (FeedbackLine(choice.key, choice.correct, choice.feedback),)
    )


def _reject_unknown(question: m.QuestionBase, keys: Iterable[str], choices: Mapping) -> None:
    unknown = [key for key in keys if key not in choices]
    if unknown:
        raise ValueError(f"{question.id}: no choice {unknown[0]!r}; choices are {', '.join(choices)}")


def _score_matching(question: m.Matching, response: Mapping[str, str], choices: Mapping) -> QuestionResult:
    items = question.items()
    known_items = {item.key for item in items}
    for item_key, choice_key in response.items():
        if item_key not in known_items:
            raise ValueError(f"{question.id}: no item {item_key!r}")
        if choice_key not in (None, "") and choice_key not in choices:
            raise ValueError(f"{question.id}: no choice {choice_key!r}")
    if not any(response.get(item.key) for item in items):
        return QuestionResult(question.id, answered=False, correct=False)
    lines = []
    for item in items:
        chosen = response.get(item.key) or ""
        right = chosen == item.answer
        if right:
            lines.append(FeedbackLine(item.key, True, f"“{item.text}”: right. {item.feedback}"))
        else:
            picked = f"not “{choices[chosen].text}”" if chosen else "not answered"
            lines.append(FeedbackLine(item.key, False, f"“{item.text}”: {picked}. {item.feedback}"))
    return QuestionResult(question.id, True, all(line.correct for line in lines), tuple(lines))


def score_results(results: Iterable[QuestionResult], total: int) -> Tally:
    """The tally of a quiz's checked questions out of its ``total``."""
    results = list(results)
    return Tally(
        correct=sum(r.correct for r in results),
        answered=sum(r.answered for r in results),
        total=total,
    )
