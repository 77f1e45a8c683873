"""One parser for "modules or lessons by number or id", shared by ``plan`` and ``export``.

A selection is a list of references such as ``"1,3"``, ``["2", "m1-what-and-who"]`` or
``["1,3", "7"]``: each is a 1-based position in the course (module 1, lesson 7) or an id.
Commas separate references inside a value; blanks are ignored. The callers decide what an
empty or unknown selection means and how to say so, from what :func:`pick` returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from compact_course.core import models as m

if TYPE_CHECKING:
    from compact_course.core.course import Course

T = TypeVar("T")


def split_refs(values: str | Iterable[str] | None) -> list[str]:
    """The references in ``values``: split on commas, stripped, empty ones dropped."""
    if values is None:
        return []
    texts = [values] if isinstance(values, str) else list(values)
    return [part.strip() for text in texts for part in text.split(",") if part.strip()]


@dataclass(frozen=True)
class Picked(Generic[T]):
    """What a selection named: the items in course order (each once), and what matched nothing."""

    chosen: tuple[T, ...]
    unknown: tuple[str, ...]


def pick(items: Sequence[T], refs: Iterable[str], id_of: Callable[[T], str]) -> Picked[T]:
    """Resolve each reference as a position (``1`` is the first item) or else an id."""
    by_id = {id_of(item): index for index, item in enumerate(items)}
    chosen: set[int] = set()
    unknown: list[str] = []
    for ref in refs:
        if ref.isdigit() and 1 <= int(ref) <= len(items):
            chosen.add(int(ref) - 1)
        elif ref in by_id:
            chosen.add(by_id[ref])
        else:
            unknown.append(ref)
    return Picked(tuple(items[index] for index in sorted(chosen)), tuple(unknown))


def pick_modules(course: Course, refs: Iterable[str]) -> Picked[m.Module]:
    return pick(course.modules, refs, lambda module: module.id)


def pick_lessons(course: Course, refs: Iterable[str]) -> Picked[m.Lesson]:
    return pick(course.lessons, refs, lambda lesson: lesson.id)
