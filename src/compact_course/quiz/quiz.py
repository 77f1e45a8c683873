"""A quiz is one object with two renderings: a live widget and static, accessible HTML.

In a live kernel (JupyterLab, Voila) the front end shows the ipywidgets view; the static
book drops that view (``nb_mime_priority_overrides`` in ``_config.yml``) and shows the
``text/html`` form, which ``quiz.js`` makes interactive.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.links import source_link
from compact_course.quiz.html import render_questions_html

if TYPE_CHECKING:
    from compact_course.quiz.widget import QuizWidget

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class Quiz:
    def __init__(
        self,
        course: Course,
        questions: Sequence[m.QuestionBase],
        quiz_id: str,
        title: str,
        from_doc: str | None = None,
        id_prefix: str = "",
        store: str = "lesson",
        mode: str = "practice",
        draw: tuple[int, int] | None = None,
        on_widget: Callable[[QuizWidget], None] | None = None,
        lesson_number: int | None = None,
        link: Callable[[str], str] = e,
    ):
        if not questions:
            raise ValueError(f"quiz {quiz_id!r} has no questions")
        self.course = course
        self.questions = tuple(questions)
        self.quiz_id = quiz_id
        self.title = title
        self.from_doc = from_doc
        self.id_prefix = id_prefix
        self.store = store
        self.mode = mode
        self.draw = draw
        self.on_widget = on_widget  # e.g. restore and save progress when the live view is made
        self.lesson_number = lesson_number  # numbers its questions "7.1", "7.2", as the handouts do
        self.link = link  # escapes a scenario, prompt or explanation (a lesson page links glossary terms)

    @classmethod
    def for_lesson(
        cls,
        course: Course,
        lesson_id: str,
        on_widget: Callable[[QuizWidget], None] | None = None,
        link: Callable[[str], str] = e,
    ) -> Quiz:
        bank = course.quiz_for(lesson_id)
        return cls(
            course,
            bank.questions,
            bank.quiz.id,
            bank.quiz.title,
            course.lesson_docname(lesson_id),
            on_widget=on_widget,
            lesson_number=course.lesson_number(lesson_id),
            link=link,
        )

    def to_html(self) -> str:
        return render_questions_html(
            self.course,
            self.questions,
            self.quiz_id,
            self.title,
            self.from_doc,
            self.id_prefix,
            self.store,
            self.mode,
            self.draw,
            self.lesson_number,
            link=self.link,
        )

    def _more(self, question: m.QuestionBase) -> str:
        _, label = source_link(self.course, question, self.from_doc)
        return f"Read more: {label}."

    @functools.cached_property
    def widget(self) -> QuizWidget:
        from compact_course.quiz.widget import QuizWidget

        widget = QuizWidget(self.title, self.questions, self._more, self.course.interface.question, self.lesson_number)
        if self.on_widget is not None:
            self.on_widget(widget)
        return widget

    def __repr__(self) -> str:
        count = len(self.questions)
        return f"Quiz: {self.title} ({count} question{'s' if count != 1 else ''})"

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/plain": repr(self), "text/html": self.to_html()}
        view = self.widget._repr_mimebundle_()
        if view and WIDGET_VIEW in view:
            bundle[WIDGET_VIEW] = view[WIDGET_VIEW]
        return bundle
