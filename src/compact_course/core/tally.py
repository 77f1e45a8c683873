"""The correct / answered / total tally, modelled once.

A quiz score, a module's result in the self-assessment, a lesson's progress and a poll's summary
row all count the same three things. ``Tally`` holds them; ``percent`` is the one rounding rule
(halves rounded up, as JavaScript's ``Math.round`` does for these non-negative values, so the
static book and Python agree: 5 of 8 is 63%).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def percent(correct: int, total: int) -> int:
    """Whole-number percentage of ``correct`` out of ``total``, halves rounded up."""
    if total <= 0:
        raise ValueError("a percentage needs at least one question")
    # Integer arithmetic: floor((correct / total) * 100 + 1/2) without floating-point error.
    return (200 * correct + total) // (2 * total)


@dataclass(frozen=True)
class Tally:
    """How many of ``total`` questions were ``answered``, and how many of those ``correct``."""

    correct: int
    answered: int
    total: int

    def __post_init__(self) -> None:
        if not 0 <= self.correct <= self.answered <= self.total:
            raise ValueError(
                f"a tally needs 0 <= correct <= answered <= total, not {self.correct}, {self.answered}, {self.total}"
            )

    @classmethod
    def sum(cls, tallies: Iterable[Tally]) -> Tally:
        """The tally of several parts together (an empty collection is 0 of 0)."""
        correct = answered = total = 0
        for part in tallies:
            correct += part.correct
            answered += part.answered
            total += part.total
        return cls(correct, answered, total)

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.answered + other.answered, self.total + other.total)

    @property
    def complete(self) -> bool:
        """Every question answered."""
        return self.answered == self.total

    @property
    def attempted(self) -> bool:
        """At least one question answered."""
        return self.answered > 0

    @property
    def missed(self) -> int:
        """Questions not answered correctly: answered wrongly or not answered."""
        return self.total - self.correct

    @property
    def percent(self) -> int:
        """Whole-number percentage correct of the total (ValueError for a tally of no questions)."""
        return percent(self.correct, self.total)

    def __str__(self) -> str:
        return f"{self.correct} of {self.total} correct"
