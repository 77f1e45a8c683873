"""The order in which a question's options are shown, the same in every rendering.

Options are written in the bank in any order (usually the key first); a learner must never be
able to pass by position. So every rendering (static page, live widget, handouts, answer keys,
room poll, exports) shows the options in one order derived from the question's id alone:

- single-answer questions (single, scenario): the key goes to position
  ``(n + fnv1a32(stem)) mod options``, where ``n`` is the number that ends the id and ``stem``
  the rest of it. Consecutive questions of a bank therefore put their keys in consecutive
  positions, which spreads keys evenly over the positions across the bank; the wrong options
  fill the other places in an order shuffled by a generator seeded with the id;
- multi-select questions: every option is shuffled by a generator seeded with the id, so right
  and wrong options mix;
- true-false keeps True, False; matching offers its matches alphabetically (see the model).

Deterministic: the same id always gives the same order, so stored outputs and snapshots are stable.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
TRAILING_NUMBER = re.compile(r"^(?P<stem>.*?)-?(?P<number>\d+)$")
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def fnv1a32(text: str) -> int:
    """The 32-bit FNV-1a hash of the UTF-8 bytes of ``text``."""
    value = FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value


def key_position(question_id: str, option_count: int) -> int:
    """Where a single-answer question's key is shown (0-based)."""
    found = TRAILING_NUMBER.match(question_id)
    number, stem = (int(found["number"]), found["stem"]) if found else (0, question_id)
    return (number + fnv1a32(stem)) % option_count


def arrange_single_answer(question_id: str, options: Sequence[T], correct: Sequence[bool]) -> tuple[T, ...]:
    """The options of a one-key question in display order."""
    key = next(option for option, right in zip(options, correct) if right)
    others = [option for option, right in zip(options, correct) if not right]
    random.Random(f"order:{question_id}").shuffle(others)
    others.insert(key_position(question_id, len(options)), key)
    return tuple(others)


def arrange_shuffled(question_id: str, options: Sequence[T]) -> tuple[T, ...]:
    """The options of a multi-select question in display order."""
    shuffled = list(options)
    random.Random(f"order:{question_id}").shuffle(shuffled)
    return tuple(shuffled)
