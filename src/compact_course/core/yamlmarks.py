"""Safe YAML loading that remembers where every key and list item came from.

``yaml.safe_load`` forgets line numbers, so a validation error could only say *which*
field was wrong, not *where*. This loader builds ordinary dicts and lists (subclasses
that carry line numbers), refuses duplicate keys, and offers :func:`locate` to turn a
field path such as ``("questions", 3, "options")`` into a line number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the course data, with its location."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class CourseDataError(Exception):
    """Raised when course data is invalid; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the course data:\n{lines}")


class MarkedDict(dict):
    """A dict that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict


class MarkedList(list):
    """A list that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list


class _MarkingLoader(yaml.SafeLoader):
    """SafeLoader that records lines and collects duplicate keys as problems."""

    def __init__(self, stream: str, file: str):
        super().__init__(stream)
        self.file = file
        self.problems: list[Problem] = []


def _construct_mapping(loader: _MarkingLoader, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)
    result = MarkedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            loader.problems.append(Problem(loader.file, key_line, "", f"unsupported key {key!r}"))
            continue
        if key in result:
            loader.problems.append(
                Problem(
                    loader.file,
                    key_line,
                    str(key),
                    f"duplicate key (first given on line {result.key_lines[key]})",
                )
            )
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_line
    return result


def _construct_sequence(loader: _MarkingLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_MarkingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_MarkingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_marked_yaml(path: Path, display_name: str) -> tuple[Any, list[Problem]]:
    """Load one YAML file safely; return the data and the problems found while parsing.

    A syntax error yields ``(None, [problem])``; the caller carries on with other files so
    that every problem in the course is reported in one run.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(display_name, 1, "", f"not valid UTF-8 ({error.reason})")]
    loader = _MarkingLoader(text, display_name)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(display_name, error)]
    except yaml.YAMLError as error:
        return None, [Problem(display_name, 1, "", f"YAML error: {error}")]
    finally:
        loader.dispose()
    if data is None:
        # An empty or comment-only file parses to None; say so rather than fail later.
        return None, [Problem(display_name, 1, "", "the file is empty")]
    return data, loader.problems


# What PyYAML's context ("while parsing a flow mapping") was reading, in plain words.
_OPEN_THINGS = (
    ("flow sequence", "the list that is not closed"),
    ("flow mapping", "the mapping that is not closed"),
    ("block sequence", "the list being read"),
    ("block mapping", "the mapping being read"),
    ("quoted scalar", "the quoted text that is not closed"),
)


def _syntax_problem(file: str, error: yaml.MarkedYAMLError) -> Problem:
    """A syntax error at the line where the parser noticed it, naming where the open thing began.

    The parser often notices an unclosed ``[`` or ``{`` lines after it, so the line where
    that list or mapping began (PyYAML's context mark) is the more useful one to a reader.
    """
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    message = f"YAML syntax error: {error.problem}"
    context = error.context or ""
    if error.context_mark is not None and error.context_mark.line + 1 != line:
        thing = next((words for key, words in _OPEN_THINGS if key in context), "the part being read")
        message += f" ({thing} begins on line {error.context_mark.line + 1})"
    return Problem(file, line, "", message)


def locate(data: Any, path: Iterable[Any]) -> tuple[int, str]:
    """Return ``(line, dotted_path)`` for a field path into marked data.

    Path elements that do not exist in the data (a missing field, or a union tag that
    pydantic inserts) keep the line of the deepest element that does exist. Union tags
    equal to the node's ``type`` value are dropped from the printed path.
    """
    line = getattr(data, "line", 1) or 1
    shown: list[str] = []
    node = data
    tag_allowed = False  # pydantic's union tag can only follow a list index
    for element in path:
        if tag_allowed and isinstance(node, MarkedDict) and element == node.get("type") and element not in node:
            tag_allowed = False
            continue  # pydantic's discriminated-union tag, not a field of the data
        tag_allowed = False
        if isinstance(node, MarkedDict) and element in node:
            line = node.key_lines.get(element, line)
            node = node[element]
            shown.append(f".{element}" if shown else str(element))
        elif isinstance(node, MarkedList) and isinstance(element, int) and 0 <= element < len(node):
            line = node.item_lines[element]
            node = node[element]
            shown.append(f"[{element}]")
            tag_allowed = True
        else:
            shown.append(f".{element}" if shown else str(element))
            node = None
    return line, "".join(shown)
