"""How well does a learner who knows nothing score? A check run by scripts/test.sh.

Naive and test-wise strategies are played against every question as it is shown
(``question.choices()``: options in display order): always the first option, the longest, the one
sharing most words with the prompt and scenario, the one without absolutes ("always", "only" ...),
the hedged one ("at the time", "may" ...), the odd one out in form (one "Yes" among "No"s, one much
longer option); in multi-select questions the longer half, every option without an absolute, every
hedged option; in true/false items always "True", or "False" for an absolute statement and "True"
for a hedged one. Each score is printed beside chance, for the lesson banks and the self-assessment
pool and then for each module, with the share of questions that ask to apply or analyse rather
than recall. The script fails when any strategy beats chance by more than 10 percentage points on
the lesson banks or on the pool (or falls more than 10 below it, since the opposite habit would
then win), because then the quizzes reward a habit rather than understanding. Per-module rows are
shown for evidence only: a module has too few questions of each type for a 10-point test.

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
from compact_course.core.course import Course, load_course
from compact_course.quiz.cue_rules import COMMON, is_absolute, is_hedged, odd_one_out

MARGIN = 0.10  # how far above chance a strategy may score
WORD = re.compile(r"[a-z0-9’']+")
SINGLE = (m.SingleChoice, m.ScenarioQuestion)
Pick = Callable[[m.QuestionBase, Sequence[m.Choice]], m.Choice]


@dataclass(frozen=True)
class Outcome:
    strategy: str
    questions: int
    score: float
    chance: float

    @property
    def fair(self) -> bool:
        # Far below chance is a cue too: the opposite habit would then beat chance.
        return self.questions == 0 or abs(self.score - self.chance) <= MARGIN


def _words(text: str) -> set[str]:
    # The cue rules' list of words too common to give a key away: one list for both.
    return {word for word in WORD.findall(text.lower()) if word not in COMMON}


def _first(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    return choices[0]


def _longest(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    return max(choices, key=lambda choice: len(choice.text))  # max keeps the first of equals


def _most_prompt_words(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    asked = _words(question.prompt + " " + (getattr(question, "scenario", "") or ""))
    return max(choices, key=lambda choice: len(asked & _words(choice.text)))


def _no_absolute(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    return next((choice for choice in choices if not is_absolute(choice.text)), choices[0])


def _hedged(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    return next((choice for choice in choices if is_hedged(choice.text)), choices[0])


def _odd_one_out(question: m.QuestionBase, choices: Sequence[m.Choice]) -> m.Choice:
    odd = odd_one_out(question)
    if odd is None:
        return choices[0]
    text = question.options[odd].text  # type: ignore[attr-defined]
    return next(choice for choice in choices if choice.text == text)


SINGLE_STRATEGIES: tuple[tuple[str, Pick], ...] = (
    ("always the first option", _first),
    ("always the longest option", _longest),
    ("most words shared with the prompt", _most_prompt_words),
    ("avoid absolutes (always, only, must ...)", _no_absolute),
    ("prefer hedges (at the time, may ...)", _hedged),
    ("the odd one out in form", _odd_one_out),
)


def _single_answer(questions: Sequence[m.QuestionBase], name: str, pick: Pick) -> Outcome:
    chosen = [q for q in questions if isinstance(q, SINGLE)]
    right = sum(pick(q, q.choices()).correct for q in chosen)
    chance = sum(1 / len(q.choices()) for q in chosen) / len(chosen) if chosen else 0.0
    return Outcome(f"single answer: {name}", len(chosen), right / len(chosen) if chosen else 0.0, chance)


def _multi(questions: Sequence[m.QuestionBase], name: str, select: Callable[[Sequence[m.Choice]], set[str]]) -> Outcome:
    chosen = [q for q in questions if isinstance(q, m.MultipleSelect)]
    right = 0
    for question in chosen:
        choices = question.choices()
        right += select(choices) == {c.key for c in choices if c.correct}
    chance = sum(1 / (2 ** len(q.choices()) - 1) for q in chosen) / len(chosen) if chosen else 0.0
    return Outcome(f"multi-select: {name}", len(chosen), right / len(chosen) if chosen else 0.0, chance)


def _longer_half(choices: Sequence[m.Choice]) -> set[str]:
    half = sorted(choices, key=lambda choice: -len(choice.text))[: math.ceil(len(choices) / 2)]
    return {c.key for c in half}


def _without_absolutes(choices: Sequence[m.Choice]) -> set[str]:
    return {c.key for c in choices if not is_absolute(c.text)}


def _with_hedges(choices: Sequence[m.Choice]) -> set[str]:
    return {c.key for c in choices if is_hedged(c.text)}


def _true_false(questions: Sequence[m.QuestionBase], name: str, guess: Callable[[str], bool]) -> Outcome:
    chosen = [q for q in questions if isinstance(q, m.TrueFalse)]
    right = sum(guess(q.prompt) == q.answer for q in chosen)
    return Outcome(f"true-false: {name}", len(chosen), right / len(chosen) if chosen else 0.0, 0.5)


def _wording_guess(statement: str) -> bool:
    """An absolute statement is false, a hedged one true, anything else true."""
    return is_hedged(statement) or not is_absolute(statement)


def outcomes(questions: Sequence[m.QuestionBase]) -> list[Outcome]:
    return [
        *(_single_answer(questions, name, pick) for name, pick in SINGLE_STRATEGIES),
        _multi(questions, "the longer half", _longer_half),
        _multi(questions, "every option without an absolute", _without_absolutes),
        _multi(questions, "every hedged option", _with_hedges),
        _true_false(questions, "always True", lambda statement: True),
        _true_false(questions, "absolute -> False, hedged -> True", _wording_guess),
    ]


def applied_share(questions: Sequence[m.QuestionBase]) -> float:
    """The share of questions tagged ``level: apply`` or ``analyse``."""
    return sum(q.level in ("apply", "analyse") for q in questions) / len(questions) if questions else 0.0


def scopes(course: Course) -> list[tuple[str, tuple[m.QuestionBase, ...], bool]]:
    """Each set of questions to report: (title, questions, whether it decides pass or fail)."""
    result = [
        ("lesson banks", course.all_questions(), True),
        ("self-assessment pool", course.pool_questions(), True),
    ]
    for module in course.modules:
        lessons = {lesson.id for lesson in module.lessons}
        banked = tuple(q for bank in course.quizzes if bank.quiz.lesson in lessons for q in bank.questions)
        result.append((f"{module.id}: lesson banks", banked, False))
        result.append((f"{module.id}: pool", course.pool_questions(module.id), False))
    return result


def _report(title: str, questions: Sequence[m.QuestionBase], results: Sequence[Outcome], decides: bool) -> None:
    note = "" if decides else " (evidence only)"
    print(f"\n{title}: {len(questions)} questions, {applied_share(questions):.0%} apply or analyse{note}")
    print(f"  {'strategy':62} {'questions':>9} {'score':>6} {'chance':>6}")
    for outcome in results:
        if not outcome.questions:
            continue
        flag = "" if outcome.fair else f"  <- more than {MARGIN:.0%} from chance"
        print(f"  {outcome.strategy:62} {outcome.questions:9} {outcome.score:6.0%} {outcome.chance:6.0%}{flag}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None, help="course folder (default: this checkout)")
    args = parser.parse_args(argv)
    course = load_course(args.root)
    unfair: list[str] = []
    checked = 0
    for title, questions, decides in scopes(course):
        results = outcomes(questions)
        _report(title, questions, results, decides)
        if decides:
            checked += sum(1 for outcome in results if outcome.questions)
            unfair += [f"{title}: {outcome.strategy}" for outcome in results if not outcome.fair]
    print(
        "\nguess benchmark:",
        "FAILED" if unfair else "OK",
        f"({checked - len(unfair)} of {checked} strategies within {MARGIN:.0%} of chance on the lesson banks and the pool)",
    )
    for name in unfair:
        print(f"  unfair: {name}")
    return 1 if unfair else 0


if __name__ == "__main__":
    sys.exit(main())
