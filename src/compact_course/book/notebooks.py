"""Lesson notebooks: create skeletons, refresh their stored outputs, check they are complete.

Every lesson notebook is its lesson's skeleton (:func:`lesson_skeleton`: the headings, the
fixed sentences and the one-line calls) plus a hand-written introduction under the title;
``compact-course notebooks --check`` reports any lesson whose cells have drifted from it.

Stored outputs are what the static book shows (``execute_notebooks: off``) and what strict
nbval compares against a fresh run in CI. Refreshing executes each notebook in a kernel,
then drops the widget views and widget state (their model ids are random, and the book
renders the ``text/html`` form instead), so stored outputs are deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compact_course.book.pages import question_label
from compact_course.core.course import Course, load_course
from compact_course.core.interface_models import fill
from compact_course.quiz.quiz import WIDGET_VIEW

if TYPE_CHECKING:
    # nbformat comes with the [book] extra; it is imported where used so that the CLI
    # (which imports this module to build its parser) works without it.
    import nbformat

HIDE_INPUT = {"tags": ["remove-input"]}


def _source_cells(course: Course, lesson) -> list:
    """The quoted Q&A entry a lesson teaches, or (a source-based lesson) the public sources it summarises."""
    import nbformat

    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    if lesson.qa:
        return [md(f"## {question_label(course, course.qa_entry(lesson.qa))}"), code("page.qa()", metadata=HIDE_INPUT)]
    # The heading over a source-based lesson's sources (lessons with no Q&A entry).
    return [md(f"## {course.interface.notebook.sources_heading}"), code("page.sources()", metadata=HIDE_INPUT)]


def lesson_skeleton(course: Course, lesson_id: str, intro: str) -> nbformat.NotebookNode:
    """A new lesson notebook: headings (data/interface.yaml ``notebook``), a narrative
    introduction and one-line calls."""
    import nbformat

    words = course.interface.notebook
    lesson = course.lesson(lesson_id)
    number = course.lesson_number(lesson_id)
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [
        md(f"# {fill(words.title, number=number, title=lesson.title)}\n\n{intro}"),
        code(
            f'from compact_course.book.pages import lesson\n\npage = lesson("{lesson_id}")\npage.overview()',
            metadata=HIDE_INPUT,
        ),
        *_source_cells(course, lesson),
        md(f"## {words.key_points}"),
        code("page.key_points()", metadata=HIDE_INPUT),
        md(f"## {words.in_practice}"),
        code("page.in_practice()", metadata=HIDE_INPUT),
    ]
    for chart_id in lesson.charts:
        cells += [code(f'page.chart("{chart_id}")', metadata=HIDE_INPUT)]
    if lesson.qa:
        cells += [md(f"## {words.further_reading}"), code("page.further_reading()", metadata=HIDE_INPUT)]
    cells += [
        md(f"## {words.discussion}\n\n{words.discussion_intro}"),
        code("page.discussion()", metadata=HIDE_INPUT),
        md(f"## {words.check}"),
        code("page.quiz()", metadata=HIDE_INPUT),
        md(f"## {words.reflection}\n\n{words.reflection_intro}"),
        code("page.reflection()", metadata=HIDE_INPUT),
        # Ends every lesson: what applies now (data/lessons.yaml `today`), linking to the Compact today page.
        code("page.today()", metadata=HIDE_INPUT),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    return notebook


def _read(path: Path) -> nbformat.NotebookNode:
    import nbformat

    return nbformat.read(path, as_version=4)


def lesson_intro(notebook: nbformat.NotebookNode) -> str:
    """The one part of a lesson notebook written by hand: the introduction under its title."""
    first = notebook.cells[0].source if notebook.cells else ""
    return first.partition("\n\n")[2]


def skeleton_drift(course: Course, lesson_id: str, path: Path) -> list[str]:
    """Where a lesson notebook's cells differ from its skeleton (type, source, tags; outputs ignored)."""
    notebook = _read(path)
    expected = lesson_skeleton(course, lesson_id, lesson_intro(notebook)).cells
    problems = []
    if len(notebook.cells) != len(expected):
        problems.append(f"{path}: {len(notebook.cells)} cells, but the lesson skeleton has {len(expected)}")
    for index, (cell, want) in enumerate(zip(notebook.cells, expected, strict=False)):
        if (cell.cell_type, cell.source, cell.metadata.get("tags")) != (
            want.cell_type,
            want.source,
            want.metadata.get("tags"),
        ):
            problems.append(f"{path}: cell {index} differs from the lesson skeleton")
    return problems


