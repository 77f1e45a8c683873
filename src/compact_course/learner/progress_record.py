"""One saved answer: the record the browser keeps per question, and its first attempt.

A record (format version 2) has the fields ``answer``, ``correct``, ``fingerprint``, ``time``,
``question``, ``page`` and ``first``::

    {"answer": "b", "correct": true, "fingerprint": "1a2b3c4d5e6f", "time": "2026-...Z",
     "question": "q-...", "page": "/lessons/01.html",
     "first": {"answer": "a", "correct": false, "time": "2026-...Z"}}

``first`` is the first attempt at the question's current version, kept on later attempts.
A cleared answer ("Try again") is a record whose ``answer`` is null (``correct`` false): it
counts nowhere, but it keeps ``first`` and, being newer, wins when two saves are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

# Choice keys are "a", "b", ..., "true", "false"; matching item keys are "1", "2", ...
ANSWER_KEY = re.compile(r"^[a-z0-9-]{1,40}$")
RECORD_FIELDS = {"answer", "correct", "fingerprint", "time", "question", "page", "first"}
FIRST_FIELDS = {"answer", "correct", "time"}


class ProgressFormatError(ValueError):
    """The progress file's content is not a progress file; the message says what is wrong."""


def _keys_ok(values: Any) -> bool:
    return all(isinstance(key, str) and ANSWER_KEY.match(key) for key in values)


def check_answer(answer: Any, where: str) -> None:
    """Answers have the shapes scoring.py documents: a key, a list of keys or item -> key; or null."""
    if answer is None:
        return
    if isinstance(answer, str) and ANSWER_KEY.match(answer):
        return
    if isinstance(answer, list) and _keys_ok(answer):
        return
    if isinstance(answer, dict) and _keys_ok(answer) and _keys_ok(answer.values()):
        return
    raise ProgressFormatError(
        f"{where}: answer must be a choice key, a list of keys or a mapping of item to key; got {answer!r}"
    )


def is_answered(answer: Any) -> bool:
    """An answer counts only if something was chosen: null, "", [] and {} are cleared answers."""
    return answer is not None and answer != "" and answer != [] and answer != {}


def _optional_text(data: dict, name: str, where: str) -> str | None:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise ProgressFormatError(f"{where}: field {name!r} must be str, got {value!r}")
    return value


def _required(data: dict, name: str, kind: type, where: str) -> Any:
    if not isinstance(data.get(name), kind):
        raise ProgressFormatError(f"{where}: field {name!r} must be {kind.__name__}, got {data.get(name)!r}")
    return data[name]


@dataclass(frozen=True)
class Attempt:
    """The first attempt at a question: what was chosen, whether it was right, and when."""

    answer: Any
    correct: bool
    time: str | None

    def to_json(self) -> dict:
        data = {"answer": self.answer, "correct": self.correct}
        if self.time is not None:
            data["time"] = self.time
        return data

    @classmethod
    def from_json(cls, data: Any, where: str) -> Attempt:
        where = f"{where}.first"
        if not isinstance(data, dict):
            raise ProgressFormatError(f"{where}: must be an object, got {type(data).__name__}")
        unknown = sorted(set(data) - FIRST_FIELDS)
        if unknown:
            raise ProgressFormatError(f"{where}: unknown field(s) {', '.join(unknown)}")
        if "answer" not in data:
            raise ProgressFormatError(f"{where}: field 'answer' is missing")
        check_answer(data["answer"], where)
        return cls(data["answer"], _required(data, "correct", bool, where), _optional_text(data, "time", where))


@dataclass(frozen=True)
class ProgressRecord:
    """One saved answer, exactly as the browser stores it."""

    question_id: str
    answer: Any
    correct: bool
    fingerprint: str
    time: str | None
    page: str | None = None
    extra: tuple[tuple[str, Any], ...] = ()  # fields a later browser version may add, kept as they came
    first: Attempt | None = None  # None: not known (a record saved without it)

    @property
    def answered(self) -> bool:
        """False for a cleared answer, which counts nowhere."""
        return is_answered(self.answer)

    @property
    def counts_correct(self) -> bool:
        return self.answered and self.correct

    def cleared(self, time: str) -> ProgressRecord:
        """This record after "Try again": no answer, not correct, the first attempt kept."""
        return replace(self, answer=None, correct=False, time=time)

    def to_json(self) -> dict:
        data = dict(self.extra)
        data.update(
            {
                "answer": self.answer,
                "correct": self.correct,
                "fingerprint": self.fingerprint,
                "question": self.question_id,
            }
        )
        if self.time is not None:
            data["time"] = self.time
        if self.page is not None:
            data["page"] = self.page
        if self.first is not None:
            data["first"] = self.first.to_json()
        return data

    @classmethod
    def from_json(cls, question_id: str, data: Any, where: str) -> ProgressRecord:
        if not isinstance(data, dict):
            raise ProgressFormatError(f"{where}: a record must be an object, got {type(data).__name__}")
        if "answer" not in data:
            raise ProgressFormatError(f"{where}: field 'answer' is missing")
        check_answer(data["answer"], where)
        correct = _required(data, "correct", bool, where)
        stamp = _required(data, "fingerprint", str, where)
        time, page = _optional_text(data, "time", where), _optional_text(data, "page", where)
        if data.get("question", question_id) != question_id:
            raise ProgressFormatError(
                f"{where}: field 'question' is {data['question']!r} but the key names {question_id!r}"
            )
        first = Attempt.from_json(data["first"], where) if data.get("first") is not None else None
        extra = tuple(sorted((k, v) for k, v in data.items() if k not in RECORD_FIELDS))
        return cls(question_id, data["answer"], correct, stamp, time, page, extra, first)


def time_key(time: Any) -> tuple[int, str]:
    """Sort key for record times: a record without a time is older than any with one."""
    return (1, time) if isinstance(time, str) else (0, "")


def earlier_first(one: ProgressRecord, other: ProgressRecord) -> Attempt | None:
    """The earlier of two records' first attempts at the same question version."""
    firsts = [attempt for attempt in (one.first, other.first) if attempt is not None]
    return min(firsts, key=lambda attempt: time_key(attempt.time)) if firsts else None


def newer_record(ours: ProgressRecord, theirs: ProgressRecord) -> ProgressRecord:
    """Merge two writers' records of one question: the newer by time wins (ours on a tie), and
    for the same question version the first attempt is the earlier of the two."""
    winner = theirs if time_key(theirs.time) > time_key(ours.time) else ours
    if ours.fingerprint != theirs.fingerprint:
        return winner
    return replace(winner, first=earlier_first(ours, theirs))
