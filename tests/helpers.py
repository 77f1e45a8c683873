"""Shared helpers for the data-loader and quiz test suites.

``fixture_copy`` gives a test its own editable copy of the tiny fixture course in
tests/fixtures/course/ (loader and renderer cases use it, so editing the real course never
moves their lines); ``course_copy`` copies the real data/ and quizzes/. ``edit`` changes
exactly one piece of text in it (failing loudly if the text is missing or ambiguous, so a
data edit elsewhere cannot make a test pass by accident), and the remaining helpers find
where things are in the copied files so expected line numbers are computed, not guessed.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Sequence
from pathlib import Path

import yaml

from compact_course.core import models as m
from compact_course.core.course import Course, cached_course, load_course
from compact_course.core.yamlmarks import CourseDataError, Problem

COURSE_ROOT = Path(__file__).resolve().parents[1]
FIXTURE_ROOT = Path(__file__).resolve().parent / "fixtures" / "course"


def real_course():
    """The checked-in course, loaded once per test process."""
    return cached_course(str(COURSE_ROOT))


def fixture_course():
    """The fixture course in tests/fixtures/course, loaded once per test process."""
    return cached_course(str(FIXTURE_ROOT))


def _fixture_bank(questions: Sequence[m.QuestionBase], lesson_id: str) -> m.QuizBank:
    meta = m.QuizMeta(id="quiz-fixture", lesson=lesson_id, title="Fixture quiz")
    return m.QuizBank(quiz=meta, questions=tuple(questions))


def course_with_questions(questions: Sequence[m.QuestionBase], lesson_id: str = "who-is-the-compact-for") -> Course:
    """The real course plus a bank of test-only questions attached to a real lesson.

    Renderers look questions up by id (their bank, lesson and module), so questions that
    are not in the course's banks must be added to it before they can be rendered.
    """
    course = real_course()
    return dataclasses.replace(course, quizzes=course.quizzes + (_fixture_bank(questions, lesson_id),))


def isolated_course(questions: Sequence[m.QuestionBase]) -> Course:
    """The fixture course (tests/fixtures/course) cut down to one module, lesson and bank, so
    rendered HTML never changes when the real course is edited. Questions should draw on ``qa-fixture``.
    """
    course = fixture_course()
    first_lesson = course.lessons[0]
    lesson = first_lesson.model_copy(update={"id": "fixture-lesson", "qa": "qa-fixture", "title": "Fixture lesson"})
    module = course.modules[0].model_copy(update={"id": "m1-fixture", "title": "Fixture module", "lessons": (lesson,)})
    return dataclasses.replace(
        course,
        modules=(module,),
        quizzes=(_fixture_bank(questions, lesson.id),),
    )


def fixture_copy(tmp_path: Path) -> Path:
    """Copy the fixture course (tests/fixtures/course) into ``tmp_path``; return its root."""
    root = tmp_path / "fixture-course"
    shutil.copytree(FIXTURE_ROOT, root)
    return root


def course_copy(tmp_path: Path) -> Path:
    """Copy data/ and quizzes/ into ``tmp_path`` and return the new course root."""
    root = tmp_path / "course"
    root.mkdir()
    for folder in ("data", "quizzes"):
        shutil.copytree(COURSE_ROOT / folder, root / folder)
    return root


def edit(root: Path, relpath: str, old: str, new: str) -> int:
    """Replace ``old`` with ``new`` in one file; ``old`` must occur exactly once.

    Returns the 1-based line on which ``old`` started (and so on which ``new`` starts).
    """
    path = root / relpath
    text = path.read_text(encoding="utf-8")
    count = text.count(old)
    if count != 1:
        raise AssertionError(f"expected {old!r} exactly once in {relpath}, found it {count} times")
    start = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:start].count("\n") + 1


def line_of(root: Path, relpath: str, needle: str) -> int:
    """The 1-based line on which ``needle`` (which must occur exactly once) starts."""
    text = (root / relpath).read_text(encoding="utf-8")
    count = text.count(needle)
    if count != 1:
        raise AssertionError(f"expected {needle!r} exactly once in {relpath}, found it {count} times")
    return text[: text.index(needle)].count("\n") + 1


def index_of(root: Path, relpath: str, list_key: str, value: str, key: str = "id") -> int:
    """Position in the top-level list ``list_key`` of the item whose ``key`` is ``value``."""
    data = yaml.safe_load((root / relpath).read_text(encoding="utf-8"))
    positions = [i for i, item in enumerate(data[list_key]) if item.get(key) == value]
    if len(positions) != 1:
        raise AssertionError(f"expected one {list_key} item with {key}={value!r} in {relpath}, found {positions}")
    return positions[0]


def lesson_path(root: Path, lesson_id: str) -> str:
    """Field path of a lesson in data/lessons.yaml, e.g. ``modules[0].lessons[1]``."""
    data = yaml.safe_load((root / "data/lessons.yaml").read_text(encoding="utf-8"))
    for i, module in enumerate(data["modules"]):
        for j, lesson in enumerate(module["lessons"]):
            if lesson["id"] == lesson_id:
                return f"modules[{i}].lessons[{j}]"
    raise AssertionError(f"no lesson {lesson_id!r} in data/lessons.yaml")


def load_problems(root: Path) -> tuple[list[Problem], str]:
    """Load the course at ``root``, which must be invalid; return its problems and the message."""
    try:
        load_course(root)
    except CourseDataError as error:
        return error.problems, str(error)
    raise AssertionError(f"the course at {root} loaded without problems")


def find_problem(problems: list[Problem], file: str, line: int, field: str, fragment: str) -> Problem:
    """The problem at exactly this file, line and field whose message contains ``fragment``."""
    for problem in problems:
        if (problem.file, problem.line, problem.field) == (file, line, field) and fragment in problem.message:
            return problem
    shown = "\n".join(f"  {p}" for p in problems)
    raise AssertionError(f"no problem {file}:{line}: {field}: ...{fragment}... among:\n{shown}")


# Responses computed from the question data, so no answer is typed into a test.
def right(question: m.QuestionBase):
    if isinstance(question, m.Matching):
        return {item.key: item.answer for item in question.items()}
    keys = [c.key for c in question.choices() if c.correct]
    return keys if isinstance(question, m.MultipleSelect) else keys[0]


def wrong(question: m.QuestionBase):
    if isinstance(question, m.Matching):
        items = question.items()
        return {item.key: items[(i + 1) % len(items)].answer for i, item in enumerate(items)}
    keys = [c.key for c in question.choices() if not c.correct]
    return keys[:1] if isinstance(question, m.MultipleSelect) else keys[0]


# Browser ------------------------------------------------------------------------------------------
def presenter_status(page) -> str:
    """The presenter's status line: "Slide N of M: heading"."""
    return page.locator(".cc-presenter-status").inner_text()


