"""Safe YAML loading that remembers where every key and list item came from.

``yaml.safe_load`` forgets line numbers, so a validation error could only say *which*
field was wrong, not *where*. This loader builds ordinary dicts and lists (subclasses
that carry line numbers), refuses duplicate keys, and offers :func:`locate` to turn a
field path such as ``("questions", 3, "options")`` into a line number.

Any input finishes quickly in bounded memory: files over :data:`MAX_BYTES` are refused
unread; nesting deeper than :data:`MAX_DEPTH` and more than :data:`MAX_NODES` items once
aliases are expanded (a "billion laughs" alias bomb) are refused before anything is built;
each refusal is a :class:`Problem` that states the limit. Parsing uses libyaml where it is
installed (many times faster); a syntax error in a small file is re-read by PyYAML's own
parser, whose messages say more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

MAX_BYTES = 2_000_000  # the largest course file is under 100 kB
MAX_DEPTH = 50  # the course's data nests about six levels deep
MAX_NODES = 500_000  # items after expanding aliases; 10,000 questions take about 100,000
SLOW_PARSE_BYTES = 200_000  # re-read a syntax error with PyYAML's parser only up to this size


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


class _LimitExceeded(yaml.YAMLError):
    """The input is refused before it is built: too deep, too many items, or a value that cannot be read."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _MarkingConstructor(SafeConstructor):
    """SafeConstructor that records lines and collects duplicate keys as problems."""

    file: str
    problems: list[Problem]

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:  # e.g. a date such as 2026-13-45
            raise _LimitExceeded(node.start_mark.line + 1, f"cannot read the value {node.value!r}: {error}") from None


class _MarkingLoader(
    yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _MarkingConstructor, Resolver
):
    """PyYAML's own parser, for its fuller syntax error messages."""

    def __init__(self, stream: str, file: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _MarkingConstructor.__init__(self)
        Resolver.__init__(self)
        self.file = file
        self.problems = []


def _construct_mapping(loader: _MarkingConstructor, node: yaml.MappingNode) -> MarkedDict:
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


def _construct_sequence(loader: _MarkingConstructor, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_MarkingConstructor.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)  # type: ignore[type-var]
_MarkingConstructor.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)  # type: ignore[type-var]


def _fast_loader_class() -> type | None:
    """libyaml's parser with the same construction, where PyYAML was built with libyaml."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    from yaml._yaml import CParser

    class FastLoader(CParser, _MarkingConstructor, Resolver):
        def __init__(self, stream: str, file: str):
            CParser.__init__(self, stream)
            _MarkingConstructor.__init__(self)
            Resolver.__init__(self)
            self.file = file
            self.problems = []

    return FastLoader


_FastLoader = _fast_loader_class()


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_limits(root: yaml.Node) -> None:
    """Refuse a node tree nested deeper than MAX_DEPTH or holding more than MAX_NODES items with
    aliases expanded, before anything is built. Iterative, and each node is measured once, so
    an alias bomb costs no more than its text."""
    measured: dict[int, tuple[int, int]] = {}  # id(node) -> (items, depth) with aliases expanded
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        line = node.start_mark.line + 1
        if not finished:
            if key in measured:
                continue
            if key in open_nodes:
                raise _LimitExceeded(line, "an alias refers to the item that contains it")
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node) if id(child) not in measured)
            continue
        parts = [measured[id(child)] for child in _children(node)]
        items, depth = 1 + sum(p[0] for p in parts), 1 + max((p[1] for p in parts), default=0)
        if depth > MAX_DEPTH:
            raise _LimitExceeded(line, f"nested deeper than {MAX_DEPTH} levels; the limit is {MAX_DEPTH}")
        if items > MAX_NODES:
            raise _LimitExceeded(
                line, f"more than {MAX_NODES:,} items once aliases are expanded; the limit is {MAX_NODES:,}"
            )
        measured[key] = (items, depth)
        open_nodes.discard(key)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".rstrip("0").rstrip(".")


def _parse(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Compose with the fastest parser, check the limits, then build the data."""
    loader = (_FastLoader or _MarkingLoader)(text, file)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        check_limits(node)
        return loader.construct_document(node), loader.problems
    finally:
        loader.dispose()


def _syntax_error(text: str, file: str, error: yaml.MarkedYAMLError) -> Problem:
    """The syntax error in PyYAML's words where the file is small enough to read again."""
    if _FastLoader is not None and len(text) <= SLOW_PARSE_BYTES:
        loader = _MarkingLoader(text, file)
        try:
            loader.get_single_node()
        except yaml.MarkedYAMLError as slow_error:
            error = slow_error
        except (yaml.YAMLError, RecursionError):
            pass  # keep libyaml's message
        finally:
            loader.dispose()
    return _syntax_problem(file, error)


def load_marked_yaml(path: Path, display_name: str) -> tuple[Any, list[Problem]]:
    """Load one YAML file safely; return the data and the problems found while parsing.

    A syntax error yields ``(None, [problem])``; the caller carries on with other files so
    that every problem in the course is reported in one run.
    """
    size = path.stat().st_size
    if size > MAX_BYTES:
        message = f"the file is {_megabytes(size)} MB; the limit is {_megabytes(MAX_BYTES)} MB"
        return None, [Problem(display_name, 1, "", message)]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(display_name, 1, "", f"not valid UTF-8 ({error.reason})")]
    try:
        data, problems = _parse(text, display_name)
    except _LimitExceeded as error:
        return None, [Problem(display_name, error.line, "", error.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(text, display_name, error)]
    except RecursionError:  # only without libyaml, whose parser stops at its own depth limit
        return None, [Problem(display_name, 1, "", f"nested too deep to read; the limit is {MAX_DEPTH} levels")]
    except yaml.YAMLError as error:
        return None, [Problem(display_name, 1, "", f"YAML error: {error}")]
    if data is None:
        # An empty or comment-only file parses to None; say so rather than fail later.
        return None, [Problem(display_name, 1, "", "the file is empty")]
    return data, problems


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
