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
from compact_course.core.interface_models import LmsText, fill
from compact_course.core.markdown import HEADER_MD, md_escape
from compact_course.export.common import pool_category_name

FOLDER = "book/_generated"
POOL_PAGE = f"{FOLDER}/lms-pool.md"
FIGURES_PAGE = f"{FOLDER}/lms-figures.md"
PACKAGES_PAGE = f"{FOLDER}/lms-packages.md"
GUIDE_HTML = "book/facilitator/lms-import.html"
# The SCORM packages, as compact_course.export.downloads names them, with the field of
# data/interface.yaml ``lms`` that names each one's standard.
PACKAGES = (("scorm12", "course-scorm12.zip"), ("scorm2004", "course-scorm2004.zip"))
FIGURE = re.compile(r'(<span class="cc-build-figure" data-file="([^"]+)" data-figure="(size|files)">)([^<]*)(</span>)')


def _figure(words: LmsText, name: str, kind: str) -> str:
    return f'<span class="cc-build-figure" data-file="{e(name)}" data-figure="{kind}">{e(words.unmeasured)}</span>'


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    """A Markdown table (so the theme gives it its named, scrollable box); cells already escaped."""
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows]) + "\n"


def packages_md(words: LmsText) -> str:
    """Which package is which, with placeholders for the sizes the build measures."""
    rows = [
        (md_escape(getattr(words, standard)), f"`{name}`", _figure(words, name, "size"), _figure(words, name, "files"))
        for standard, name in PACKAGES
    ]
    return _table((words.column_standard, words.column_file, words.column_size, words.column_files), rows)


def pool_md(course: Course) -> str:
    """Each module's pool category, how many questions it holds and how many the draw takes."""
    words = course.interface.lms
    per_module = course.assessment.draw.per_module
    fixed = set(course.assessment.fixed)
    rows = []
    for number, module in enumerate(course.modules, start=1):
        questions = course.pool_questions(module.id)
        rows.append(
            (
                md_escape(fill(words.module, number=number, title=module.title)),
                f"`{pool_category_name(course, module)}`",
                str(len(questions)),
                str(min(per_module, len(questions))),
                str(sum(q.id in fixed for q in questions)),
            )
        )
    head = (words.column_module, words.column_category, words.column_pool, words.column_random, words.column_fixed)
    return _table(head, rows)


def figures_md(course: Course) -> str:
    """The data's figures as a short list the guide includes."""
    words = course.interface.lms
    assessment = course.assessment
    fixed = len(assessment.fixed)
    drawn = sum(min(assessment.draw.per_module, len(course.pool_questions(m.id))) for m in course.modules)
    items = [
        (
            words.pass_mark_label,
            fill(words.pass_mark, percent=assessment.mastery_score, scaled=f"{assessment.mastery_score / 100:g}"),
        ),
        (
            words.assessment_label,
            fill(
                words.assessment,
                fixed=fixed,
                drawn=drawn,
                per_module=assessment.draw.per_module,
                modules=len(course.modules),
                pool=len(course.pool_questions()),
            ),
        ),
        (words.lessons_label, fill(words.lessons, questions=len(course.all_questions()), lessons=len(course.lessons))),
        (words.records_label, fill(words.records, fixed=fixed, drawn=drawn)),
    ]
    return "\n".join(f"- **{label}** {text}" for label, text in items) + "\n"


def pages(course: Course) -> dict[str, str]:
    return {
        FIGURES_PAGE: HEADER_MD + "\n" + figures_md(course),
        POOL_PAGE: HEADER_MD + "\n" + pool_md(course),
        PACKAGES_PAGE: HEADER_MD + "\n" + packages_md(course.interface.lms),
    }


def megabytes(words: LmsText, size: int) -> str:
    return fill(words.megabytes, megabytes=f"{size / 1_000_000:.1f}", bytes=f"{size:,}")


def measured(words: LmsText, files: dict[str, bytes]) -> dict[tuple[str, str], str]:
    """(file name, figure) -> value, for each SCORM package among ``files``."""
    values: dict[tuple[str, str], str] = {}
    for _, name in PACKAGES:
        if name in files:
            values[(name, "size")] = megabytes(words, len(files[name]))
            values[(name, "files")] = f"{len(zipfile.ZipFile(BytesIO(files[name])).namelist()):,}"
    return values


def fill_built_figures(html_dir: Path, files: dict[str, bytes], words: LmsText) -> bool:
    """Write the measured figures into the built guide page, if this edition has it."""
    page = html_dir / GUIDE_HTML
    if not page.is_file():
        return False
    values = measured(words, files)
    text = page.read_text(encoding="utf-8")

    def figure(match: re.Match) -> str:
        value = values.get((match.group(2), match.group(3)))
        return match.group(1) + (e(value) if value else match.group(4)) + match.group(5)

    page.write_text(FIGURE.sub(figure, text), encoding="utf-8")
    return True
