"""Typed, immutable models of the course: Q&A, sources, figures, lessons and the self-assessment.

Every model forbids unknown fields and is frozen. Field-level rules (non-empty text,
kebab-case ids, addresses, percentages) live here and in :mod:`compact_course.core.fields`;
the question types live in :mod:`compact_course.core.questions` and are re-exported here, so
``models.SingleChoice`` keeps working. Rules that need the whole course (references,
coverage) live in :mod:`compact_course.core.rules`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, Strict, model_validator

from compact_course.core.fields import (  # noqa: F401  (re-exported for other model modules)
    DATE,
    EMAIL,
    FORBIDDEN_OPTIONS,
    KEBAB,
    Count,
    DateText,
    Email,
    Flag,
    Id,
    Model,
    Text,
    Url,
    _unique,
)
from compact_course.core.questions import (  # noqa: F401  (re-exported: models.SingleChoice etc.)
    QUESTION_TYPES,
    AssessmentPool,
    Choice,
    Matching,
    MatchItem,
    MultipleSelect,
    Option,
    Pair,
    PoolMeta,
    Question,
    QuestionBase,
    QuizBank,
    QuizMeta,
    ScenarioQuestion,
    SingleChoice,
    TrueFalse,
)

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
    # How the page labels `question` where the source's row is not a question (a heading, say);
    # without it the page says "The question as it was asked".
    question_label: Text | None = None
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
    # The year of the Internet Archive copy to link, where the source gives no date or year of its own.
    archived: Annotated[int, Strict(), Field(ge=1996, le=2100)] | None = None

    def snapshot_year(self, default: int) -> int:
        """The year whose archived copy to link: the source's own year, else ``archived``, else ``default``."""
        if self.date:
            return int(self.date[:4])
        return self.year or self.archived or default


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
    # What the closed reveal over the takeaway is called; without it, "What the Compact suggests".
    reveal: Text | None = None


class DiscussionPrompt(Model):
    id: Id
    prompt: Text


class Today(Model):
    """What applies now, for the box that ends a lesson: one or two sentences and the sources they cite."""

    text: Text
    sources: tuple[Id, ...] = ()


class Lesson(Model):
    """A lesson teaches one Q&A entry (``qa``) or, in the "What applies today" module, public sources
    (``sources``: the course's own summary of them, with no "Compact Voice's answer" block)."""

    id: Id
    qa: Id | None = None
    sources: tuple[Id, ...] = ()
    title: Text
    minutes: Annotated[int, Strict(), Field(ge=1, le=120)]
    questions: tuple[Text, ...] = Field(min_length=1)
    objectives: tuple[Text, ...] = Field(min_length=1)
    key_points: tuple[Text, ...] = Field(min_length=1)
    in_practice: InPractice
    discussion: tuple[DiscussionPrompt, ...] = Field(min_length=1)
    charts: tuple[Id, ...] = ()
    # Optional in the model so that `check` can say which lesson lacks one (core/rules/today.py).
    today: Today | None = None

    @model_validator(mode="after")
    def _teaches_something(self):
        if self.qa is None and not self.sources:
            raise ValueError(
                "teaches nothing: give the Q&A entry it teaches (qa) or the sources it summarises (sources)"
            )
        return self


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
    # Which part of the lesson the minutes cover; session plans add quiz polls on top.
    part: Literal["reading", "scenario", "discussion", "quiz"] | None = None


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


# --- The self-assessment ---------------------------------------------------------------------


class DrawSettings(Model):
    per_module: Annotated[int, Strict(), Field(ge=1, le=10)]
    seed: Count


class AssessmentFile(Model):
    title: Text
    # The pass mark (percent) an LMS applies to the SCORM package (adlcp:masteryscore).
    mastery_score: Annotated[int, Strict(), Field(ge=0, le=100)] = 80
    fixed: tuple[Id, ...] = Field(min_length=1)
    draw: DrawSettings