def match_skeleton(course: Course, lesson_id: str, path: Path) -> bool:
    """Make a lesson notebook's cells the skeleton's, keeping the stored outputs of unchanged code cells.

    Returns whether the notebook changed. A code cell whose source changed loses its outputs
    (they belong to the old call); the lead refreshes them with ``compact-course notebooks``.
    """
    notebook = _read(path)
    skeleton = lesson_skeleton(course, lesson_id, lesson_intro(notebook))
    old_code = {cell.source: cell for cell in notebook.cells if cell.cell_type == "code"}
    cells = []
    for index, want in enumerate(skeleton.cells):
        kept = old_code.get(want.source) if want.cell_type == "code" else None
        cell = kept if kept is not None else want
        cell["id"] = f"cell-{index:02d}"
        cells.append(cell)
    if [c.source for c in cells] == [c.source for c in notebook.cells]:
        return False
    notebook.cells = cells
    write(notebook, path)
    return True


def lesson_notebooks(course: Course) -> dict[Path, str]:
    """Each lesson's notebook path -> its lesson id."""
    return {
        (course.root / f"{course.lesson_docname(lesson.id)}.ipynb").resolve(): lesson.id for lesson in course.lessons
    }


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


def _lesson_notebook_moves(course: Course) -> list[tuple[Path, Path, str]]:
    """(old path, new path, lesson id) of each lesson notebook whose number is no longer its lesson's."""
    lesson_ids = {lesson.id for lesson in course.lessons}
    moves = []
    for path in sorted((course.root / "book" / "lessons").glob("*.ipynb")):
        number, _, lesson_id = path.stem.partition("-")
        if not number.isdigit() or lesson_id not in lesson_ids:
            continue
        target = course.root / f"{course.lesson_docname(lesson_id)}.ipynb"
        if target == path:
            continue
        if target.exists():
            raise FileExistsError(
                f"{path.relative_to(course.root)} and {target.relative_to(course.root)} are both notebooks of lesson {lesson_id!r}"
            )
        moves.append((path, target, lesson_id))
    return moves


def renumber_lesson_notebooks(course: Course) -> list[tuple[Path, Path]]:
    """Rename lesson notebooks to their lessons' current numbers (after a lesson is inserted or moved).

    Plain renames, so git shows each as a rename; the title cell then takes the new number
    (:func:`match_skeleton` keeps the introduction and the stored outputs). Every target is
    checked before any file moves; the table of contents is generated from the data.
    """
    moves = _lesson_notebook_moves(course)
    for old, new, lesson_id in moves:
        old.rename(new)
        match_skeleton(course, lesson_id, new)
    return [(old, new) for old, new, _ in moves]


def new_lesson_notebook(course: Course, lesson_id: str, intro: str) -> Path:
    """Write the skeleton notebook of a lesson that has none yet; refuse to overwrite one.

    Lesson notebooks numbered before the lesson was inserted are renumbered first.
    """
    path = course.root / f"{course.lesson_docname(lesson_id)}.ipynb"
    if path.exists():
        raise FileExistsError(f"{path.relative_to(course.root)} exists already; edit it instead")
    for old, new in renumber_lesson_notebooks(course):
        print(f"renamed {old.relative_to(course.root)} to {new.relative_to(course.root)}")
    if path.exists():  # the lesson's own notebook, found under an old number and renamed
        raise FileExistsError(f"{path.relative_to(course.root)} exists already; edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    write(lesson_skeleton(course, lesson_id, intro), path)
    return path


def _run(args) -> int:
    import nbclient  # noqa: F401  (the 'book' extra: missing, the command stops before any work, naming it)

    course = load_course(args.root)
    if getattr(args, "new", None):
        lesson_id, intro = args.new
        path = new_lesson_notebook(course, lesson_id, intro)
        print(
            f"wrote {path.relative_to(course.root)}; now run `compact-course generate` and `compact-course notebooks`"
            " (every notebook: stored outputs link lessons by number)"
        )
        return 0
    paths = [Path(p).resolve() for p in args.paths] or all_notebooks(course.root)
    if args.check:
        lessons = lesson_notebooks(course)
        problems = [problem for path in paths for problem in incomplete_cells(path)]
        problems += [p for path in paths if path in lessons for p in skeleton_drift(course, lessons[path], path)]
        print(
            "\n".join(problems)
            or f"OK: {len(paths)} notebooks have stored outputs for every code cell; lessons match the skeleton"
        )
        return 1 if problems else 0
    for path in paths:
        print(f"executing {path.relative_to(course.root)}", file=sys.stderr)
        write(execute(path), path)
    return 0


def register(commands) -> None:
    parser = commands.add_parser(
        "notebooks", help="refresh notebooks' stored outputs (--check: report missing outputs and skeleton drift)"
    )
    parser.add_argument("paths", nargs="*", help="notebooks (default: all under book/)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not execute; exit 1 if a code cell lacks outputs or a lesson differs from the skeleton",
    )
    parser.add_argument(
        "--new",
        nargs=2,
        metavar=("LESSON_ID", "INTRO"),
        help="write the skeleton notebook for a new lesson, with its hand-written introduction",
    )
    parser.set_defaults(run=_run)
