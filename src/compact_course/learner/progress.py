"""A learner's progress in a live notebook: the same records the browser keeps, saved to JSON.

The static book stores one record per question in ``localStorage`` under
``compact-course:v1:<store>:<question-id>`` (:mod:`.progress_record` describes a record).
This module keeps the same records in a JSON file::

    {"format": "compact-course-progress", "version": 2,
     "records": {"compact-course:v1:lesson:q-...": {"answer": "a", "correct": true, ...}}}

so a file exported from the browser loads here unchanged (record keys may also be bare
question ids). Version 1 files (records without ``first``) are migrated when read. Records
under other keys (the self-assessment's ``assessment`` answers, its ``submitted:<quiz-id>``
marks, keys a later version may add) are checked where their shape is known, kept and
written back untouched; only lesson records count as progress.

Reading and writing the file (under a lock, merging with what another writer saved,
atomically, moving unreadable files aside) is :mod:`.progress_store`'s job; checking a file
from elsewhere is :mod:`.progress_import`'s.

A record counts only while its fingerprint matches the current question
(:func:`compact_course.quiz.scoring.fingerprint`) and its answer is not cleared; records for
edited questions are reported as changed, not counted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.tally import Tally
from compact_course.learner.progress_record import (
    Attempt,
    ProgressFormatError,
    ProgressRecord,
    check_answer,
    newer_record,
    time_key,
)
from compact_course.quiz.scoring import QuestionResult, fingerprint

__all__ = ["Attempt", "Progress", "ProgressFormatError", "ProgressRecord"]

FORMAT = "compact-course-progress"
VERSION = 2  # 2 added each record's first attempt ("first") and cleared answers
READABLE_VERSIONS = (1, 2)
KEY_PREFIX = "compact-course:v1:"  # the browser's storage keys; not the file's version
LESSON_STORE = "lesson"
TOP_LEVEL_FIELDS = {"format", "version", "records", "exported"}
ANSWER_STORES = ("lesson", "assessment", "assessment-draw")  # stores whose records answer one question
SUBMITTED_STORE = "submitted"  # the browser's mark that an exam-mode quiz was submitted

NO_FIRST_ATTEMPTS = Tally(0, 0, 0)

NOT_STARTED, IN_PROGRESS, DONE = "not started", "in progress", "done"


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


@dataclass(frozen=True)
class LessonStatus:
    lesson_id: str
    number: int
    title: str
    tally: Tally  # answered counts only answers saved against the question's current fingerprint, not cleared
    changed: tuple[str, ...]  # questions whose saved answer is for an older version
    first: Tally = NO_FIRST_ATTEMPTS  # first attempts: how many were made, how many were right

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


def _plain_response(response: Any) -> Any:
    if isinstance(response, (set, frozenset)):
        return sorted(response)  # JSON has no sets; sorted keeps the file deterministic
    if isinstance(response, tuple):
        return list(response)
    return response


def first_tally(records: list[ProgressRecord], total: int) -> Tally:
    """First attempts among ``records``: how many are known, how many were right."""
    firsts = [saved.first for saved in records if saved.first is not None]
    return Tally(sum(attempt.correct for attempt in firsts), len(firsts), total)


@dataclass
class Progress:
    """Lesson records by question id, plus records from other stores kept as they came."""

    records: dict[str, ProgressRecord] = field(default_factory=dict)
    other: dict[str, Any] = field(default_factory=dict)  # full storage key -> raw record
    clock: Callable[[], datetime] = field(default=utc_now, repr=False, compare=False)

    def _time(self, now: str | datetime | None) -> str:
        moment = now if now is not None else self.clock()
        return moment if isinstance(moment, str) else iso_time(moment)

    def record(
        self,
        question: m.QuestionBase,
        response: Any,
        result: QuestionResult,
        now: str | datetime | None = None,
        page: str | None = None,
    ) -> ProgressRecord | None:
        """Save the result of checking ``response``; unanswered results change nothing (None).

        The first attempt at the question's current version is kept; a later attempt replaces
        only the latest answer."""
        if result.question_id != question.id:
            raise ValueError(f"result is for {result.question_id!r}, not for question {question.id!r}")
        if not result.answered:
            return None
        response = _plain_response(response)
        check_answer(response, question.id)
        time = self._time(now)
        previous = self.current(question)
        first = previous.first if previous is not None else None
        if first is None:
            first = Attempt(response, result.correct, time)
        saved = ProgressRecord(question.id, response, result.correct, fingerprint(question), time, page, first=first)
        self.records[question.id] = saved
        return saved

    def clear(self, question: m.QuestionBase, now: str | datetime | None = None) -> ProgressRecord | None:
        """ "Try again": the saved answer no longer counts (its first attempt is kept); None if none was saved."""
        saved = self.records.get(question.id)
        if saved is None or not saved.answered:
            return None
        cleared = saved.cleared(self._time(now))
        self.records[question.id] = cleared
        return cleared

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
        """How far the learner is with one lesson's questions; records for older versions, and
        cleared answers, do not count."""
        questions = course.quiz_for(lesson.id).questions
        return self.questions_status(questions, lesson.id, course.lesson_number(lesson.id), lesson.title)

    def questions_status(self, questions, lesson_id: str = "", number: int = 0, title: str = "") -> LessonStatus:
        """The status of any set of questions (a lesson's, or a self-assessment's)."""
        current = [saved for saved in map(self.current, questions) if saved is not None]
        answered = [saved for saved in current if saved.answered]
        changed = tuple(q.id for q in questions if q.id in self.records and self.current(q) is None)
        tally = Tally(sum(saved.counts_correct for saved in answered), len(answered), len(questions))
        return LessonStatus(lesson_id, number, title, tally, changed, first_tally(current, len(questions)))

    def merged(self, theirs: Progress) -> Progress:
        """These records and another writer's: per question the newer wins; none is dropped."""
        records = dict(theirs.records)
        for qid, saved in self.records.items():
            records[qid] = newer_record(saved, theirs.records[qid]) if qid in theirs.records else saved
        other = dict(theirs.other)
        for key, raw in self.other.items():
            other[key] = _newer_raw(raw, theirs.other[key]) if key in theirs.other else raw
        return replace(self, records=dict(sorted(records.items())), other=dict(sorted(other.items())))

    def to_json(self) -> dict:
        records: dict[str, Any] = {lesson_key(qid): saved.to_json() for qid, saved in self.records.items()}
        records.update(self.other)
        return {"format": FORMAT, "version": VERSION, "records": dict(sorted(records.items()))}

    @classmethod
    def from_json(cls, data: Any, clock: Callable[[], datetime] = utc_now) -> Progress:
        """Read a progress file's content or a browser export; raise ProgressFormatError if invalid.

        Version 1 is migrated: its records had no first attempt, so the saved answer, the
        earliest one known, becomes the first."""
        _check_top_level(data)
        progress = cls(clock=clock)
        for key, raw in data["records"].items():
            progress._add_raw(key, raw)
        if data["version"] == 1:
            progress.records = {qid: _migrated(saved) for qid, saved in progress.records.items()}
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


