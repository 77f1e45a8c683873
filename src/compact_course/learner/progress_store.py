"""The progress file: where it lives, reading it safely, saving under a lock, saving as you go.

Every save takes a file lock (``<name>.lock`` beside the file), re-reads the file, merges
what another writer saved meanwhile (another kernel, or another quiz in this one: per
question the newer record wins and none is dropped, :meth:`Progress.merged`), and writes
atomically (temporary file in the same folder, flushed and synced, then renamed over the
old one), so a crash never leaves half a file and two writers never lose each other's
answers. A file that cannot be read, in whole or in part (:mod:`.progress_check` says why),
is moved aside to ``<name>.corrupt-N.json`` with a warning naming both paths, and progress
starts afresh: nothing is ever deleted. The content is :mod:`.progress`'s format.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from filelock import FileLock

from compact_course.core.paths import PROGRESS_ENV_VAR
from compact_course.learner.progress import Progress, ProgressFormatError, utc_now
from compact_course.learner.progress_check import read_progress_file
from compact_course.quiz.scoring import QuestionResult

ENV_VAR = PROGRESS_ENV_VAR
APP_NAME = "compact-course"
FILE_NAME = "progress.json"
LOCK_TIMEOUT = 30  # seconds; a save takes milliseconds, so waiting this long means a stuck writer


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


def lock_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.lock")


def _lock(path: Path) -> FileLock:
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(lock_path(path), timeout=LOCK_TIMEOUT)


def _read_or_set_aside(path: Path, clock: Callable[[], datetime]) -> Progress:
    """The progress at ``path`` (empty if none); an unreadable file is moved aside with a warning."""
    if not path.exists():
        return Progress(clock=clock)
    try:
        return read_progress_file(path, clock)
    except (OSError, ProgressFormatError) as error:
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
        stacklevel=3,
    )
    return Progress(clock=clock)


def load_progress(path: str | os.PathLike | None = None, clock: Callable[[], datetime] = utc_now) -> Progress:
    """Progress saved at ``path`` (default: :func:`default_progress_path`); empty if there is none.

    A file that is not valid progress is moved aside (never deleted) with a warning.
    """
    path = progress_path(path)
    if not path.exists():
        return Progress(clock=clock)
    with _lock(path):
        return _read_or_set_aside(path, clock)


def save_merged(progress: Progress, path: str | os.PathLike | None = None) -> Progress:
    """Under the lock: re-read ``path``, merge ``progress`` into it, write atomically; return what was saved."""
    path = progress_path(path)
    with _lock(path):
        merged = progress.merged(_read_or_set_aside(path, progress.clock))
        _write_atomic(merged, path)
    return merged


def save_progress(progress: Progress, path: str | os.PathLike | None = None) -> Path:
    """Merge ``progress`` into the file at ``path`` (default: :func:`default_progress_path`); return the path."""
    path = progress_path(path)
    save_merged(progress, path)
    return path


def _write_atomic(progress: Progress, path: Path) -> None:
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
    """Saves a live quiz's results as they happen: ``ProgressTracker().attach(quiz)``.

    Several trackers may share one file (two quizzes in a kernel, two kernels): each save
    merges with what the others saved, so every answer is kept."""

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
        """Restore saved answers into a quiz widget, save every result it reports, and clear the
        saved answer when the learner selects "Try again"."""
        widgets = {question.question.id: question for question in widget.questions}
        for question_widget in widgets.values():
            saved = self.progress.current(question_widget.question)
            if saved is not None and saved.answered:
                question_widget.set_response(saved.answer)
            question_widget.retry_button.on_click(lambda _, cleared=question_widget: self._clear(cleared))

        def save(result: QuestionResult) -> None:
            question_widget = widgets[result.question_id]
            if self.progress.record(question_widget.question, question_widget.response, result, page=self.page):
                self._save()

        widget.on_result(save)

    def _clear(self, question_widget) -> None:
        if self.progress.clear(question_widget.question):
            self._save()

    def _save(self) -> None:
        self.progress = save_merged(self.progress, self.path)
