"""A quiz is one object with two renderings: static, accessible HTML and a live widget.

In a live kernel (JupyterLab, Voila) the front end shows the widget (:mod:`.widget`: the quiz
script itself, through anywidget); the static book drops that view
(``nb_mime_priority_overrides`` in ``_config.yml``) and shows the ``text/html`` form, which the
same script makes interactive.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.quiz.data import course_manifest
from compact_course.quiz.html import Draw, render_questions_html

if TYPE_CHECKING:
    from compact_course.quiz.widget import CourseWidget

__all__ = ["WIDGET_VIEW", "Quiz", "QuizSettings", "with_widget_view"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def with_widget_view(bundle: dict, widget: Any) -> dict:
    """``bundle`` (text/plain and text/html, which the static book shows) plus the widget's view,
    which a live front end shows instead."""
    view = widget._repr_mimebundle_()
    data = view[0] if isinstance(view, tuple) else view
    if data and WIDGET_VIEW in data:
        bundle[WIDGET_VIEW] = data[WIDGET_VIEW]
    return bundle


@dataclass(frozen=True)
class QuizSettings:
    """Where and how a quiz is shown.

    ``from_doc``: the page it is on (links are relative to it); ``id_prefix``: before each
    question's DOM id; ``store``: where the script saves its answers; ``mode``: "practice" or
    "exam"; ``draw``: when the questions are a pool the script draws each attempt's set from (the
    self-assessment, :class:`~compact_course.quiz.html.Draw`); ``lesson_number``: numbers its questions "7.1", "7.2", as the handouts do.
    """

    from_doc: str | None = None
    id_prefix: str = ""
    store: str = "lesson"
    mode: str = "practice"
    draw: Draw | None = None
    lesson_number: int | None = None
    lesson: str | None = None
    link: Callable[[str], str] = e


class Quiz:
    def __init__(
        self,
        course: Course,
        questions: Sequence[m.QuestionBase],
        quiz_id: str,
        title: str,
        settings: QuizSettings | None = None,
    ):
        if not questions:
            raise ValueError(f"quiz {quiz_id!r} has no questions")
        self.course = course
        self.questions = tuple(questions)
        self.quiz_id = quiz_id
        self.title = title
        self.settings = settings or QuizSettings()

    @classmethod
    def for_lesson(cls, course: Course, lesson_id: str, link: Callable[[str], str] = e) -> Quiz:
        bank = course.quiz_for(lesson_id)
        settings = QuizSettings(
            from_doc=course.lesson_docname(lesson_id),
            lesson_number=course.lesson_number(lesson_id),
            lesson=lesson_id,
            link=link,
        )
        return cls(course, bank.questions, bank.quiz.id, bank.quiz.title, settings)

    def to_html(self) -> str:
        s = self.settings
        return render_questions_html(
            self.course,
            self.questions,
            self.quiz_id,
            self.title,
            s.from_doc,
            s.id_prefix,
            s.store,
            s.mode,
            s.draw,
            s.lesson_number,
            s.lesson,
            s.link,
        )

    @functools.cached_property
    def widget(self) -> CourseWidget:
        """The live view: the quiz script with this quiz's HTML; ``widget.results`` and
        ``widget.score`` follow what the learner does."""
        from compact_course.quiz.widget import CourseWidget  # the widget library only where a widget is made

        return CourseWidget(kind="quiz", html=self.to_html(), manifest=course_manifest(self.course))

    def __repr__(self) -> str:
        return self.course.interface.book.quiz_text.fill(len(self.questions), title=self.title)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return with_widget_view({"text/plain": repr(self), "text/html": self.to_html()}, self.widget)
