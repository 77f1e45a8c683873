"""Room poll for live workshops: show a question, count the room's votes, chart them, reveal.

The poll itself (counting, moving, revealing, the chart and the summary) is the quiz script's
(``static/src/poll*.js``), in the book's room poll page and, in a live kernel, through the same
widget as the quizzes (:class:`compact_course.quiz.widget.CourseWidget` with ``kind="poll"``):
:attr:`RoomPoll.widget` is that widget, given the poll's data (:mod:`.poll_data`) and the
question set. Its ``summary`` trait follows the room's votes. What the room votes on for each
question type, and the question sets, are in :mod:`.poll_questions`.

In the static book (no kernel) the notebook shows :meth:`RoomPoll.to_html`: how to run the poll
and the set's questions, without answers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from compact_course.core import models as m
from compact_course.core.course import Course, cached_course
from compact_course.core.escaping import e
from compact_course.core.interface_models import fill
from compact_course.facilitator.poll_data import poll_data
from compact_course.facilitator.poll_questions import (
    PollOption,
    QuestionSet,
    Reveal,
    poll_options,
    question_sets,
    reveal_for,
)
from compact_course.quiz.quiz import with_widget_view

if TYPE_CHECKING:
    from compact_course.quiz.widget import CourseWidget

__all__ = ["PollOption", "QuestionSet", "Reveal", "RoomPoll", "poll_options", "question_sets", "reveal_for"]


class RoomPoll:
    """One question set of the room poll."""

    def __init__(self, course: Course, questions: Sequence[m.QuestionBase], title: str, set_key: str):
        if not questions:
            raise ValueError(f"room poll {title!r} has no questions")
        self.course = course
        self.questions = tuple(questions)
        self.title = title
        self.set_key = set_key

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

    @property
    def total(self) -> int:
        return len(self.questions)

    def __repr__(self) -> str:
        return self.course.interface.poll.static_text.fill(self.total, title=self.title)

    def to_html(self) -> str:
        """What the book shows without a kernel: how to run the poll and the questions in the set (no answers)."""
        words = self.course.interface.poll
        prompts = "".join(f"<li>{e(q.prompt)}</li>" for q in self.questions)
        sets = question_sets(self.course)
        listed = "".join(
            f"<li>{e(words.page_set_option.fill(len(s.question_ids), title=s.title))}</li>" for s in sets.values()
        )
        first = fill(e(words.static_first), title=f"<em>{e(self.title)}</em>")
        return (
            f'<div class="cc-poll cc-poll-static"><p><strong>{e(words.static_needs)}</strong> {e(words.static_how)}</p>'
            f"<p>{first}</p><ol>{prompts}</ol>"
            f"<details><summary>{e(words.static_sets)}</summary><ul>{listed}</ul></details></div>"
        )

    @functools.cached_property
    def widget(self) -> CourseWidget:
        """The live poll; ``widget.summary`` follows the room's votes and reveals."""
        from compact_course.quiz.widget import CourseWidget  # the widget library only where a widget is made

        # The front end's words (data/interface.yaml) travel as the manifest's text, as for a quiz.
        manifest = {"text": self.course.interface.model_dump()}
        return CourseWidget(kind="poll", poll=poll_data(self.course), manifest=manifest, set_key=self.set_key)

    def _repr_mimebundle_(self, include=None, exclude=None):
        """The live poll in a kernel; :meth:`to_html` in the static book."""
        return with_widget_view({"text/plain": repr(self), "text/html": self.to_html()}, self.widget)
