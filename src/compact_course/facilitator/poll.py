"""Room poll for live workshops: show a question, enter the room's votes, chart them, reveal.

:class:`RoomPoll` is the plain-Python model, so it can be driven and tested without a front
end: ``set_count("a", 4)``, ``chart_values()``, ``reveal()``, ``next()``, ``summary()``.
:meth:`RoomPoll.widget` wraps it in the ipywidgets view of :mod:`.poll_view` for JupyterLab
and Voila. What the room votes on for each question type, and the question sets, are in
:mod:`.poll_questions`; the chart is in :mod:`.poll_chart`; the summary in :mod:`.poll_summary`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from compact_course.core import models as m
from compact_course.core.course import Course, cached_course
from compact_course.core.escaping import e
from compact_course.facilitator.poll_chart import PollChart, poll_chart
from compact_course.facilitator.poll_questions import (
    PollOption,
    QuestionSet,
    Reveal,
    poll_options,
    question_sets,
    reveal_for,
)
from compact_course.facilitator.poll_summary import PollSummary, SummaryRow
from compact_course.quiz.html import TYPE_LABELS

if TYPE_CHECKING:
    from compact_course.facilitator.poll_view import RoomPollView

__all__ = [
    "MAX_COUNT",
    "PollChart",
    "PollOption",
    "PollSummary",
    "QuestionSet",
    "Reveal",
    "RoomPoll",
    "SummaryRow",
    "poll_options",
    "question_sets",
    "reveal_for",
]

MAX_COUNT = 9999


class RoomPoll:
    """A sequence of questions with the room's vote counts, one question at a time."""

    def __init__(self, course: Course, questions: Sequence[m.QuestionBase], title: str, set_key: str | None = None):
        if not questions:
            raise ValueError(f"room poll {title!r} has no questions")
        self.course = course
        self.questions = tuple(questions)
        self.title = title
        self.set_key = set_key
        self.position = 0
        self._counts = [{option.key: 0 for option in poll_options(q)} for q in self.questions]
        self._revealed = [False] * len(self.questions)

    # Building --------------------------------------------------------------------------------
    @classmethod
    def from_set(cls, key: str = "starters", course: Course | None = None) -> RoomPoll:
        course = course or cached_course()
        sets = question_sets(course)
        if key not in sets:
            raise KeyError(f"no question set {key!r}; sets are: {', '.join(sets)}")
        chosen = sets[key]
        return cls(course, [course.question(qid) for qid in chosen.question_ids], chosen.title, key)

    @classmethod
    def for_module(cls, module: int | str, starters_only: bool = False, course: Course | None = None) -> RoomPoll:
        course = course or cached_course()
        number = module if isinstance(module, int) else course.module_number(module)
        return cls.from_set(f"module-{number}-starters" if starters_only else f"module-{number}", course)

    @classmethod
    def for_lesson(cls, lesson_id: str, course: Course | None = None) -> RoomPoll:
        course = course or cached_course()
        course.lesson(lesson_id)  # a clear KeyError for an unknown lesson
        return cls.from_set(f"lesson-{lesson_id}", course)

    # Where we are ------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def question(self) -> m.QuestionBase:
        return self.questions[self.position]

    @property
    def options(self) -> tuple[PollOption, ...]:
        return poll_options(self.question)

    def go_to(self, number: int) -> int:
        if not 1 <= number <= self.total:
            raise IndexError(f"question {number} does not exist; this poll has questions 1 to {self.total}")
        self.position = number - 1
        return self.number

    def next(self) -> int:
        if self.number == self.total:
            raise IndexError(
                f"already at the last question ({self.total} of {self.total}); see summary() for the results"
            )
        return self.go_to(self.number + 1)

    def previous(self) -> int:
        if self.number == 1:
            raise IndexError("already at the first question")
        return self.go_to(self.number - 1)

    # Votes ------------------------------------------------------------------------------------
    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts[self.position])

    def set_count(self, key: str, count: int) -> None:
        current = self._counts[self.position]
        if key not in current:
            raise KeyError(f"question {self.number} has no option {key!r}; its options are {', '.join(current)}")
        if isinstance(count, bool) or not isinstance(count, int):
            raise ValueError(f"a vote count must be a whole number; got {count!r} for option {key!r}")
        if not 0 <= count <= MAX_COUNT:
            raise ValueError(f"a vote count must be between 0 and {MAX_COUNT}; got {count} for option {key!r}")
        current[key] = count

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Set several counts at once; options not named keep their counts."""
        for key, count in counts.items():
            self.set_count(key, count)

    def add_vote(self, key: str, votes: int = 1) -> int:
        self.set_count(key, self.counts.get(key, 0) + votes)
        return self.counts[key]

    def clear(self) -> None:
        for key in self._counts[self.position]:
            self._counts[self.position][key] = 0

    @property
    def votes(self) -> int:
        return sum(self._counts[self.position].values())

    def chart_values(self) -> tuple[tuple[str, int], ...]:
        """(option label, votes) in option order: exactly what the bar chart plots."""
        counts = self._counts[self.position]
        return tuple((option.label, counts[option.key]) for option in self.options)

    # Reveal -----------------------------------------------------------------------------------
    @property
    def revealed(self) -> bool:
        return self._revealed[self.position]

    def reveal(self) -> Reveal:
        self._revealed[self.position] = True
        return reveal_for(self.question)

    # Chart and summary --------------------------------------------------------------------------
    def chart(self) -> PollChart:
        return poll_chart(self.number, self.total, self.options, self._counts[self.position], self.revealed)

    def summary(self) -> PollSummary:
        rows = []
        for index, question in enumerate(self.questions):
            counts = self._counts[index]
            correct = sum(counts[o.key] for o in poll_options(question) if o.correct)
            rows.append(
                SummaryRow.of_votes(index + 1, question.prompt, sum(counts.values()), correct, self._revealed[index])
            )
        return PollSummary(self.title, tuple(rows))

    # Display ----------------------------------------------------------------------------------
    def question_html(self) -> str:
        question = self.question
        qtype = question.type  # type: ignore[attr-defined]
        parts = [f'<p class="cc-poll-position">Question {self.number} of {self.total}</p>']
        if isinstance(question, m.ScenarioQuestion):
            parts.append(f"<p><strong>Scenario:</strong> {e(question.scenario)}</p>")
        parts.append(
            f'<p class="cc-poll-prompt"><strong>{e(question.prompt)}</strong> <em>{e(TYPE_LABELS[qtype])}</em></p>'
        )
        if isinstance(question, m.Matching):
            items = "".join(f"<li>{e(item.text)}</li>" for item in question.items())
            matches = "".join(f"<li>{e(choice.text)}</li>" for choice in question.choices())
            parts.append(
                f"<p>Items:</p><ol>{items}</ol><p>Matches:</p><ul>{matches}</ul>"
                "<p>Ask the room: how many got every match right, some right, or none?</p>"
            )
        elif isinstance(question, m.MultipleSelect):
            parts.append("<p>People may vote for more than one option.</p>")
        return "".join(parts)

    def __repr__(self) -> str:
        return f"Room poll: {self.title} (question {self.number} of {self.total}, {self.votes} votes)"

    def to_html(self) -> str:
        html = f'<div class="cc-poll"><p><strong>Room poll:</strong> {e(self.title)}</p>{self.question_html()}'
        if self.votes:
            html += self.chart().to_html()
        if self.revealed:
            html += reveal_for(self.question).to_html()
        return html + "</div>"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": repr(self), "text/html": self.to_html()}

    def widget(self) -> RoomPollView:
        # Imported here: the view imports this module, and plain-Python use needs no ipywidgets.
        from compact_course.facilitator.poll_view import RoomPollView

        return RoomPollView(self)
