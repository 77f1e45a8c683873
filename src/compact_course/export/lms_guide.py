"""The figures of the LMS import guide (``book/facilitator/lms-import.md``), never typed by hand.

Two kinds, made at two times:

- from the data, by ``compact-course generate`` (``book/_generated/lms-*.md``, drift-checked):
  the pass mark (``mastery_score`` in data/assessment.yaml), the self-assessment's questions per
  module and per attempt, and the lesson questions;
- from the build, by ``compact-course downloads``: each SCORM package's size and file count.
  The generated snippet holds a placeholder element per figure; :func:`fill_built_figures`
  writes the measured value into the built guide page once the packages exist.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.markdown import HEADER_MD, md_escape
from compact_course.export.common import pool_category_name

FOLDER = "book/_generated"
POOL_PAGE = f"{FOLDER}/lms-pool.md"
FIGURES_PAGE = f"{FOLDER}/lms-figures.md"
PACKAGES_PAGE = f"{FOLDER}/lms-packages.md"
GUIDE_HTML = "book/facilitator/lms-import.html"
# The SCORM packages, as compact_course.export.downloads names them.
PACKAGES = (("SCORM 1.2", "course-scorm12.zip"), ("SCORM 2004 4th edition", "course-scorm2004.zip"))
UNMEASURED = "measured when the Downloads files are made"
FIGURE = re.compile(r'(<span class="cc-build-figure" data-file="([^"]+)" data-figure="(size|files)">)([^<]*)(</span>)')


def _figure(name: str, kind: str) -> str:
    return f'<span class="cc-build-figure" data-file="{e(name)}" data-figure="{kind}">{UNMEASURED}</span>'


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    """A Markdown table (so the theme gives it its named, scrollable box); cells already escaped."""
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows]) + "\n"


def packages_md() -> str:
    """Which package is which, with placeholders for the sizes the build measures."""
    rows = [
        (md_escape(version), f"`{name}`", _figure(name, "size"), _figure(name, "files")) for version, name in PACKAGES
    ]
    return _table(("Standard", "File", "Size", "Files in it"), rows)


def pool_md(course: Course) -> str:
    """Each module's pool category, how many questions it holds and how many the draw takes."""
    per_module = course.assessment.draw.per_module
    fixed = set(course.assessment.fixed)
    rows = []
    for number, module in enumerate(course.modules, start=1):
        questions = course.pool_questions(module.id)
        rows.append(
            (
                md_escape(f"Module {number}: {module.title}"),
                f"`{pool_category_name(course, module)}`",
                str(len(questions)),
                str(min(per_module, len(questions))),
                str(sum(q.id in fixed for q in questions)),
            )
        )
    head = ("Module", "Category", "Questions in the pool", "Random questions to add", "In the fixed self-assessment")
    return _table(head, rows)


def figures_md(course: Course) -> str:
    """The data's figures as a short list the guide includes."""
    assessment = course.assessment
    drawn = sum(min(assessment.draw.per_module, len(course.pool_questions(m.id))) for m in course.modules)
    lines = [
        f"- **Pass mark:** {assessment.mastery_score}% (the package's mastery score; "
        f"{assessment.mastery_score / 100:g} as SCORM 2004's scaled passing score).",
        f"- **The self-assessment:** {len(assessment.fixed)} questions in its first attempt (the fixed selection), "
        f"then {drawn} in each new attempt ({assessment.draw.per_module} from each of the {len(course.modules)} modules), "
        f"drawn from {len(course.pool_questions())} questions of its own that no lesson shows.",
        f"- **The lesson quizzes:** {len(course.all_questions())} questions in {len(course.lessons)} lessons.",
        f"- **Question-level records:** one per question of the self-assessment each time it is submitted "
        f"({len(assessment.fixed)} for the first attempt, {drawn} for each later one), and one per lesson question "
        "each time it is checked.",
    ]
    return "\n".join(lines) + "\n"


def pages(course: Course) -> dict[str, str]:
    return {
        FIGURES_PAGE: HEADER_MD + "\n" + figures_md(course),
        POOL_PAGE: HEADER_MD + "\n" + pool_md(course),
        PACKAGES_PAGE: HEADER_MD + "\n" + packages_md(),
    }


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB ({size:,} bytes)"


def measured(files: dict[str, bytes]) -> dict[tuple[str, str], str]:
    """(file name, figure) -> value, for each SCORM package among ``files``."""
    values: dict[tuple[str, str], str] = {}
    for _, name in PACKAGES:
        if name in files:
            values[(name, "size")] = megabytes(len(files[name]))
            values[(name, "files")] = f"{len(zipfile.ZipFile(BytesIO(files[name])).namelist()):,}"
    return values


def fill_built_figures(html_dir: Path, files: dict[str, bytes]) -> bool:
    """Write the measured figures into the built guide page, if this edition has it."""
    page = html_dir / GUIDE_HTML
    if not page.is_file():
        return False
    values = measured(files)
    text = page.read_text(encoding="utf-8")

    def fill(match: re.Match) -> str:
        value = values.get((match.group(2), match.group(3)))
        return match.group(1) + (e(value) if value else match.group(4)) + match.group(5)

    page.write_text(FIGURE.sub(fill, text), encoding="utf-8")
    return True
