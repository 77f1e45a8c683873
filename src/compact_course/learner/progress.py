"""A learner's progress in a live notebook: the same records the browser keeps, saved to JSON.

The static book stores one record per question in ``localStorage`` under
``compact-course:v1:<store>:<question-id>`` with the fields ``answer``, ``correct``,
``fingerprint``, ``time``, ``question`` and ``page``. This module keeps the same records in
a JSON file::

    {"format": "compact-course-progress", "version": 1,
     "records": {"compact-course:v1:lesson:q-...": {"answer": "a", "correct": true, ...}}}

so a file exported from the browser loads here unchanged (record keys may also be bare
question ids). Records under other keys (the self-assessment's ``assessment`` answers, its
``submitted:<quiz-id>`` marks, keys a later version may add) are checked where their shape is
known, kept and written back untouched; only lesson records count as progress.

Reading and writing the file (atomically, moving unreadable files aside) is
:mod:`.progress_store`'s job.

A record counts only while its fingerprint matches the current question
(:func:`compact_course.quiz.scoring.fingerprint`); records for edited questions are reported as
changed, not counted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.tally import Tally
from compact_course.quiz.scoring import QuestionResult, fingerprint

FORMAT = "compact-course-progress"
VERSION = 1
KEY_PREFIX = "compact-course:v1:"
LESSON_STORE = "lesson"
TOP_LEVEL_FIELDS = {"format", "version", "records", "exported"}
ANSWER_STORES = ("lesson", "assessment")  # stores whose records are answers to one question
SUBMITTED_STORE = "submitted"  # the browser's mark that an exam-mode quiz was submitted

NOT_STARTED, IN_PROGRESS, DONE = "not started", "in progress", "done"


class ProgressFormatError(ValueError):
    """The progress file's content is not a progress file; the message says what is wrong."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_time(moment: datetime) -> str:
    """The browser's ``Date.toISOString()`` form: UTC, milliseconds, ``Z``."""
    if moment.tzinfo is None:
        raise ValueError(f"time {moment!r} has no time zone; pass an aware datetime")
    text = moment.astimezone(UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def lesson_key(question_id: str) -> str:
    """The browser's storage key for a lesson record of this question."""
    return f"{KEY_PREFIX}{LESSON_STORE}:{question_id}"


def _check_answer(answer: Any, where: str) -> None:
    """Answers have the shapes scoring.py documents: a key, a list of keys or item -> key."""
    if answer is None or isinstance(answer, str):
        return
    if isinstance(answer, list) and all(isinstance(key, str) for key in answer):
        return
    if isinstance(answer, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in answer.items()):
        return
    raise ProgressFormatError(
        f"{where}: answer must be a choice key, a list of keys or a mapping of item to key; got {answer!r}"
    )


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
        return data

    @classmethod
    def from_json(cls, question_id: str, data: Any, where: str) -> ProgressRecord:
        if not isinstance(data, dict):
            raise ProgressFormatError(f"{where}: a record must be an object, got {type(data).__name__}")
        if "answer" not in data:
            raise ProgressFormatError(f"{where}: field 'answer' is missing")
        _check_answer(data["answer"], where)
        for name, kind in (("correct", bool), ("fingerprint", str)):
            if not isinstance(data.get(name), kind):
                raise ProgressFormatError(f"{where}: field {name!r} must be {kind.__name__}, got {data.get(name)!r}")
        for name in ("time", "page"):
            if data.get(name) is not None and not isinstance(data[name], str):
                raise ProgressFormatError(f"{where}: field {name!r} must be str, got {data[name]!r}")
        if data.get("question", question_id) != question_id:
            raise ProgressFormatError(
                f"{where}: field 'question' is {data['question']!r} but the key names {question_id!r}"
            )
        known = {"answer", "correct", "fingerprint", "time", "question", "page"}
        extra = tuple(sorted((k, v) for k, v in data.items() if k not in known))
        return cls(
            question_id, data["answer"], data["correct"], data["fingerprint"], data.get("time"), data.get("page"), extra
        )


@dataclass(frozen=True)
class LessonStatus:
    lesson_id: str
    number: int
    title: str
    tally: Tally  # answered counts only answers saved against the question's current fingerprint
    changed: tuple[str, ...]  # questions whose saved answer is for an older version

    @property
    def status(self) -> str:
        """ "not started", "in progress" or "done" (every question answered)."""
        return _status(self.tally, self.tally.complete)


@dataclass(frozen=True)
class ModuleStatus:
    module_id: str
    number: int
    title: str
    lessons: tuple[LessonStatus, ...]

    @property
    def tally(self) -> Tally:
        return Tally.sum(lesson.tally for lesson in self.lessons)

    @property
    def status(self) -> str:
        return _status(self.tally, all(lesson.status == DONE for lesson in self.lessons))


@dataclass(frozen=True)
class CourseStatus:
    modules: tuple[ModuleStatus, ...]
    unknown: tuple[str, ...]  # saved records for questions no longer in the course

    @property
    def lessons(self) -> tuple[LessonStatus, ...]:
        return tuple(lesson for module in self.modules for lesson in module.lessons)

    @property
    def lessons_completed(self) -> tuple[LessonStatus, ...]:
        return tuple(lesson for lesson in self.lessons if lesson.status == DONE)

    @property
    def changed(self) -> tuple[str, ...]:
        return tuple(qid for lesson in self.lessons for qid in lesson.changed)


def _status(tally: Tally, done: bool) -> str:
    if done:
        return DONE
    return IN_PROGRESS if tally.attempted else NOT_STARTED


@dataclass
class Progress:
    """Lesson records by question id, plus records from other stores kept as they came."""

    records: dict[str, ProgressRecord] = field(default_factory=dict)
    other: dict[str, dict] = field(default_factory=dict)  # full storage key -> raw record
    clock: Callable[[], datetime] = field(default=utc_now, repr=False, compare=False)

    def record(
        self,
        question: m.QuestionBase,
        response: Any,
        result: QuestionResult,
        now: str | datetime | None = None,
        page: str | None = None,
    ) -> ProgressRecord | None:
        """Save the result of checking ``response``; unanswered results change nothing (None)."""
        if result.question_id != question.id:
            raise ValueError(f"result is for {result.question_id!r}, not for question {question.id!r}")
        if not result.answered:
            return None
        if isinstance(response, (set, frozenset)):
            response = sorted(response)  # JSON has no sets; sorted keeps the file deterministic
        elif isinstance(response, tuple):
            response = list(response)
        _check_answer(response, question.id)
        moment = now if now is not None else self.clock()
        time = moment if isinstance(moment, str) else iso_time(moment)
        saved = ProgressRecord(question.id, response, result.correct, fingerprint(question), time, page)
        self.records[question.id] = saved
        return saved

    def current(self, question: m.QuestionBase) -> ProgressRecord | None:
        """The saved record for this question, if it was made against the current version."""
        saved = self.records.get(question.id)
        return saved if saved is not None and saved.fingerprint == fingerprint(question) else None

    def status(self, course: Course) -> CourseStatus:
        modules = tuple(
            ModuleStatus(
                module.id,
                course.module_number(module.id),
                module.title,
                tuple(self.lesson_status(course, lesson) for lesson in module.lessons),
            )
            for module in course.modules
        )
        known = {
            q.id for module in course.modules for lesson in module.lessons for q in course.quiz_for(lesson.id).questions
        }
        unknown = tuple(sorted(qid for qid in self.records if qid not in known))
        return CourseStatus(modules, unknown)

    def lesson_status(self, course: Course, lesson: m.Lesson) -> LessonStatus:
        """How far the learner is with one lesson's questions; records for older versions do not count."""
        questions = course.quiz_for(lesson.id).questions
        current = [saved for saved in map(self.current, questions) if saved is not None]
        changed = tuple(q.id for q in questions if q.id in self.records and self.current(q) is None)
        tally = Tally(sum(saved.correct for saved in current), len(current), len(questions))
        return LessonStatus(lesson.id, course.lesson_number(lesson.id), lesson.title, tally, changed)

    def to_json(self) -> dict:
        records = {lesson_key(qid): saved.to_json() for qid, saved in self.records.items()}
        records.update(self.other)
        return {"format": FORMAT, "version": VERSION, "records": dict(sorted(records.items()))}

    @classmethod
    def from_json(cls, data: Any, clock: Callable[[], datetime] = utc_now) -> Progress:
        """Read a progress file's content or a browser export; raise ProgressFormatError if invalid."""
        _check_top_level(data)
        progress = cls(clock=clock)
        for key, raw in data["records"].items():
            progress._add_raw(key, raw)
        return progress

    def _add_raw(self, key: str, raw: Any) -> None:
        """Keep one record from a file: a lesson answer counts, any other store is kept as it came."""
        where = f"records[{key!r}]"
        store, question_id = _split_key(key, where)
        if store != LESSON_STORE:
            _check_other(store, question_id, raw, where)
            self.other[key] = raw
            return
        if question_id in self.records:
            raise ProgressFormatError(f"{where}: question {question_id!r} has two records")
        self.records[question_id] = ProgressRecord.from_json(question_id, raw, where)


def _check_top_level(data: Any) -> None:
    """The file's envelope: an object with the right format, version and a records object."""
    if not isinstance(data, dict):
        raise ProgressFormatError(f"the file must hold a JSON object, not {type(data).__name__}")
    unknown = sorted(set(data) - TOP_LEVEL_FIELDS)
    if unknown:
        raise ProgressFormatError(f"unknown top-level field(s) {', '.join(unknown)}")
    if data.get("format") != FORMAT:
        raise ProgressFormatError(f"'format' must be {FORMAT!r}, got {data.get('format')!r}")
    if data.get("version") != VERSION or isinstance(data.get("version"), bool):
        raise ProgressFormatError(f"'version' must be {VERSION}, got {data.get('version')!r}")
    if not isinstance(data.get("records"), dict):
        raise ProgressFormatError("'records' must be an object of question id (or storage key) to record")


def _split_key(key: str, where: str) -> tuple[str, str]:
    """(store, question id) of a record key; a bare question id is a lesson record."""
    if key.startswith(KEY_PREFIX):
        store, _, question_id = key[len(KEY_PREFIX) :].partition(":")
        if not store or not question_id:
            raise ProgressFormatError(f"{where}: expected a key of the form {KEY_PREFIX}<store>:<question-id>")
        return store, question_id
    if not key:
        raise ProgressFormatError(f"{where}: the question id is empty")
    return LESSON_STORE, key


def _check_other(store: str, name: str, raw: Any, where: str) -> None:
    """Check records of the other stores whose shape is known (as the browser does)."""
    if store in ANSWER_STORES:
        ProgressRecord.from_json(name, raw, where)
    elif store == SUBMITTED_STORE and (
        not isinstance(raw, dict)
        or not isinstance(raw.get("fingerprints"), str)
        or not isinstance(raw.get("time"), str)
    ):
        raise ProgressFormatError(f"{where}: a submission mark needs text fields 'fingerprints' and 'time'")
