"""The built book a SCORM package is made from: reuse a fresh build, or build it strictly.

A build is fresh when ``_build/html`` was written after the last change to anything it is
made from (``data/``, ``quizzes/``, ``book/`` and ``src/``). Its stamp is the course manifest
script, which the Sphinx extension rewrites at the end of every successful build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

SOURCE_DIRS = ("data", "quizzes", "book", "src")
BUILD_COMMAND = ("build", ".", "-W", "-n", "--keep-going", "--all")
# Files that change without changing the book: bytecode, editor and notebook checkpoints.
IGNORED_PARTS = ("__pycache__", ".ipynb_checkpoints", ".mypy_cache", ".ruff_cache")


class BuildFailedError(RuntimeError):
    """The strict book build failed; the message holds the end of its output."""


def html_dir(root: Path) -> Path:
    return root / "_build" / "html"


def _build_stamp(root: Path) -> float | None:
    stamp = html_dir(root) / "_static" / "compact-manifest.js"
    return stamp.stat().st_mtime if stamp.is_file() else None


def newest_source(root: Path) -> float:
    """The modification time of the most recently changed source file (0 if there is none)."""
    newest = 0.0
    for folder in SOURCE_DIRS:
        for path in (root / folder).rglob("*"):
            if path.is_file() and not any(part in IGNORED_PARTS for part in path.parts):
                newest = max(newest, path.stat().st_mtime)
    return newest


def is_fresh(root: Path) -> bool:
    stamp = _build_stamp(root)
    return stamp is not None and stamp > newest_source(root)


def _jupyter_book() -> str:
    beside = Path(sys.executable).parent / "jupyter-book"
    return str(beside) if beside.exists() else "jupyter-book"


def ensure_built(root: Path) -> tuple[Path, bool]:
    """The html folder of a fresh build, and whether this call had to build it."""
    if is_fresh(root):
        return html_dir(root), False
    # Sphinx keeps pages of earlier builds: start clean, so no facilitator page of an earlier build ships.
    shutil.rmtree(html_dir(root), ignore_errors=True)
    result = subprocess.run([_jupyter_book(), *BUILD_COMMAND], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildFailedError(f"the book did not build:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return html_dir(root), True
