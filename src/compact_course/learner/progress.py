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

Saving is atomic (temporary file in the same folder, flushed and synced, then renamed over
the old one), so a crash never leaves half a file. A file that cannot be read, in whole or
in part, is moved aside to ``<name>.corrupt-N.json`` with a warning naming both paths, and
progress starts afresh: nothing is ever deleted.

A record counts only while its fingerprint matches the current question
(:func:`compact_course.quiz.scoring.fingerprint`); records for edited questions are reported as
changed, not counted.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.paths import PROGRESS_ENV_VAR
from compact_course.quiz.scoring import QuestionResult, fingerprint

FORMAT = "compact-course-progress"
VERSION = 1
KEY_PREFIX = "compact-course:v1:"
LESSON_STORE = "lesson"
ENV_VAR = PROGRESS_ENV_VAR
APP_NAME = "compact-course"
FILE_NAME = "progress.json"
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
    answered: int  # questions answered against their current fingerprint
    correct: int
    total: int
    status: str  # "not started" | "in progress" | "done"
    changed: tuple[str, ...]  # questions whose saved answer is for an older version


@dataclass(frozen=True)
class ModuleStatus:
    module_id: str
    number: int
    title: str
    lessons: tuple[LessonStatus, ...]

    @property
    def answered(self) -> int:
        return sum(lesson.answered for lesson in self.lessons)

    @property
    def correct(self) -> int:
        return sum(lesson.correct for lesson in self.lessons)

    @property
    def total(self) -> int:
        return sum(lesson.total for lesson in self.lessons)

    @property
    def status(self) -> str:
        return _status(self.answered, all(lesson.status == DONE for lesson in self.lessons))


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


def _status(answered: int, done: bool) -> str:
    if done:
        return DONE
    return IN_PROGRESS if answered else NOT_STARTED


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
        known: set[str] = set()
        modules = []
        for module in course.modules:
            lessons = []
            for lesson in module.lessons:
                questions = course.quiz_for(lesson.id).questions
                answered = correct = 0
                changed = []
                for question in questions:
                    known.add(question.id)
                    saved = self.records.get(question.id)
                    if saved is None:
                        continue
                    if saved.fingerprint != fingerprint(question):
                        changed.append(question.id)
                        continue
                    answered += 1
                    correct += saved.correct
                lessons.append(
                    LessonStatus(
                        lesson.id,
                        course.lesson_number(lesson.id),
                        lesson.title,
                        answered,
                        correct,
                        len(questions),
                        _status(answered, answered == len(questions)),
                        tuple(changed),
                    )
                )
            modules.append(ModuleStatus(module.id, course.module_number(module.id), module.title, tuple(lessons)))
        unknown = tuple(sorted(qid for qid in self.records if qid not in known))
        return CourseStatus(tuple(modules), unknown)

    def to_json(self) -> dict:
        records = {lesson_key(qid): saved.to_json() for qid, saved in self.records.items()}
        records.update(self.other)
        return {"format": FORMAT, "version": VERSION, "records": dict(sorted(records.items()))}

    @classmethod
    def from_json(cls, data: Any, clock: Callable[[], datetime] = utc_now) -> Progress:
        """Read a progress file's content or a browser export; raise ProgressFormatError if invalid."""
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
        progress = cls(clock=clock)
        for key, raw in data["records"].items():
            where = f"records[{key!r}]"
            if not key.startswith(KEY_PREFIX):
                question_id = key
            else:
                store, _, question_id = key[len(KEY_PREFIX) :].partition(":")
                if not store or not question_id:
                    raise ProgressFormatError(f"{where}: expected a key of the form {KEY_PREFIX}<store>:<question-id>")
                if store != LESSON_STORE:
                    _check_other(store, question_id, raw, where)
                    progress.other[key] = raw
                    continue
            if not question_id:
                raise ProgressFormatError(f"{where}: the question id is empty")
            if question_id in progress.records:
                raise ProgressFormatError(f"{where}: question {question_id!r} has two records")
            progress.records[question_id] = ProgressRecord.from_json(question_id, raw, where)
        return progress


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


def default_progress_path() -> Path:
    """``$COMPACT_COURSE_PROGRESS`` if set, else ``progress.json`` in the user's data folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / FILE_NAME


def progress_path(path: str | os.PathLike | None = None) -> Path:
    return Path(path).expanduser() if path is not None else default_progress_path()


def aside_path(path: Path) -> Path:
    """The first free ``<name>.corrupt-N.json`` beside ``path`` (N = 1, 2, ...)."""
    number = 1
    while True:
        candidate = path.with_name(f"{path.stem}.corrupt-{number}.json")
        if not candidate.exists():
            return candidate
        number += 1


def load_progress(path: str | os.PathLike | None = None, clock: Callable[[], datetime] = utc_now) -> Progress:
    """Progress saved at ``path`` (default: :func:`default_progress_path`); empty if there is none.

    A file that is not valid progress is moved aside (never deleted) with a warning.
    """
    path = progress_path(path)
    if not path.exists():
        return Progress(clock=clock)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Progress.from_json(data, clock)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ProgressFormatError) as error:
        reason = str(error)
    target = aside_path(path)
    try:
        os.replace(path, target)
    except OSError as error:
        raise OSError(
            f"progress file {path} cannot be read ({reason}) and could not be moved aside to {target}: {error}"
        ) from error
    warnings.warn(
        f"progress file {path} could not be read ({reason}); it was moved to {target} and progress starts afresh",
        stacklevel=2,
    )
    return Progress(clock=clock)


def save_progress(progress: Progress, path: str | os.PathLike | None = None) -> Path:
    """Write ``progress`` atomically to ``path`` (default: :func:`default_progress_path`)."""
    path = progress_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(progress.to_json(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below; kept for its name after closing
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    return path


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows (POSIX folders can be synced)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


class ProgressTracker:
    """Saves a live quiz's results as they happen: ``ProgressTracker().attach(quiz)``."""

    def __init__(
        self, path: str | os.PathLike | None = None, clock: Callable[[], datetime] = utc_now, page: str | None = None
    ):
        self.path = progress_path(path)
        self.page = page
        self.progress = load_progress(self.path, clock)

    def attach(self, quiz):
        """Restore saved answers into ``quiz``'s widget and save every new result; returns ``quiz``."""
        self.attach_widget(quiz.widget)
        return quiz

    def attach_widget(self, widget) -> None:
        """Restore saved answers into a quiz widget and save every new result it reports."""
        widgets = {question.question.id: question for question in widget.questions}
        for _question_id, question_widget in widgets.items():
            saved = self.progress.current(question_widget.question)
            if saved is not None:
                question_widget.set_response(saved.answer)

        def save(result: QuestionResult) -> None:
            question_widget = widgets[result.question_id]
            if self.progress.record(question_widget.question, question_widget.response, result, page=self.page):
                save_progress(self.progress, self.path)

        widget.on_result(save)
