"""The quiz question models: five question types, their options, and a lesson's quiz bank.

Each type checks its own shape (one correct option, complete pairs, no "all of the above")
and offers :meth:`~QuestionBase.choices`, the normalised answers renderers and scoring use.
Re-exported by :mod:`compact_course.core.models`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, model_validator

from compact_course.core.fields import FORBIDDEN_OPTIONS, Flag, Id, Model, Text, _unique
from compact_course.core.option_order import arrange_shuffled, arrange_single_answer


class Option(Model):
    text: Text
    feedback: Text
    correct: Flag = False
    # The belief a newcomer might really hold that this wrong option stands for (item-writing.md).
    misconception: Text | None = None


class Choice(Model):
    """A normalised answer choice: what renderers and scoring work with."""

    key: str
    text: str
    correct: bool
    feedback: str


def _check_options(options: tuple[Option, ...], exactly_one: bool) -> None:
    _unique((option.text for option in options), "option")
    for option in options:
        if FORBIDDEN_OPTIONS.search(option.text):
            raise ValueError(f"option {option.text!r}: 'all/none of the above' options are not allowed")
    correct = sum(option.correct for option in options)
    if exactly_one and correct != 1:
        raise ValueError(f"needs exactly one correct option, has {correct}")
    if not exactly_one and correct < 1:
        raise ValueError("needs at least one correct option")


# What a question asks the learner to do: apply or analyse a point in a situation, or recall it.
Level = Literal["apply", "analyse", "recall"]


class QuestionBase(Model):
    id: Id
    prompt: Text
    # The Q&A entries the question draws on and/or the sources (data/sources.yaml) of the facts it
    # tests beyond the Q&A; at least one of the two.
    qa: tuple[Id, ...] = ()
    sources: tuple[Id, ...] = ()
    explanation: Text
    hint: Text | None = None
    level: Level | None = None

    @model_validator(mode="after")
    def _cites_something(self):
        if not self.qa and not self.sources:
            raise ValueError("cites nothing: give the Q&A entries it draws on (qa) or its sources (sources)")
        return self

    def choices(self) -> tuple[Choice, ...]:
        """The choices a learner picks from, in display order (:mod:`compact_course.core.option_order`).

        Keys ``a``, ``b``, ... follow the bank's order, so saved answers survive a change of order.
        """
        in_bank_order = tuple(
            Choice(key=chr(ord("a") + index), text=o.text, correct=o.correct, feedback=o.feedback)
            for index, o in enumerate(self.options)  # type: ignore[attr-defined]
        )
        return self._arrange(in_bank_order)

    def _arrange(self, choices: tuple[Choice, ...]) -> tuple[Choice, ...]:
        return arrange_shuffled(self.id, choices)


class _SingleAnswer(QuestionBase):
    """A question with exactly one correct option, whose place the id decides (single, scenario)."""

    options: tuple[Option, ...] = Field(min_length=2, max_length=8)

    @model_validator(mode="after")
    def _one_correct(self):
        _check_options(self.options, exactly_one=True)
        return self

    def _arrange(self, choices: tuple[Choice, ...]) -> tuple[Choice, ...]:
        return arrange_single_answer(self.id, choices, [choice.correct for choice in choices])


class SingleChoice(_SingleAnswer):
    type: Literal["single"]


class ScenarioQuestion(_SingleAnswer):
    type: Literal["scenario"]
    scenario: Text


class MultipleSelect(QuestionBase):
    type: Literal["multiple"]
    options: tuple[Option, ...] = Field(min_length=2, max_length=8)

    @model_validator(mode="after")
    def _some_correct(self):
        _check_options(self.options, exactly_one=False)
        return self


class TrueFalse(QuestionBase):
    type: Literal["true-false"]
    answer: Flag
    feedback_true: Text
    feedback_false: Text
    # The belief behind the wrong answer (item-writing.md), as an option's ``misconception``.
    misconception: Text | None = None

    # The two options' words (data/interface.yaml ``form.true_label``/``false_label``), given by
    # the Course the question belongs to (:meth:`Course.__post_init__`).
    _labels: tuple[str, str] | None = PrivateAttr(default=None)

    def set_labels(self, words: tuple[str, str]) -> None:
        self._labels = words

    def choices(self) -> tuple[Choice, ...]:
        if self._labels is None:
            raise LookupError(f"{self.id}: a true-or-false question's options take their words from its Course")
        true, false = self._labels
        return (
            Choice(key="true", text=true, correct=self.answer, feedback=self.feedback_true),
            Choice(key="false", text=false, correct=not self.answer, feedback=self.feedback_false),
        )


class Pair(Model):
    item: Text
    match: Text
    feedback: Text


class MatchItem(Model):
    """A normalised matching item: the learner picks ``answer`` (a choice key) for it."""

    key: str
    text: str
    answer: str
    feedback: str


class Matching(QuestionBase):
    type: Literal["matching"]
    pairs: tuple[Pair, ...] = Field(min_length=2, max_length=8)
    distractors: tuple[Text, ...] = ()
    # The belief behind the likely wrong matches and the distractors (item-writing.md).
    misconception: Text | None = None

    @model_validator(mode="after")
    def _complete_pairs(self):
        _unique((pair.item for pair in self.pairs), "item")
        _unique([pair.match for pair in self.pairs] + list(self.distractors), "match")
        return self

    def choices(self) -> tuple[Choice, ...]:
        """Every match a select box offers, in alphabetical order so position gives nothing away."""
        texts = sorted([pair.match for pair in self.pairs] + list(self.distractors), key=str.casefold)
        correct = {pair.match for pair in self.pairs}
        return tuple(
            Choice(key=chr(ord("a") + index), text=text, correct=text in correct, feedback="")
            for index, text in enumerate(texts)
        )

    def items(self) -> tuple[MatchItem, ...]:
        key_of = {choice.text: choice.key for choice in self.choices()}
        return tuple(
            MatchItem(key=str(index + 1), text=pair.item, answer=key_of[pair.match], feedback=pair.feedback)
            for index, pair in enumerate(self.pairs)
        )


Question = Annotated[
    SingleChoice | ScenarioQuestion | MultipleSelect | TrueFalse | Matching,
    Field(discriminator="type"),
]
QUESTION_TYPES = ("single", "multiple", "true-false", "scenario", "matching")


class QuizMeta(Model):
    id: Id
    lesson: Id
    title: Text


class QuizBank(Model):
    quiz: QuizMeta
    questions: tuple[Question, ...] = Field(min_length=1)


class PoolMeta(Model):
    module: Id
    title: Text


class AssessmentPool(Model):
    """One module's questions for the final self-assessment (``quizzes/assessment/<module>.yaml``).

    No lesson shows them, so the self-assessment measures what was learnt, not what was just seen.
    """

    pool: PoolMeta
    questions: tuple[Question, ...] = Field(min_length=1)