def go_to_slide(page, heading: str) -> None:
    """Page Down through the open presenter until the slide whose status names ``heading``."""
    for _ in range(60):
        if heading in presenter_status(page):
            return
        page.keyboard.press("PageDown")
    raise AssertionError(f"no slide {heading!r}")


# For page.evaluate with a selector: the words of the text under it that lie on more than one
# line (split at spaces, hyphens, dashes and slashes; web addresses left out, as they have no
# place to break), with <details> opened first, and the tables wider than the page that are not
# in a scrolling region. Returns {split, wide}.
SPLIT_WORDS = """
(selector) => {
  document.querySelectorAll("main details").forEach((d) => { d.open = true; });
  const split = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (/https?:|www\\.|\\.(org|uk|com|pdf)\\b/.test(node.data)) { continue; }
      const word = /[^\\s\\-\\u2010-\\u2015\\/]+/g;
      let m;
      while ((m = word.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) { split.push(m[0]); }
      }
    }
  }
  const width = document.documentElement.clientWidth;
  const wide = Array.from(document.querySelectorAll("main table"))
    .filter((t) => t.getBoundingClientRect().right > width + 1 && !t.closest("[role=region]"))
    .map((t) => (t.caption ? t.caption.textContent : t.className).trim());
  return { split, wide };
}
"""