def _migrated(saved: ProgressRecord) -> ProgressRecord:
    if saved.first is not None or not saved.answered:
        return saved
    return replace(saved, first=Attempt(saved.answer, saved.correct, saved.time))


def _newer_raw(ours: Any, theirs: Any) -> Any:
    """Records of other stores: the newer by their ``time`` field wins, ours on a tie."""
    ours_time = ours.get("time") if isinstance(ours, dict) else None
    theirs_time = theirs.get("time") if isinstance(theirs, dict) else None
    return theirs if time_key(theirs_time) > time_key(ours_time) else ours


def _check_top_level(data: Any) -> None:
    """The file's envelope: an object with the right format, a version this code reads, and records."""
    if not isinstance(data, dict):
        raise ProgressFormatError(f"the file must hold a JSON object, not {type(data).__name__}")
    unknown = sorted(set(data) - TOP_LEVEL_FIELDS)
    if unknown:
        raise ProgressFormatError(f"unknown top-level field(s) {', '.join(unknown)}")
    if data.get("format") != FORMAT:
        raise ProgressFormatError(f"'format' must be {FORMAT!r}, got {data.get('format')!r}")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise ProgressFormatError(
            f"'version' is {version}: the file was saved by a newer version of the course, "
            f"which this one cannot read (it reads versions 1 to {VERSION})"
        )
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise ProgressFormatError(f"'version' must be one of 1 to {VERSION}, got {version!r}")
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
