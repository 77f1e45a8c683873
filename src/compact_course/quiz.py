"""A quiz is one object with two renderings: a live widget and static, accessible HTML.

In a live kernel (JupyterLab, Voila) the front end shows the ipywidgets view; the static
book drops that view (``nb_mime_priority_overrides`` in ``_config.yml``) and shows the
``text/html`` form, which ``quiz.js`` makes interactive.
"""

from __future__ import annotations

import functools
from typing import Sequence

from . import models as m
from .loader import Course
from .quiz_html import render_questions_html, source_link

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class Quiz:
    def __init__(self, course: Course, questions: Sequence[m.QuestionBase], quiz_id: str, title: str,
                 from_doc: str | None = None, shuffle: bool = False, seed: int | None = None,
                 id_prefix: str = "", store: str = "lesson", mode: str = "practice",
                 draw: tuple[int, int] | None = None, track_progress: bool = False):
        if not questions:
            raise ValueError(f"quiz {quiz_id!r} has no questions")
        self.course = course
        self.questions = tuple(questions)
        self.quiz_id = quiz_id
        self.title = title
        self.from_doc = from_doc
        self.shuffle = shuffle
        self.seed = seed
        self.id_prefix = id_prefix
        self.store = store
        self.mode = mode
        self.draw = draw
        self.track_progress = track_progress

    @classmethod
    def for_lesson(cls, course: Course, lesson_id: str, track_progress: bool = False) -> "Quiz":
        bank = course.quiz_for(lesson_id)
        return cls(course, bank.questions, bank.quiz.id, bank.quiz.title, course.lesson_docname(lesson_id),
                   shuffle=bank.quiz.shuffle, seed=bank.quiz.seed, track_progress=track_progress)

    def to_html(self) -> str:
        return render_questions_html(
            self.course, self.questions, self.quiz_id, self.title, self.from_doc,
            self.shuffle, self.seed, self.id_prefix, self.store, self.mode, self.draw,
        )

    def _more(self, question: m.QuestionBase) -> str:
        _, label = source_link(self.course, question, self.from_doc)
        return f"Read more: {label}."

    @functools.cached_property
    def widget(self):
        from types import SimpleNamespace

        from .quiz_widget import QuizWidget

        widget = QuizWidget(self.title, self.questions, self._more, self.shuffle, self.seed)
        if self.track_progress:
            # Live lessons keep progress in the user's progress file (compact_course.progress).
            from .progress import ProgressTracker

            ProgressTracker(page=self.from_doc).attach(SimpleNamespace(widget=widget))
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
