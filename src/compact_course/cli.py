"""The ``compact-course`` command: check the data, generate pages, plan sessions, export quizzes.

Feature modules add their own sub-commands: each module named in ``FEATURE_MODULES`` has a
``register(commands)`` function that adds a parser and sets ``run`` on it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from compact_course.core.course import load_course
from compact_course.core.paths import default_root
from compact_course.core.yamlmarks import CourseDataError
from compact_course.quiz.item_rules import item_problems as quiz_item_problems

FEATURE_MODULES = (
    "compact_course.generate",
    "compact_course.book.notebooks",
    "compact_course.book.readability",
    "compact_course.book.pdf",
    "compact_course.facilitator.plans",
    "compact_course.facilitator.pack",
    "compact_course.export",
    "compact_course.export.downloads",
)


def _check(args) -> int:
    try:
        course = load_course(args.root)
        item_problems = quiz_item_problems(course)
        if item_problems:
            raise CourseDataError(item_problems)  # questions a guess could pass are data problems too
    except CourseDataError as error:
        print(error, file=sys.stderr)
        return 1
    questions = len(course.all_questions())
    print(
        f"OK: {len(course.qa)} Q&A entries, {len(course.sources)} sources, {len(course.figures)} figures, "
        f"{len(course.events)} events, {len(course.terms)} glossary terms, {len(course.lessons)} lessons "
        f"in {len(course.modules)} modules, {questions} quiz questions in {len(course.quizzes)} banks, "
        f"{len(course.pool_questions())} self-assessment questions"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="compact-course", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None, help="course folder (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate all data and quiz banks")
    check.set_defaults(run=_check)
    for name in FEATURE_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.root is None:
        args.root = default_root()
    try:
        return args.run(args)
    except CourseDataError as error:
        print(error, file=sys.stderr)
        return 1
