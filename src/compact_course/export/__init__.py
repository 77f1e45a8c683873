"""``compact-course export``: the quiz bank for learning platforms (GIFT, Moodle XML, QTI 2.1),
or the whole course as a SCORM package (``--format scorm12`` or ``scorm2004``, see :mod:`.scorm`).

The quiz-bank formats write the lesson banks and the final self-assessment's pool (one category
per module each); ``--questions lessons`` or ``--questions self-assessment`` writes one of them.

Each format is a pure function ``(course, modules) -> str | bytes`` in its own module;
this one only parses the command line, picks the modules and writes the file.
``--modules`` takes module numbers or ids (``--modules 1,3`` or ``--modules 1 m3-...``);
an unknown one is an error with exit code 2, like any other bad argument.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from compact_course.core import models as m
from compact_course.core.course import Course, load_course
from compact_course.export.common import PARTS, UnknownModuleError, export_groups, select_modules
from compact_course.export.gift import gift_text
from compact_course.export.moodle_xml import moodle_xml
from compact_course.export.qti import qti_package
from compact_course.export.scorm import run as write_scorm_package

FORMATS: dict[str, Callable[[Course, Sequence[m.Module], str], str | bytes]] = {
    "gift": gift_text,
    "moodle-xml": moodle_xml,
    "qti": qti_package,
}
# Formats that package the whole built book rather than the question bank.
PACKAGES: dict[str, Callable[..., int]] = {"scorm12": write_scorm_package, "scorm2004": write_scorm_package}


def export(course: Course, format_name: str, wanted: list[str] | None = None, part: str = "all") -> str | bytes:
    """The export in ``format_name`` of the modules ``wanted`` (numbers or ids; default all)."""
    return FORMATS[format_name](course, select_modules(course, wanted), part)


def _run(args) -> int:
    if args.format in PACKAGES:
        return PACKAGES[args.format](args)
    course = load_course(args.root)
    try:
        modules = select_modules(course, args.modules)
        output = FORMATS[args.format](course, modules, args.questions)
    except UnknownModuleError as error:
        print(f"compact-course export: error: {error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"compact-course export: cannot write {args.format}: {error}", file=sys.stderr)
        return 1
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(output, bytes):
        out.write_bytes(output)
    else:
        # newline="\n": the same bytes on every platform.
        with out.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(output)
    questions = sum(len(group.questions) for group in export_groups(course, modules, args.questions))
    print(f"wrote {questions} questions from {len(modules)} module(s) as {args.format} to {out}")
    return 0


def register(commands) -> None:
    parser = commands.add_parser(
        "export", help="export the quiz bank for Moodle (GIFT, Moodle XML) or other platforms (QTI 2.1)"
    )
    parser.add_argument("--format", required=True, choices=sorted([*FORMATS, *PACKAGES]), help="file format to write")
    parser.add_argument("--out", required=True, type=Path, help="file to write (a .zip for qti and the SCORM packages)")
    parser.add_argument(
        "--modules",
        nargs="+",
        metavar="MODULE",
        help="module numbers or ids, space- or comma-separated (default: all modules)",
    )
    parser.add_argument(
        "--questions",
        choices=PARTS,
        default="all",
        help="the lesson quiz banks, the final self-assessment's pool, or both (default: all)",
    )
    parser.set_defaults(run=_run)
