"""Where things live: the course folder."""

from __future__ import annotations

import os
from pathlib import Path


def default_root() -> Path:
    """The course folder (holding data/ and quizzes/), whatever the working directory.

    ``COMPACT_COURSE_ROOT`` overrides it; otherwise it is the checkout this package was
    installed from (``pip install -e .``).
    """
    override = os.environ.get("COMPACT_COURSE_ROOT")
    if override:
        return Path(override).resolve()
    return Path(__file__).resolve().parents[3]
