"""Where things live: the course folder."""

from __future__ import annotations

import os
from pathlib import Path

import yaml


def default_root() -> Path:
    """The course folder (holding data/ and quizzes/), whatever the working directory.

    ``COMPACT_COURSE_ROOT`` overrides it; otherwise it is the checkout this package was
    installed from (``pip install -e .``).
    """
    override = os.environ.get("COMPACT_COURSE_ROOT")
    if override:
        return Path(override).resolve()
    return Path(__file__).resolve().parents[3]


def course_title(root: Path) -> str:
    """The course's name: the book's title in ``_config.yml`` ("Course" for a folder without one)."""
    config = root / "_config.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8")) if config.is_file() else None
    return str((data or {}).get("title") or "Course")
