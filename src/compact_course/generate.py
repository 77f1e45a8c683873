"""Generated files: written from the course data, never edited by hand, checked for drift.

``compact-course generate`` writes them; ``compact-course generate --check`` exits 1 and
names every file that differs from what the data produces (CI runs it). Each provider is a
function ``pages(course) -> {relative path: text}``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

from compact_course.core.course import Course, load_course

PROVIDERS = (
    "compact_course.book.toc",
    "compact_course.book.course_facts",
    "compact_course.book.reference_pages",
    "compact_course.book.statement",
    "compact_course.facilitator.ready_made",
    "compact_course.facilitator.handouts",
    "compact_course.facilitator.pack_pages",
    "compact_course.facilitator.plan_builder",
    "compact_course.facilitator.poll_data",
    "compact_course.export.download_page",
    "compact_course.export.lms_guide",
)


def providers() -> list[Callable[[Course], dict[str, str]]]:
    found = []
    for name in PROVIDERS:
        module = importlib.import_module(name)
        found.append(module.pages)
    return found


def generated_files(course: Course) -> dict[str, str]:
    files: dict[str, str] = {}
    for provider in providers():
        for path, text in provider(course).items():
            if path in files:
                raise ValueError(f"two generators write {path}")
            files[path] = text
    return dict(sorted(files.items()))


def drift(course: Course) -> list[str]:
    """Generated files that are missing or differ from what the data produces now."""
    stale = []
    for path, text in generated_files(course).items():
        target = course.root / path
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale


def write_all(course: Course) -> list[str]:
    written = []
    for path, text in generated_files(course).items():
        target = course.root / path
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _run(args) -> int:
    course = load_course(args.root)
    if args.check:
        stale = drift(course)
        if stale:
            print("Generated files are out of date (run `compact-course generate`):", file=sys.stderr)
            for path in stale:
                print(f"  {path}", file=sys.stderr)
            return 1
        print(f"OK: {len(generated_files(course))} generated files match the data")
        return 0
    written = write_all(course)
    print(f"wrote {len(written)} file(s)" + "".join(f"\n  {p}" for p in written))
    return 0


def register(commands) -> None:
    parser = commands.add_parser("generate", help="write the pages generated from the data (--check: report drift)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if any generated file is stale")
    parser.set_defaults(run=_run)
