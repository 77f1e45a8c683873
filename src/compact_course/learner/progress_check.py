"""Reading a progress file that may be anything: checked before a single record is trusted.

Every progress file (the learner's own, or one exported from a browser and imported here)
passes :func:`parse_progress_bytes`, which refuses, with a message saying what is wrong:

- a file over :data:`MAX_BYTES` (1 MB; a whole course's answers take a few tens of kB);
- text that is not UTF-8, or JSON that is invalid or cut short;
- JSON nested deeper than :data:`MAX_DEPTH`, keys such as ``__proto__`` that a browser would
  treat as an object's machinery, record keys that are not storage keys or question ids, and
  text holding markup or control characters (HTML in an answer, a page or a time);
- anything :meth:`~compact_course.learner.progress.Progress.from_json` refuses: the wrong
  format, a version newer than this code reads, records of the wrong shape.

The learner's own file is read this way too (:mod:`.progress_store` sets a refused one aside);
:mod:`.progress_import` refuses a file from elsewhere.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from compact_course.learner.progress import KEY_PREFIX, Progress, ProgressFormatError, utc_now

MAX_BYTES = 1_000_000
MAX_DEPTH = 8  # envelope, records, record, first, answer: five levels; a little room for later fields
FORBIDDEN_KEYS = frozenset({"__proto__", "constructor", "prototype"})
NAME = r"[a-z0-9]+(-[a-z0-9]+)*"
RECORD_KEY = re.compile(rf"^({re.escape(KEY_PREFIX)}{NAME}:)?{NAME}$")
UNSAFE_TEXT = re.compile(r"[<>\x00-\x1f\x7f]")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".rstrip("0").rstrip(".")


def _json(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProgressFormatError(f"the file is not UTF-8 text ({error.reason} at byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # Reaching the end inside a string or before the closing brackets means the file was cut short.
        ended = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        cut = " (it seems cut short)" if ended else ""
        raise ProgressFormatError(
            f"the file is not valid JSON{cut}: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise ProgressFormatError(f"the file nests JSON deeper than {MAX_DEPTH} levels") from None


def _check_key(key: str, where: str, depth: int) -> None:
    if key in FORBIDDEN_KEYS:
        raise ProgressFormatError(f"{where}: the key {key!r} is not allowed")
    if depth == 2 and not RECORD_KEY.match(key):
        raise ProgressFormatError(f"{where}: {key!r} is not a question id or a {KEY_PREFIX}<store>:<id> key")
    if UNSAFE_TEXT.search(key):
        raise ProgressFormatError(f"{where}: the key {key!r} holds markup or control characters")


def check_safe(value: Any, where: str = "the file", depth: int = 1) -> None:
    """Refuse deep nesting, object-machinery keys, odd record keys, and text with markup in it."""
    if depth > MAX_DEPTH:
        raise ProgressFormatError(f"{where}: nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_key(key, where, depth)
            check_safe(item, f"{where}[{key!r}]" if depth > 1 else repr(key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_safe(item, f"{where}[{index}]", depth + 1)
    elif isinstance(value, str) and UNSAFE_TEXT.search(value):
        raise ProgressFormatError(f"{where}: the text {value[:60]!r} holds markup or control characters")


def parse_progress_bytes(raw: bytes, clock: Callable[[], datetime] = utc_now) -> Progress:
    """The progress in a file's bytes; raise ProgressFormatError saying what is wrong."""
    if len(raw) > MAX_BYTES:
        raise ProgressFormatError(f"the file is {_megabytes(len(raw))} MB; the limit is {_megabytes(MAX_BYTES)} MB")
    data = _json(raw)
    check_safe(data)
    return Progress.from_json(data, clock)


def read_progress_file(path: Path, clock: Callable[[], datetime] = utc_now) -> Progress:
    """Read at most one byte over the limit, so a huge file is refused without reading it all."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise ProgressFormatError(
                f"the file is {_megabytes(os.fstat(handle.fileno()).st_size)} MB; "
                f"the limit is {_megabytes(MAX_BYTES)} MB"
            )
    return parse_progress_bytes(raw, clock)
