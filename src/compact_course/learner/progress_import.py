"""Moving progress between places: export to a file, import a file (refused whole, or merged).

:func:`export_progress` writes the browser's export shape (with the time of export);
:func:`import_progress` checks a file with :mod:`.progress_check` and merges it into the
learner's progress file as a second writer's save would be merged (per question the newer
answer wins, nothing is dropped). A refused file raises :class:`ProgressImportError` saying
what is wrong, and changes nothing. Exporting, then importing into an empty place, gives
back exactly the records exported.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from compact_course.learner.progress import Progress, ProgressFormatError, iso_time, utc_now
from compact_course.learner.progress_check import read_progress_file
from compact_course.learner.progress_store import progress_path, save_merged


class ProgressImportError(ProgressFormatError):
    """A progress file was refused; the message says what is wrong, and nothing was changed."""


def import_progress(
    source: str | os.PathLike, target: str | os.PathLike | None = None, clock: Callable[[], datetime] = utc_now
) -> Progress:
    """Merge the progress file ``source`` into the learner's (``target``, default the usual place).

    Per question the newer answer wins, as when two kernels save. A file that is not valid
    progress raises :class:`ProgressImportError` saying what is wrong, and changes nothing.
    Returns the progress as saved."""
    source = Path(source).expanduser()
    try:
        imported = read_progress_file(source, clock)
    except OSError as error:
        raise ProgressImportError(f"{source} cannot be read: {error.strerror or error}") from None
    except ProgressFormatError as error:
        raise ProgressImportError(f"{source} was not imported: {error}") from None
    return save_merged(imported, progress_path(target))


def export_progress(progress: Progress, destination: str | os.PathLike, now: Callable[[], datetime] = utc_now) -> Path:
    """Write ``progress`` as an export file (the browser's shape, with the time of export)."""
    destination = Path(destination).expanduser()
    data = {**progress.to_json(), "exported": iso_time(now())}
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    destination.write_text(text, encoding="utf-8")
    return destination
