"""Live lesson quizzes save progress to the user's progress file and restore it next time."""

from __future__ import annotations

from compact_course import cached_course
from compact_course.book.pages import LessonPage
from compact_course.learner.progress_store import load_progress


def test_live_lesson_quiz_saves_and_restores_progress(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("COMPACT_COURSE_PROGRESS", str(path))
    course = cached_course()
    first = LessonPage(course, "who-is-the-compact-for").quiz().widget.questions[0]
    answer = [c.key for c in first.question.choices() if c.correct]
    first.set_response(answer if first.question.type == "multiple" else answer[0])
    first.check_button.click()
    saved = load_progress(path)
    record = saved.current(first.question)
    assert record is not None and record.correct is True

    again = LessonPage(course, "who-is-the-compact-for").quiz().widget.questions[0]
    assert again.response == first.response  # restored from the file


def test_static_rendering_does_not_touch_the_progress_file(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("COMPACT_COURSE_PROGRESS", str(path))
    quiz = LessonPage(cached_course(), "who-is-the-compact-for").quiz()
    quiz.to_html()
    assert not path.exists()
