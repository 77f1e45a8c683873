"""``compact-course check``: exit status and messages on good and bad data, from any folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from compact_course.cli import main
from compact_course.core.course import load_course
from helpers import course_copy, edit, index_of, line_of

SUMMARY = re.compile(
    r"^OK: (\d+) Q&A entries, (\d+) sources, (\d+) figures, (\d+) events, (\d+) glossary terms, "
    r"(\d+) lessons in (\d+) modules, (\d+) quiz questions in (\d+) banks$"
)


def test_check_passes_on_good_data_with_a_summary(tmp_path, capsys):
    root = course_copy(tmp_path)
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
    ]
    assert found.group(1) == "19"


def test_check_fails_on_bad_data_naming_file_line_and_field(tmp_path, capsys):
    root = course_copy(tmp_path)
    i = index_of(root, "data/timeline.yaml", "events", "compact-refreshed")
    date_line = edit(root, "data/timeline.yaml", '    date: "2009"\n', '    date: "2009-13"\n')
    title_line = edit(
        root, "quizzes/who-is-the-compact-for.yaml", '  title: "Who is the Compact for?"\n', '  title: " "\n'
    )
    assert main(["--root", str(root), "check"]) == 1
    out, err = capsys.readouterr()
    assert "OK" not in out
    assert err.startswith("2 problems in the course data:")
    assert f"data/timeline.yaml:{date_line}: events[{i}].date: '2009-13' is not a date" in err
    assert f"quizzes/who-is-the-compact-for.yaml:{title_line}: quiz.title: must not be empty" in err


def test_check_reports_cross_reference_problems(tmp_path, capsys):
    root = course_copy(tmp_path)
    line = edit(root, "quizzes/who-is-the-compact-for.yaml", "  lesson: who-is-the-compact-for\n", "  lesson: nobody\n")
    assert main(["--root", str(root), "check"]) == 1
    _, err = capsys.readouterr()
    assert f"quizzes/who-is-the-compact-for.yaml:{line}: quiz.lesson: unknown lesson 'nobody'" in err


def test_check_uses_course_root_environment_variable(tmp_path, capsys, monkeypatch):
    root = course_copy(tmp_path)
    line = line_of(root, "data/timeline.yaml", "  - id: compact-refreshed\n")
    edit(root, "data/timeline.yaml", "  - id: compact-refreshed\n", "  - id: Compact_Refreshed\n")
    monkeypatch.setenv("COMPACT_COURSE_ROOT", str(root))
    assert main(["check"]) == 1
    _, err = capsys.readouterr()
    assert f"data/timeline.yaml:{line}: " in err


def test_installed_command_finds_the_course_from_any_folder(tmp_path):
    # The command installed beside the interpreter running the tests, wherever that environment is.
    command = Path(sys.executable).parent / "compact-course"
    assert command.is_file(), f"no compact-course command beside {sys.executable}"
    env = {key: value for key, value in os.environ.items() if key != "COMPACT_COURSE_ROOT"}
    done = subprocess.run([str(command), "check"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert SUMMARY.match(done.stdout.strip()), done.stdout
    assert not any(Path(tmp_path).iterdir()), "check must not write into the working directory"
