"""Typed, immutable models of the course: Q&A, sources, figures, lessons and quizzes.

Every model forbids unknown fields and is frozen. Field-level rules (non-empty text,
kebab-case ids, addresses, percentages, the shape of each question type) live here;
rules that need the whole course (references, coverage) live in :mod:`compact_course.core.course`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, model_validator

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
FORBIDDEN_OPTIONS = re.compile(r"\b(all|none) of the above\b", re.IGNORECASE)


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _kebab(value: str) -> str:
    if not KEBAB.match(value):
        raise ValueError(f"{value!r} is not a kebab-case id (lower-case words joined by '-')")
    return value


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value or "." not in parts.netloc:
        raise ValueError(f"{value!r} is not an http(s) address with a host")
    return value


def _date(value: str) -> str:
    if not DATE.match(value):
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _email(value: str) -> str:
    if not EMAIL.match(value):
        raise ValueError(f"{value!r} is not an e-mail address")
    return value


Text = Annotated[str, Strict(), AfterValidator(_non_blank)]
Id = Annotated[str, Strict(), AfterValidator(_kebab)]
Url = Annotated[str, Strict(), AfterValidator(_url)]
DateText = Annotated[str, Strict(), AfterValidator(_date)]
Email = Annotated[str, Strict(), AfterValidator(_email)]
Flag = Annotated[bool, Strict()]
Count = Annotated[int, Strict()]


def _unique(values, what: str):
    seen = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} {value!r} is given twice")
        seen.add(value)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- The Q&A -----------------------------------------------------------------------------


class AnswerPoint(Model):
    """One bullet point of Compact Voice's answer (quoted), with nested points if any."""

    text: Text
    points: tuple[Text, ...] = ()
    source: Id | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, data):
        return {"text": data} if isinstance(data, str) else data


class Example(Model):
    """An item from the 'practical examples and further information' column."""

    title: Text
    note: Text | None = None
    source: Id | None = None
    page: Text | None = None
    email: Email | None = None

    @model_validator(mode="after")
    def _says_something(self):
        if self.note is None and self.source is None and self.email is None:
            raise ValueError("an example needs at least one of note, source or email")
        return self


class QAEntry(Model):
    id: Id
    question: Text
    themes: tuple[Id, ...] = Field(min_length=1)
    answer: tuple[AnswerPoint, ...] = Field(min_length=1)
    examples: tuple[Example, ...] = ()


class QAFile(Model):
    entries: tuple[QAEntry, ...] = Field(min_length=1)


# --- Sources, figures, timeline, glossary ----------------------------------------------------


class Source(Model):
    id: Id
    title: Text
    publisher: Text
    kind: Literal["web-page", "document", "news", "organisation", "guidance", "report"]
    year: Annotated[int, Strict(), Field(ge=1990, le=2100)] | None = None
    date: DateText | None = None
    url: Url | None = None


class SourcesFile(Model):
    sources: tuple[Source, ...] = Field(min_length=1)


class Figure(Model):
    id: Id
    label: Text
    measure: Text
    value: Annotated[float, Field(allow_inf_nan=False)]
    unit: Literal["percent", "count", "weeks", "departments", "areas"]
    date: DateText
    source: Id
    series: Id | None = None
    order: Count | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _percent_in_range(self):
        if self.unit == "percent" and not 0 <= self.value <= 100:
            raise ValueError(f"a percentage must lie between 0 and 100, not {self.value:g}")
        if self.unit != "percent" and self.value < 0:
            raise ValueError(f"a {self.unit} figure cannot be negative")
        if (self.series is None) != (self.order is None):
            raise ValueError("series and order go together")
        return self

    @property
    def display_value(self) -> str:
        number = f"{self.value:g}"
        return f"{number}%" if self.unit == "percent" else number


class FiguresFile(Model):
    figures: tuple[Figure, ...] = Field(min_length=1)


class Event(Model):
    id: Id
    date: DateText
    title: Text
    description: Text
    sources: tuple[Id, ...] = Field(min_length=1)

    @property
    def year(self) -> int:
        return int(self.date[:4])


