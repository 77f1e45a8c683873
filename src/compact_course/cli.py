"""The ``compact-course`` command: check the data, generate pages, plan sessions, export quizzes.

Feature modules add their own sub-commands: each module named in ``FEATURES`` has a
``register(commands)`` function that adds a parser and sets ``run`` on it. A plain
``pip install compact-course`` lists every command; a command whose optional dependencies are
missing says in one line which extra to install (exit 2), never with a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

from compact_course.core.course import load_course
from compact_course.core.paths import default_root
from compact_course.core.yamlmarks import CourseDataError
from compact_course.quiz.item_rules import item_problems as quiz_item_problems

MISSING_EXTRA = 2  # the exit status of a command whose extra is not installed


@dataclass(frozen=True)
class Feature:
    """A module that registers ``commands``, and the extra its commands need (None: the core install)."""

    module: str
    commands: tuple[str, ...]
    extra: str | None = None


FEATURES = (
    Feature("compact_course.generate", ("generate",)),
    Feature("compact_course.book.notebooks", ("notebooks",), "book"),
    Feature("compact_course.book.readability", ("readability",), "lint"),
    Feature("compact_course.book.pdf", ("pdf",), "pdf"),
    Feature("compact_course.facilitator.plans", ("plan",)),
    Feature("compact_course.facilitator.pack", ("pack",)),
    Feature("compact_course.export", ("export",)),
    Feature("compact_course.export.downloads", ("downloads",)),
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


def _is_third_party(error: ImportError) -> bool:
    name = error.name or ""
    return bool(name) and name.split(".")[0] != "compact_course"


def _install_hint(command: str, extra: str | None, error: ImportError) -> str:
    wanted = f"pip install 'compact-course[{extra}]'" if extra else "pip install compact-course"
    return f"compact-course {command}: {error.name} is not installed; it comes with {wanted}"


def _register(commands, feature: Feature) -> None:
    try:
        module = importlib.import_module(feature.module)
    except ImportError as error:
        if feature.extra is None or not _is_third_party(error):
            raise  # a core command or our own module failing to import is a defect, not a missing extra
        for name in feature.commands:
            # Listed all the same, taking any arguments, so that running it names the extra.
            placeholder = commands.add_parser(name, help=f"(needs the '{feature.extra}' extra)", add_help=False)
            placeholder.add_argument("arguments", nargs=argparse.REMAINDER)
            placeholder.set_defaults(run=None, missing=error)
    else:
        module.register(commands)
    for name in feature.commands:
        commands.choices[name].set_defaults(extra=feature.extra)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="compact-course", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None, help="course folder (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate all data and quiz banks")
    check.set_defaults(run=_check)
    for feature in FEATURES:
        _register(commands, feature)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.root is None:
        args.root = default_root()
    extra = getattr(args, "extra", None)
    missing = getattr(args, "missing", None)
    if missing is not None:
        print(_install_hint(args.command, extra, missing), file=sys.stderr)
        return MISSING_EXTRA
    try:
        return args.run(args)
    except CourseDataError as error:
        print(error, file=sys.stderr)
        return 1
    except ImportError as error:  # an optional dependency imported on use
        if not _is_third_party(error):
            raise
        print(_install_hint(args.command, extra, error), file=sys.stderr)
        return MISSING_EXTRA
