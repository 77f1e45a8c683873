"""``compact-course check``: exit status and messages on good and bad data, from any folder.

Good and bad data come from the tiny fixture course (tests/fixtures/course); the real course
is checked once, through the command run as a separate process the way a user runs it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from compact_course.cli import main
from compact_course.core.course import load_course
from helpers import edit, fixture_copy, line_of

SUMMARY = re.compile(
    r"^OK: (\d+) Q&A entries, (\d+) sources, (\d+) figures, (\d+) events, (\d+) glossary terms, "
    r"(\d+) lessons in (\d+) modules, (\d+) quiz questions in (\d+) banks, (\d+) self-assessment questions$"
)
# Modules that come only with the [book] extra (and ipywidgets, which only widgets need):
# `check` must work when none of them can be imported, as after `pip install .`.
EXTRAS = ("nbformat", "nbclient", "jupyter_book", "ipykernel", "voila", "sphinx", "ipywidgets")


def test_check_passes_on_good_data_with_a_summary(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    assert main(["--root", str(root), "check"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    found = SUMMARY.match(out.strip())
    assert found, out
    course = load_course(root)
    assert [int(n) for n in found.groups()] == [
        len(course.qa),
        len(course.sources),
        len(course.figures),
        len(course.events),
        len(course.terms),
        len(course.lessons),
        len(course.modules),
        len(course.all_questions()),
        len(course.quizzes),
        len(course.pool_questions()),
    ]
    assert found.groups()[:2] == ("2", "3")


def test_check_fails_on_bad_data_naming_file_line_and_field(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    date_line = edit(root, "data/timeline.yaml", '    date: "2010"\n', '    date: "2010-13"\n')
    title_line = edit(root, "quizzes/alpha-lesson.yaml", '  title: "Alpha quiz"\n', '  title: " "\n')
    assert main(["--root", str(root), "check"]) == 1
    out, err = capsys.readouterr()
    assert "OK" not in out
    assert err.startswith("2 problems in the course data:")
    assert f"data/timeline.yaml:{date_line}: events[0].date: '2010-13' is not a date" in err
    assert f"quizzes/alpha-lesson.yaml:{title_line}: quiz.title: must not be empty" in err


def test_check_reports_cross_reference_problems(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    line = edit(root, "quizzes/beta-lesson.yaml", "  lesson: beta-lesson\n", "  lesson: nobody\n")
    assert main(["--root", str(root), "check"]) == 1
    _, err = capsys.readouterr()
    assert f"quizzes/beta-lesson.yaml:{line}: quiz.lesson: unknown lesson 'nobody'" in err


def test_check_reports_an_empty_file_instead_of_crashing(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    (root / "data/glossary.yaml").write_text("# to be written\n", encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    _, err = capsys.readouterr()
    assert "data/glossary.yaml:1: the file is empty" in err


def test_check_uses_course_root_environment_variable(tmp_path, capsys, monkeypatch):
    root = fixture_copy(tmp_path)
    line = line_of(root, "data/timeline.yaml", "  - id: alpha-begins\n")
    edit(root, "data/timeline.yaml", "  - id: alpha-begins\n", "  - id: Alpha_Begins\n")
    monkeypatch.setenv("COMPACT_COURSE_ROOT", str(root))
    assert main(["check"]) == 1
    _, err = capsys.readouterr()
    assert f"data/timeline.yaml:{line}: " in err


def _run_check(cwd: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    # The interpreter running the tests, wherever its environment is (not only .venv).
    env = {key: value for key, value in os.environ.items() if key != "COMPACT_COURSE_ROOT"}
    env.update(extra_env or {})
    command = [sys.executable, "-m", "compact_course", "check"]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_command_finds_the_real_course_from_any_folder(tmp_path):
    done = _run_check(tmp_path)
    assert done.returncode == 0, done.stderr
    assert SUMMARY.match(done.stdout.strip()), done.stdout
    assert not any(Path(tmp_path).iterdir()), "check must not write into the working directory"


def test_check_works_without_the_book_extra(tmp_path):
    # sitecustomize runs at start-up and makes every extra unimportable, as in a bare install.
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(
        textwrap.dedent(
            f"""
            import sys

            BLOCKED = {EXTRAS!r}


            class BlockExtras:
                def find_spec(self, name, path=None, target=None):
                    if name.split(".")[0] in BLOCKED:
                        raise ImportError(f"{{name}} is not installed (blocked by the test)")
                    return None


            sys.meta_path.insert(0, BlockExtras())
            """
        ),
        encoding="utf-8",
    )
    work = tmp_path / "work"
    work.mkdir()
    pythonpath = os.pathsep.join(filter(None, [str(shim), os.environ.get("PYTHONPATH")]))
    done = _run_check(work, {"PYTHONPATH": pythonpath})
    assert done.returncode == 0, done.stderr
    assert SUMMARY.match(done.stdout.strip()), done.stdout
    # The shim really is in force: importing an extra in the same set-up fails.
    probe = subprocess.run(
        [sys.executable, "-c", "import nbformat"],
        env={**os.environ, "PYTHONPATH": pythonpath},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode != 0 and "blocked by the test" in probe.stderr
