"""A plain ``pip install compact-course`` (no extras): every command is listed, the ones that need
nothing more work, and the others name their extra in one line (issue 23).

The virtualenv is real: made once per session from this checkout with the pinned versions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compact_course.cli import FEATURES, MISSING_EXTRA

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
NOT_SOURCE = (".git", ".venv", "node_modules", "_build", "build", "test-output", "*.egg-info", "__pycache__")


@pytest.fixture(scope="session")
def core_cli(tmp_path_factory) -> Path:
    scratch = tmp_path_factory.mktemp("core-install")
    # pip builds in the source folder (build/, *.egg-info): install from a copy, not the checkout.
    source = scratch / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    venv = scratch / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    install = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    done = subprocess.run(
        [*install, "-c", str(ROOT / "constraints.txt"), str(source)], capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return venv / "bin" / "compact-course"


def _run(cli: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "COMPACT_COURSE_ROOT")}
    return subprocess.run([str(cli), "--root", str(ROOT), *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_the_extras_really_are_missing(core_cli):
    python = core_cli.parent / "python"
    for module in ("textstat", "jupyter_book", "nbformat", "pypdf", "playwright"):
        probe = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True, text=True)
        assert probe.returncode != 0, f"{module} is installed in the core virtualenv"


def test_help_lists_every_command(core_cli, tmp_path):
    done = _run(core_cli, "--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for feature in FEATURES:
        for command in feature.commands:
            assert command in done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("generate", "--check"),
        ("plan", "--minutes", "240", "--modules", "1"),
        ("export", "--format", "gift", "--out", "quiz.gift"),
    ],
    ids=lambda args: args[0],
)
def test_commands_of_the_core_install_work(core_cli, tmp_path, args):
    done = _run(core_cli, *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("feature", [f for f in FEATURES if f.extra], ids=lambda f: f.commands[0])
def test_a_command_that_needs_an_extra_names_it_in_one_line(core_cli, tmp_path, feature):
    for command in feature.commands:
        done = _run(core_cli, command, cwd=tmp_path)
        assert done.returncode == MISSING_EXTRA
        assert "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert f"pip install 'compact-course[{feature.extra}]'" in lines[0]
