"""How well does a learner who knows nothing score? A check run by scripts/test.sh.

Naive strategies are played against every question as it is shown (``question.choices()``: options in display order):
always the first option, always the longest, the option sharing most words with the prompt and
scenario, the longer half of a multi-select question's options, and always "True". Each score is
printed beside chance, for the lesson quizzes, for the self-assessment pool and (for the record)
for each module's pool, with the share of questions that ask to apply or analyse; the script fails when any strategy beats chance by more than 10
percentage points (or falls more than 10 below it, since the opposite habit would then win),
because then the quizzes reward a habit rather than understanding.

    python scripts/guess_benchmark.py [--root DIR]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from compact_course.core import models as m
from compact_course.core.course import load_course

MARGIN = 0.10  # how far above chance a strategy may score
WORD = re.compile(r"[a-z0-9’']+")
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "what",
        "which",
        "who",
        "with",
        "you",
        "your",
    ]
)


@dataclass(frozen=True)
class Outcome:
    strategy: str
    questions: int
    score: float
    chance: float

    @property
    def fair(self) -> bool:
        # Far below chance is a cue too: the opposite habit would then beat chance.
        return abs(self.score - self.chance) <= MARGIN


def _words(text: str) -> set[str]:
    return {word for word in WORD.findall(text.lower()) if word not in STOP_WORDS}


def _first(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    return choices[0]


def _longest(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    return max(choices, key=lambda choice: len(choice.text))  # max keeps the first of equals


def _most_prompt_words(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    asked = _words(question.prompt + " " + (getattr(question, "scenario", "") or ""))
    return max(choices, key=lambda choice: len(asked & _words(choice.text)))


def _share(right: float, count: int) -> float:
    return right / count if count else 0.0


def _single_answer(questions: Sequence[m.QuestionBase], name: str, pick: Callable) -> Outcome:
    chosen = [q for q in questions if isinstance(q, (m.SingleChoice, m.ScenarioQuestion))]
    right = sum(pick(q, q.choices()).correct for q in chosen)
    chance = _share(sum(1 / len(q.choices()) for q in chosen), len(chosen))
    return Outcome(name, len(chosen), _share(right, len(chosen)), chance)


def _longer_half(questions: Sequence[m.QuestionBase]) -> Outcome:
    chosen = [q for q in questions if isinstance(q, m.MultipleSelect)]
    right = 0
    for question in chosen:
        choices = question.choices()
        half = sorted(choices, key=lambda choice: -len(choice.text))[: math.ceil(len(choices) / 2)]
        right += {c.key for c in half} == {c.key for c in choices if c.correct}
    chance = _share(sum(1 / (2 ** len(q.choices()) - 1) for q in chosen), len(chosen))
    return Outcome("multi-select: the longer half", len(chosen), _share(right, len(chosen)), chance)


def _always_true(questions: Sequence[m.QuestionBase]) -> Outcome:
    chosen = [q for q in questions if isinstance(q, m.TrueFalse)]
    right = sum(q.answer for q in chosen)
    return Outcome("true-false: always True", len(chosen), _share(right, len(chosen)), 0.5)


def outcomes(questions: Sequence[m.QuestionBase]) -> list[Outcome]:
    return [
        _single_answer(questions, "single answer: always the first option", _first),
        _single_answer(questions, "single answer: always the longest option", _longest),
        _single_answer(questions, "single answer: most words shared with the prompt", _most_prompt_words),
        _longer_half(questions),
        _always_true(questions),
    ]


def applied_share(questions: Sequence[m.QuestionBase]) -> float:
    """The share of questions tagged ``level: apply`` or ``level: analyse`` (untagged count as neither)."""
    return sum(getattr(q, "level", None) in ("apply", "analyse") for q in questions) / len(questions)


def report(title: str, questions: Sequence[m.QuestionBase], binding: bool = True) -> list[Outcome]:
    """Print every strategy's score beside chance for one set of questions; return the unfair ones.

    A set that is not ``binding`` (one module's pool, a handful of questions per type) is printed
    for the record only: its scores swing with a single question.
    """
    results = [outcome for outcome in outcomes(questions) if outcome.questions]
    note = "" if binding else "  (for the record; too few questions to judge)"
    print(f"\n{title}: {len(questions)} questions, {applied_share(questions):.0%} apply or analyse{note}")
    print(f"{'strategy':52} {'questions':>9} {'score':>6} {'chance':>6}")
    for outcome in results:
        flag = "" if outcome.fair or not binding else f"  <- more than {MARGIN:.0%} from chance"
        print(f"{outcome.strategy:52} {outcome.questions:9} {outcome.score:6.0%} {outcome.chance:6.0%}{flag}")
    return [outcome for outcome in results if binding and not outcome.fair]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None, help="course folder (default: this checkout)")
    args = parser.parse_args(argv)
    course = load_course(args.root)
    # Lesson quizzes and the self-assessment's own pool: a guesser must pass neither.
    unfair = report("Lesson quizzes", course.all_questions())
    unfair += report("Self-assessment pool", course.pool_questions())
    for module in course.modules:
        pool = course.pool_questions(module.id)
        if pool:
            report(f"Self-assessment pool, {module.id}", pool, binding=False)
    print(
        "\nguess benchmark:",
        "FAILED" if unfair else "OK",
        f"({len(unfair)} strategy score(s) more than {MARGIN:.0%} from chance on the lesson quizzes or the pool)",
    )
    return 1 if unfair else 0


if __name__ == "__main__":
    sys.exit(main())
