"""No learner-facing English in the package's code (issue 26 item 4).

Every sentence a learner or facilitator reads comes from data/ (data/interface.yaml and the
course data). tests/text_scan.py finds the string literals of src/compact_course/**/*.py and
static/src/*.js that read as English; each must be moved to data/ or be listed, with a reason,
in tests/text_in_code_allow.yaml. The rule for developers' words (errors, check messages, a
command's output) is in text_scan's docstring.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from compact_course.book.pages import lesson
from compact_course.core import models as m
from compact_course.core.course import load_course
from compact_course.quiz.html import render_quiz_html
from helpers import course_copy, edit, find_problem, fixture_copy, line_of, load_problems
from text_scan import Literal, english, english_literals

ROOT = Path(__file__).resolve().parents[1]
ALLOW_FILE = Path(__file__).resolve().parent / "text_in_code_allow.yaml"


def _allow() -> dict:
    return yaml.safe_load(ALLOW_FILE.read_text(encoding="utf-8"))


def _developer_modules(allow: dict) -> tuple[str, ...]:
    return tuple(entry["module"] for entry in allow["developer_modules"])


def _covered(literal: Literal, entries: list[dict]) -> dict | None:
    for entry in entries:
        if entry["file"] == literal.file and literal.text.startswith(entry["text"]):
            return entry
    return None


def _uncovered(root: Path, allow: dict) -> list[Literal]:
    entries = allow["allowed"]
    return [lit for lit in english_literals(root, _developer_modules(allow)) if _covered(lit, entries) is None]


def test_no_english_sentence_in_code_outside_the_allow_list():
    uncovered = _uncovered(ROOT, _allow())
    assert not uncovered, (
        "English in code: move it to data/interface.yaml (or list it in tests/text_in_code_allow.yaml "
        "with a reason):\n" + "\n".join(map(str, uncovered))
    )


def test_every_allow_list_entry_has_a_reason_and_is_still_needed():
    allow = _allow()
    for entry in allow["developer_modules"]:
        assert entry["reason"].strip(), entry
        assert (ROOT / entry["module"]).exists(), f"{entry['module']}: no such module"
    found = english_literals(ROOT, _developer_modules(allow))
    for entry in allow["allowed"]:
        assert set(entry) == {"file", "text", "reason"}, entry
        assert entry["reason"].strip(), entry
        assert any(_covered(lit, [entry]) for lit in found), f"stale entry (nothing matches it): {entry}"


@pytest.mark.parametrize(
    "text",
    [
        "Choose one answer.",
        "Key points",
        "What the Compact suggests",
        "Answer revealed",
        '<p class="x"><strong>Scenario:</strong> {}</p>',
        "<th>Total</th>",
        "{} minutes over {} days",
    ],
)
def test_english_is_recognised(text):
    assert english(text)


@pytest.mark.parametrize(
    "text",
    [
        "cc-block cc-overview",
        "text/html",
        "input, select",
        "thead tr:first-child th",
        '<div class="cc-block cc-key-points">{}</div>',
        "{} of {}",
        "%s: blocked by %s",
        r"<a\b([^>]*?)\bhref",
        ".cc-pdf-section { break-before: page; }",
        "True",
        "",
    ],
)
def test_code_is_not_english(text):
    assert not english(text)


def _package_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(
        ROOT / "src" / "compact_course", root / "src" / "compact_course", ignore=shutil.ignore_patterns("__pycache__")
    )
    return root


def test_a_planted_sentence_is_reported_with_its_file_and_line(tmp_path):
    root = _package_copy(tmp_path)
    allow = _allow()
    assert _uncovered(root, allow) == []
    pages = root / "src" / "compact_course" / "book" / "pages.py"
    lines = pages.read_text(encoding="utf-8").splitlines()
    lines.append('PLANTED = "Read the lesson before you start."')
    lines.append("def planted_check():")
    lines.append('    raise ValueError("a developer message is allowed here")')
    pages.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = root / "src" / "compact_course" / "static" / "src" / "results.js"
    script_lines = script.read_text(encoding="utf-8").splitlines()
    script_lines.append("export const PLANTED = `Your answer, ${name}, has been saved.`;")
    script_lines.append('export function fail() { throw new Error("the manifest is not loaded"); }')
    script.write_text("\n".join(script_lines) + "\n", encoding="utf-8")
    reported = [str(lit) for lit in _uncovered(root, allow)]
    assert reported == [
        f"src/compact_course/book/pages.py:{len(lines) - 2}: 'Read the lesson before you start.'",
        f"src/compact_course/static/src/results.js:{len(script_lines) - 1}: 'Your answer, {{}}, has been saved.'",
    ]


# --- data/interface.yaml holds the words, and its model rejects what it does not know ----------


def test_an_unknown_or_missing_interface_word_is_a_located_error(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, "data/interface.yaml", '  choose_match: "Choose a match"\n', '  choose_mach: "Choose a match"\n')
    problems, _ = load_problems(root)
    find_problem(problems, "data/interface.yaml", line, "form.choose_mach", "unknown field")
    find_problem(
        problems,
        "data/interface.yaml",
        line_of(root, "data/interface.yaml", "\nform:") + 1,
        "form.choose_match",
        "missing",
    )


def test_the_pages_python_writes_use_the_interface_words(tmp_path):
    """Change a word in data/ and the rendered page changes with it: no copy is left in code."""
    root = course_copy(tmp_path)
    edit(root, "data/interface.yaml", '  check: "Check answer"\n', '  check: "Check my answer"\n')
    edit(root, "data/interface.yaml", '  present: "Present this lesson"\n', '  present: "Show it on the projector"\n')
    edit(root, "data/interface.yaml", '  true_label: "True"\n', '  true_label: "Yes, true"\n')
    course = load_course(root)
    bank = next(bank for bank in course.quizzes if any(isinstance(q, m.TrueFalse) for q in bank.questions))
    html = render_quiz_html(course, bank)
    assert ">Check my answer</button>" in html and ">Check answer</button>" not in html
    assert "Yes, true" in html
    page = lesson(course.lessons[0].id, course).overview().html
    assert ">Show it on the projector</button>" in page and "Present this lesson" not in page