class TimelineFile(Model):
    events: tuple[Event, ...] = Field(min_length=1)


class Term(Model):
    id: Id
    term: Text
    definition: Text
    expansion: Text | None = None
    see_also: tuple[Id, ...] = ()
    source: Id | None = None


class GlossaryFile(Model):
    terms: tuple[Term, ...] = Field(min_length=1)


# --- Lessons and facilitator notes -------------------------------------------------------------


class InPractice(Model):
    title: Text
    scenario: Text
    takeaway: Text


class DiscussionPrompt(Model):
    id: Id
    prompt: Text


class Lesson(Model):
    id: Id
    qa: Id
    title: Text
    minutes: Annotated[int, Strict(), Field(ge=1, le=120)]
    questions: tuple[Text, ...] = Field(min_length=1)
    objectives: tuple[Text, ...] = Field(min_length=1)
    key_points: tuple[Text, ...] = Field(min_length=1)
    in_practice: InPractice
    discussion: tuple[DiscussionPrompt, ...] = Field(min_length=1)
    charts: tuple[Id, ...] = ()


class Module(Model):
    id: Id
    title: Text
    summary: Text
    lessons: tuple[Lesson, ...] = Field(min_length=1)


class LessonsFile(Model):
    modules: tuple[Module, ...] = Field(min_length=1)


class Timing(Model):
    activity: Text
    minutes: Annotated[int, Strict(), Field(ge=1)]


class PromptNotes(Model):
    prompt: Id
    good_answers: tuple[Text, ...] = Field(min_length=1)


class FacilitatorNotes(Model):
    lesson: Id
    timings: tuple[Timing, ...] = Field(min_length=1)
    discussion: tuple[PromptNotes, ...] = ()
    misconceptions: tuple[Text, ...] = ()
    spark_questions: tuple[Id, ...] = ()


class FacilitatorFile(Model):
    lessons: tuple[FacilitatorNotes, ...] = Field(min_length=1)


# --- Quizzes ---------------------------------------------------------------------------------


class Option(Model):
    text: Text
    feedback: Text
    correct: Flag = False


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


class QuestionBase(Model):
    id: Id
    prompt: Text
    qa: tuple[Id, ...] = Field(min_length=1)
    explanation: Text
    hint: Text | None = None

    def choices(self) -> tuple[Choice, ...]:
        """The choices a learner picks from, keyed ``a``, ``b``, ... in bank order."""
        return tuple(
            Choice(key=chr(ord("a") + index), text=o.text, correct=o.correct, feedback=o.feedback)
            for index, o in enumerate(self.options)  # type: ignore[attr-defined]
        )


class SingleChoice(QuestionBase):
    type: Literal["single"]
    options: tuple[Option, ...] = Field(min_length=2, max_length=8)

    @model_validator(mode="after")
    def _one_correct(self):
        _check_options(self.options, exactly_one=True)
        return self


class ScenarioQuestion(QuestionBase):
    type: Literal["scenario"]
    scenario: Text
    options: tuple[Option, ...] = Field(min_length=2, max_length=8)

    @model_validator(mode="after")
    def _one_correct(self):
        _check_options(self.options, exactly_one=True)
        return self


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

    def choices(self) -> tuple[Choice, ...]:
        return (
            Choice(key="true", text="True", correct=self.answer, feedback=self.feedback_true),
            Choice(key="false", text="False", correct=not self.answer, feedback=self.feedback_false),
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
    shuffle: Flag = False
    seed: Count | None = None


class QuizBank(Model):
    quiz: QuizMeta
    questions: tuple[Question, ...] = Field(min_length=1)


# --- The self-assessment ---------------------------------------------------------------------


class DrawSettings(Model):
    per_module: Annotated[int, Strict(), Field(ge=1, le=10)]
    seed: Count


class AssessmentFile(Model):
    title: Text
    fixed: tuple[Id, ...] = Field(min_length=1)
    draw: DrawSettings
