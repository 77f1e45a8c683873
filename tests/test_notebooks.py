"""Notebooks: every code cell has stored outputs (strict nbval needs them), and lessons follow the data."""

from __future__ import annotations

import nbformat
import pytest

from compact_course import cached_course
from compact_course.book.notebooks import (
    all_notebooks,
    incomplete_cells,
    lesson_notebooks,
    lesson_skeleton,
    match_skeleton,
    skeleton_drift,
    strip_volatile,
    write,
)
from compact_course.core.course import load_course
from helpers import COURSE_ROOT, course_copy


def test_every_notebook_has_outputs_and_execution_counts():
    course = cached_course()
    notebooks = all_notebooks(course.root)
    assert len(notebooks) >= len(course.lessons) + 2
    assert [p for nb in notebooks for p in incomplete_cells(nb)] == []


def test_a_code_cell_without_outputs_is_reported(tmp_path):
    course = cached_course()
    notebook = lesson_skeleton(course, "who-is-the-compact-for", "An introduction.")
    path = tmp_path / "lesson.ipynb"
    write(notebook, path)
    problems = incomplete_cells(path)
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert len(problems) == 2 * len(code_cells)
    assert "has no stored output" in problems[0] and "has no execution count" in problems[1]


def test_each_lesson_notebook_exists_with_the_data_title_and_only_one_line_calls():
    course = cached_course()
    for lesson in course.lessons:
        path = course.root / f"{course.lesson_docname(lesson.id)}.ipynb"
        notebook = nbformat.read(path, as_version=4)
        heading = notebook.cells[0].source.splitlines()[0]
        assert heading == f"# Lesson {course.lesson_number(lesson.id)}: {lesson.title}"
        for cell in notebook.cells:
            if cell.cell_type == "code":
                lines = [
                    line
                    for line in cell.source.splitlines()
                    if line.strip() and not line.startswith(("from ", "import "))
                ]
                assert len(lines) <= 2, cell.source
                assert lesson.id in notebook.cells[1].source


def test_lesson_notebooks_hold_no_question_or_answer_text():
    course = cached_course()
    for lesson in course.lessons:
        text = (course.root / f"{course.lesson_docname(lesson.id)}.ipynb").read_text(encoding="utf-8")
        notebook = nbformat.reads(text, as_version=4)
        sources = "\n".join(cell.source for cell in notebook.cells)
        entry = course.qa_entry(lesson.qa) if lesson.qa else None
        for point in entry.answer if entry else ():
            assert point.text not in sources
        for key_point in lesson.key_points:
            assert key_point not in sources
        for question in course.quiz_for(lesson.id).questions:
            assert question.prompt not in sources


def test_strip_volatile_removes_widget_views_and_ids():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    notebook.metadata["widgets"] = {"state": {}}
    notebook.cells[0].outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={"text/plain": "x", "application/vnd.jupyter.widget-view+json": {"model_id": "abc"}},
            execution_count=1,
        )
    ]
    stripped = strip_volatile(notebook)
    assert "widgets" not in stripped.metadata
    assert "application/vnd.jupyter.widget-view+json" not in stripped.cells[0].outputs[0]["data"]
    assert stripped.cells[0]["id"] == "cell-00"


def test_every_lesson_notebook_matches_its_skeleton():
    course = cached_course()
    lessons = lesson_notebooks(course)
    assert len(lessons) == len(course.lessons)
    assert [problem for path, lesson_id in lessons.items() for problem in skeleton_drift(course, lesson_id, path)] == []


def test_a_drifted_heading_or_sentence_is_reported_and_match_skeleton_restores_it(tmp_path):
    course = cached_course()
    lesson_id = "who-is-the-compact-for"
    source = course.root / f"{course.lesson_docname(lesson_id)}.ipynb"
    path = tmp_path / source.name
    notebook = nbformat.read(source, as_version=4)
    discussion = next(c for c in notebook.cells if c.source.startswith("## Discussion"))
    discussion.source = discussion.source.replace("small groups", "pairs")
    write(notebook, path)
    assert skeleton_drift(course, lesson_id, path) == [
        f"{path}: cell {notebook.cells.index(discussion)} differs from the lesson skeleton"
    ]
    assert match_skeleton(course, lesson_id, path) is True
    assert skeleton_drift(course, lesson_id, path) == []
    restored = nbformat.read(path, as_version=4)
    assert restored.cells[0].source == notebook.cells[0].source  # the hand-written introduction is kept
    kept = [c.outputs for c in restored.cells if c.cell_type == "code"]
    before = [c.outputs for c in nbformat.read(source, as_version=4).cells if c.cell_type == "code"]
    assert kept == before  # stored outputs of unchanged calls are kept


def test_the_notebooks_check_command_fails_on_skeleton_drift(tmp_path, capsys):
    import argparse
    import shutil

    from compact_course.book.notebooks import _run

    root = course_copy(tmp_path)
    shutil.copytree(COURSE_ROOT / "book" / "lessons", root / "book" / "lessons")
    course = load_course(root)
    path = root / f"{course.lesson_docname(course.lessons[0].id)}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[2].source = "## The question"
    write(notebook, path)
    status = _run(argparse.Namespace(root=root, paths=[str(path)], check=True))
    assert status == 1
    assert f"{path}: cell 2 differs from the lesson skeleton" in capsys.readouterr().out


def test_the_lesson_page_shows_its_key_points_once():
    # Before: "Key points" and "Key points to take away" showed the same list word for word.
    course = cached_course()
    for lesson in course.lessons:
        notebook = lesson_skeleton(course, lesson.id, "Intro.")
        calls = [c.source for c in notebook.cells if c.cell_type == "code"]
        assert calls.count("page.key_points()") == 1
        assert "page.recap()" not in calls and calls[-2:] == ["page.reflection()", "page.today()"]
        headings = [c.source.splitlines()[0] for c in notebook.cells if c.cell_type == "markdown"]
        assert "## Key points to take away" not in headings


def test_a_new_lessons_notebook_is_written_from_the_skeleton(tmp_path):
    import shutil

    from compact_course.book.notebooks import new_lesson_notebook, skeleton_drift
    from compact_course.core.course import load_course
    from helpers import FIXTURE_ROOT

    root = tmp_path / "course"
    shutil.copytree(FIXTURE_ROOT, root)
    course = load_course(root)
    path = new_lesson_notebook(course, "alpha-lesson", "Why alpha matters.")
    assert path == root / "book/lessons/01-alpha-lesson.ipynb"
    assert skeleton_drift(course, "alpha-lesson", path) == []
    assert "Why alpha matters." in path.read_text(encoding="utf-8")
    with pytest.raises(FileExistsError, match="exists already"):
        new_lesson_notebook(course, "alpha-lesson", "Again.")
