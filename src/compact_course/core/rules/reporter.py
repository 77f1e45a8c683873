"""The one reporter every loading step and cross-check rule writes its problems to.

A problem is given as a file and a field path such as ``("questions", 3, "qa", 0)``; the
reporter turns the path into ``file:line: field`` using the line marks of the parsed file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from compact_course.core.yamlmarks import Problem, locate

if TYPE_CHECKING:
    from compact_course.core import models as m
    from compact_course.core.course import Course

FieldPath = tuple[Any, ...]


class Reporter:
    """Collects problems with their locations; ``raw`` holds each file's marked YAML."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.raw: dict[str, Any] = {}

    def add(self, file: str, path: Iterable[Any], message: str) -> None:
        """A problem at a field of a parsed file."""
        line, shown = locate(self.raw.get(file), tuple(path))
        self.problems.append(Problem(file, line, shown, message))

    def at_line(self, file: str, line: int, message: str) -> None:
        """A problem with the file as a whole (missing, empty, unreadable) or at a known line."""
        self.problems.append(Problem(file, line, "", message))

    def line_of(self, file: str, path: FieldPath) -> int:
        return locate(self.raw.get(file), path)[0]

    def need(self, file: str, path: FieldPath, ref: str | None, known: Iterable[str], what: str) -> None:
        """Report ``ref`` (when given) unless it is one of ``known``."""
        if ref is not None and ref not in known:
            self.add(file, path, f"unknown {what} {ref!r}")

    def duplicates(self, file: str, items: Iterable[tuple[FieldPath, Any]], what: str) -> None:
        """Report every value after its first occurrence, naming the line of the first."""
        first: dict[Any, FieldPath] = {}
        for path, value in items:
            if value in first:
                self.add(file, path, f"duplicate {what} {value!r} (first on line {self.line_of(file, first[value])})")
            else:
                first[value] = path


def lesson_paths(course: Course) -> Iterator[tuple[FieldPath, m.Lesson]]:
    """Every lesson with its field path in data/lessons.yaml, in course order."""
    for i, module in enumerate(course.modules):
        for j, lesson in enumerate(module.lessons):
            yield ("modules", i, "lessons", j), lesson
