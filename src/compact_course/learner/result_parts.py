"""The parts of a self-assessment result: each question's outcome, the module, lesson and
advice rows, and the tallies of outcomes (latest answers and first attempts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compact_course.core.tally import Tally

NOT_ATTEMPTED = "not attempted"
ATTEMPTED = "attempted"


@dataclass(frozen=True)
class QuestionOutcome:
    question_id: str
    lesson_id: str
    module_id: str
    answered: bool
    correct: bool
    changed: bool  # a response was given, but for an earlier version of the question
    first_correct: bool | None = None  # the first attempt: right or not; None if none was made

    @property
    def status(self) -> str:
        if self.correct:
            return "correct"
        return "incorrect" if self.answered else "unanswered"


def tally_of(outcomes: Sequence[QuestionOutcome]) -> Tally:
    return Tally(sum(o.correct for o in outcomes), sum(o.answered for o in outcomes), len(outcomes))


def first_of(outcomes: Sequence[QuestionOutcome]) -> Tally:
    """First attempts: how many were right, how many were made, of how many questions."""
    made = [o for o in outcomes if o.first_correct is not None]
    return Tally(sum(bool(o.first_correct) for o in made), len(made), len(outcomes))


def attempt_status(tally: Tally) -> str:
    return ATTEMPTED if tally.attempted else NOT_ATTEMPTED


@dataclass(frozen=True)
class ModuleScore:
    module_id: str
    number: int
    title: str
    tally: Tally
    first: Tally | None = None  # first attempts (None: not known)

    @property
    def status(self) -> str:
        return attempt_status(self.tally)

    @property
    def percent_text(self) -> str:
        """The percentage as shown in tables: ``63%``, or "not attempted"."""
        return f"{self.tally.percent}%" if self.tally.attempted else NOT_ATTEMPTED

    @property
    def score_text(self) -> str:
        if not self.tally.attempted:
            return f"not attempted (0 of {self.tally.total} answered)"
        return f"{self.tally} ({self.tally.percent}%)"


@dataclass(frozen=True)
class LessonScore:
    """The self-assessment's questions on one lesson, as the CSV's lesson rows give them."""

    lesson_id: str
    module_id: str
    number: int
    title: str
    tally: Tally
    first: Tally


@dataclass(frozen=True)
class AdviceItem:
    lesson_id: str
    number: int
    title: str
    link: str  # relative to the self-assessment page
    missed: int  # questions answered wrongly or not answered
    total: int  # the lesson's questions in this assessment
    question_ids: tuple[str, ...]  # the missed questions, in assessment order


@dataclass(frozen=True)
class LessonRef:
    """A lesson not yet studied: no lesson quiz answered."""

    lesson_id: str
    number: int
    title: str
    link: str  # relative to the self-assessment page
