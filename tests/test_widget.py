"""The live widget: one anywidget whose front end is the quiz script (compact-widget.js), carrying
the same HTML and manifest as the book, with the static HTML beside it for the book and nbval."""

from __future__ import annotations

import re

import pytest

from compact_course.learner.assessment import self_assessment
from compact_course.quiz.data import course_manifest
from compact_course.quiz.quiz import WIDGET_VIEW, Quiz, QuizSettings
from compact_course.quiz.widget import STATIC, CourseWidget
from helpers import real_course

BUNDLE = STATIC / "compact-widget.js"


@pytest.fixture
def course():
    return real_course()


def test_a_quiz_displays_its_static_html_and_the_widget_carrying_the_same_html(course):
    quiz = Quiz.for_lesson(course, course.lessons[0].id)
    bundle = quiz._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", WIDGET_VIEW}
    assert bundle["text/html"] == quiz.to_html()
    assert bundle[WIDGET_VIEW]["model_id"] == quiz.widget.model_id
    widget = quiz.widget
    assert (widget.kind, widget.html, widget.manifest) == ("quiz", quiz.to_html(), course_manifest(course))
    assert (widget.results, widget.score) == ({}, {})  # written by the front end as the learner answers
    again = Quiz.for_lesson(course, course.lessons[0].id)._repr_mimebundle_()
    assert (again["text/plain"], again["text/html"]) == (bundle["text/plain"], bundle["text/html"])


def test_the_widgets_front_end_is_the_bundled_quiz_script_with_an_anywidget_render(course):
    assert Quiz.for_lesson(course, course.lessons[0].id).widget._esm == BUNDLE.read_text(encoding="utf-8")
    text = BUNDLE.read_text(encoding="utf-8")
    assert re.search(r"export\s*\{[^}]*\bas default\b", text), "an ES module with a default export"
    assert "render:" in text
    assert CourseWidget.class_traits()["html"].metadata.get("sync") is True


def test_the_self_assessment_is_an_exam_mode_widget_that_draws_its_attempts(course):
    quiz = self_assessment(course)
    assert 'data-mode="exam"' in quiz.widget.html
    assert quiz.widget.kind == "quiz"
    assert f'data-draw-seed="{course.assessment.draw.seed}"' in quiz.widget.html
    assert 'data-mode="practice"' in self_assessment(course, mode="practice").to_html()
    with pytest.raises(ValueError, match="mode must be one of"):
        self_assessment(course, mode="test")


def test_a_quiz_takes_a_settings_object(course):
    bank = course.quiz_for(course.lessons[0].id)
    settings = QuizSettings(id_prefix="x-", store="assessment", mode="exam")
    html = Quiz(course, bank.questions, "q", "T", settings).to_html()
    assert f'id="x-{bank.questions[0].id}"' in html and 'data-store="assessment"' in html
    with pytest.raises(ValueError, match="has no questions"):
        Quiz(course, [], "q", "T")
