"""Where things live: the course folder, and the variable that points progress elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

# Points the Python progress file elsewhere (tests and notebook refreshes use a scratch file).
PROGRESS_ENV_VAR = "COMPACT_COURSE_PROGRESS"


def default_root() -> Path:
    """The course folder (holding data/ and quizzes/), whatever the working directory.

    ``COMPACT_COURSE_ROOT`` overrides it; otherwise it is the checkout this package was
    installed from (``pip install -e .``).
    """
    override = os.environ.get("COMPACT_COURSE_ROOT")
    if override:
        return Path(override).resolve()
    return Path(__file__).resolve().parents[3]
