"""Lesson notebooks: create skeletons, refresh their stored outputs, check they are complete.

Stored outputs are what the static book shows (``execute_notebooks: off``) and what strict
nbval compares against a fresh run in CI. Refreshing executes each notebook in a kernel,
then drops the widget views and widget state (their model ids are random, and the book
renders the ``text/html`` form instead), so stored outputs are deterministic.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from compact_course.core.course import Course, load_course
from compact_course.core.paths import PROGRESS_ENV_VAR as PROGRESS_ENV
from compact_course.quiz.quiz import WIDGET_VIEW

if TYPE_CHECKING:
    # nbformat comes with the [book] extra; it is imported where used so that the CLI
    # (which imports this module to build its parser) works without it.
    import nbformat

HIDE_INPUT = {"tags": ["remove-input"]}


def lesson_skeleton(course: Course, lesson_id: str, intro: str) -> nbformat.NotebookNode:
    """A new lesson notebook: headings, a narrative introduction and one-line calls."""
    import nbformat

    lesson = course.lesson(lesson_id)
    number = course.lesson_number(lesson_id)
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [
        md(f"# Lesson {number}: {lesson.title}\n\n{intro}"),
        code(
            f'from compact_course.book.pages import lesson\n\npage = lesson("{lesson_id}")\npage.overview()',
            metadata=HIDE_INPUT,
        ),
        md("## The question as it was asked"),
        code("page.qa()", metadata=HIDE_INPUT),
        md("## Key points"),
        code("page.key_points()", metadata=HIDE_INPUT),
        md("## In practice"),
        code("page.in_practice()", metadata=HIDE_INPUT),
    ]
    for chart_id in lesson.charts:
        cells += [code(f'page.chart("{chart_id}")', metadata=HIDE_INPUT)]
    cells += [
        md("## Examples and further reading"),
        code("page.further_reading()", metadata=HIDE_INPUT),
        md(
            "## Discussion\n\nIn a workshop, talk these through in small groups. On your own, jot down an answer to each."
        ),
        code("page.discussion()", metadata=HIDE_INPUT),
        md("## Check your understanding"),
        code("page.quiz()", metadata=HIDE_INPUT),
        md("## Key points to take away"),
        code("page.recap()", metadata=HIDE_INPUT),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    return notebook


def strip_volatile(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove what changes on every run: widget views and state, cell ids, timings."""
    notebook.metadata.pop("widgets", None)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index:02d}"
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
            output.get("metadata", {}).pop(WIDGET_VIEW, None)
    language = notebook.metadata.get("language_info", {})
    notebook.metadata["language_info"] = {"name": language.get("name", "python")}
    return notebook


def execute(path: Path, timeout: int = 300) -> nbformat.NotebookNode:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    return strip_volatile(notebook)


def write(notebook: nbformat.NotebookNode, path: Path) -> None:
    import nbformat

    nbformat.validate(notebook)
    path.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")


def incomplete_cells(path: Path) -> list[str]:
    """Code cells with no stored output or no execution count (strict nbval needs both)."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    problems = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if not cell.get("outputs"):
            problems.append(f"{path}: cell {index} has no stored output")
        if cell.get("execution_count") is None:
            problems.append(f"{path}: cell {index} has no execution count")
    return problems


def all_notebooks(root: Path) -> list[Path]:
    return sorted(
        p for p in (root / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts
    )


def _run(args) -> int:
    course = load_course(args.root)
    paths = [Path(p).resolve() for p in args.paths] or all_notebooks(course.root)
    if args.check:
        problems = [problem for path in paths for problem in incomplete_cells(path)]
        print("\n".join(problems) or f"OK: {len(paths)} notebooks have stored outputs for every code cell")
        return 1 if problems else 0
    # Kernels must not read or change the user's own saved progress while outputs are made.
    with tempfile.TemporaryDirectory(prefix="compact-course-refresh-") as scratch:
        os.environ[PROGRESS_ENV] = str(Path(scratch) / "progress.json")
        for path in paths:
            print(f"executing {path.relative_to(course.root)}", file=sys.stderr)
            write(execute(path), path)
    return 0


def register(commands) -> None:
    parser = commands.add_parser(
        "notebooks", help="refresh notebooks' stored outputs (--check: report missing outputs)"
    )
    parser.add_argument("paths", nargs="*", help="notebooks (default: all under book/)")
    parser.add_argument("--check", action="store_true", help="do not execute; exit 1 if a code cell lacks outputs")
    parser.set_defaults(run=_run)
