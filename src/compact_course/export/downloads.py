"""The files behind the Downloads pages, made by the build command after the book build.

``compact-course downloads --html DIR --edition learner|facilitator`` (``scripts/build.sh`` runs
it) writes into ``DIR/downloads/``:

- both editions: the whole edition as an offline zip (with LICENSE.txt) and the SCORM 1.2 and
  SCORM 2004 packages, always of the learner edition (a learner platform must not hold the answers);
- the facilitator edition only: the quiz bank per module and per lesson, and the final
  self-assessment's pool (every module's, one category per module), in GIFT, Moodle XML and
  QTI 2.1, and the learner edition's offline zip for participants (``course-offline-learner.zip``).
  Exports hold the answers, so the learner edition never offers them.

The SCORM package and the zip are made from the built HTML, so they can only follow the build.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from compact_course.core import models as m
from compact_course.core.course import Course, load_course
from compact_course.core.paths import default_root
from compact_course.export.gift import gift_text
from compact_course.export.licence import LICENCE_IN_ZIP, licence_text
from compact_course.export.lms_guide import fill_built_figures
from compact_course.export.moodle_xml import moodle_xml
from compact_course.export.qti import qti_package
from compact_course.export.scorm import MAX_BYTES, course_title, deterministic_zip, scorm_package
from compact_course.export.scorm_files import package_files

DOWNLOADS = "downloads"
OFFLINE_ZIP = "course-offline.zip"
LEARNER_ZIP = "course-offline-learner.zip"  # on the facilitator edition's Downloads page, for participants
SCORM_ZIP = "course-scorm12.zip"
SCORM2004_ZIP = "course-scorm2004.zip"
SCORM_ZIPS = {"1.2": SCORM_ZIP, "2004": SCORM2004_ZIP}
EDITIONS = ("learner", "facilitator")
# Format name -> (file-name ending, exporter). GIFT is saved as .txt, as Moodle expects.
BANK_FORMATS: dict[str, tuple[str, Callable[[Course, Sequence[m.Module], str], str | bytes]]] = {
    "GIFT": ("-gift.txt", gift_text),
    "Moodle XML": ("-moodle.xml", moodle_xml),
    "QTI 2.1": ("-qti.zip", qti_package),
}


POOL_STEM = "self-assessment-pool"


def module_stem(course: Course, module: m.Module) -> str:
    return f"quiz-bank-module-{course.module_number(module.id)}"


def lesson_stem(course: Course, lesson: m.Lesson) -> str:
    return f"quiz-bank-lesson-{course.lesson_number(lesson.id):02d}"


def bank_selections(course: Course) -> list[tuple[str, m.Module]]:
    """(file stem, modules to export) for every module, then every lesson as a one-lesson module."""
    selections = [(module_stem(course, module), module) for module in course.modules]
    for module in course.modules:
        for lesson in module.lessons:
            # The lesson's own module with only this lesson: same category, one bank.
            selections.append((lesson_stem(course, lesson), module.model_copy(update={"lessons": (lesson,)})))
    return selections


def bank_files(course: Course) -> dict[str, bytes]:
    """Every quiz-bank download: file name -> bytes."""
    files: dict[str, bytes] = {}
    for stem, module in bank_selections(course):
        for ending, exporter in BANK_FORMATS.values():
            output = exporter(course, [module], "lessons")
            files[stem + ending] = output if isinstance(output, bytes) else output.encode("utf-8")
    return files


def pool_files(course: Course) -> dict[str, bytes]:
    """The final self-assessment's pool, every module's in one file per format: file name -> bytes."""
    files: dict[str, bytes] = {}
    for ending, exporter in BANK_FORMATS.values():
        output = exporter(course, course.modules, "self-assessment")
        files[POOL_STEM + ending] = output if isinstance(output, bytes) else output.encode("utf-8")
    return files


def offline_zip(course: Course, html_dir: Path) -> bytes:
    """The built edition in ``html_dir`` as one zip to unpack and open offline, with its licence."""
    files = {f"course/{name}": data for name, data in package_files(html_dir).items()}
    files[f"course/{LICENCE_IN_ZIP}"] = licence_text(course)
    return deterministic_zip(files)


def write_downloads(course: Course, html_dir: Path, edition: str, learner_html: Path) -> list[Path]:
    """Write the edition's downloads into ``html_dir/downloads``; return the files written."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}: use one of {', '.join(EDITIONS)}")
    files: dict[str, bytes] = {}
    if edition == "facilitator":
        files.update(bank_files(course))
        files.update(pool_files(course))
        files[LEARNER_ZIP] = offline_zip(course, learner_html)
    for scorm, name in SCORM_ZIPS.items():
        package = scorm_package(course, learner_html, course_title(course.root), scorm)
        if len(package) > MAX_BYTES:
            raise ValueError(f"the SCORM {scorm} package is {len(package)} bytes, over {MAX_BYTES}")
        files[name] = package
    files[OFFLINE_ZIP] = offline_zip(course, html_dir)
    folder = html_dir / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in sorted(files.items()):
        (folder / name).write_bytes(data)
        written.append(folder / name)
    fill_built_figures(html_dir, files, course.interface.lms)  # the import guide's sizes (facilitator edition)
    return written


def _run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve() if args.root else default_root()
    course = load_course(root)
    html_dir = Path(args.html)
    learner_html = Path(args.learner_html) if args.learner_html else html_dir
    for folder in {html_dir, learner_html}:
        if not (folder / "index.html").is_file():
            print(f"compact-course downloads: no built book in {folder}: build it first", file=sys.stderr)
            return 1
    try:
        written = write_downloads(course, html_dir, args.edition, learner_html)
    except ValueError as error:
        print(f"compact-course downloads: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} downloads for the {args.edition} edition to {html_dir / DOWNLOADS}")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("downloads", help="write the Downloads page's files into a built book")
    parser.add_argument("--html", required=True, type=Path, help="the built edition's html folder")
    parser.add_argument("--edition", choices=EDITIONS, default="learner", help="which edition it is")
    parser.add_argument(
        "--learner-html", type=Path, default=None, help="the learner edition's html folder, for the SCORM package"
    )
    parser.set_defaults(run=_run)
