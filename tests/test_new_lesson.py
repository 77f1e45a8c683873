"""Adding a lesson: the files CONTRIBUTING's "Add a lesson" lists, and ``notebooks --new`` renumbering.

A lesson ``gamma-lesson`` is inserted into a copy of the fixture course (tests/fixtures/course)
before ``beta-lesson``, with exactly the files CONTRIBUTING.md lists: its Q&A entry, its entry in
data/lessons.yaml (with a Today note), its facilitator notes (timings with parts), its plan
priority and its quiz bank. ``check`` must accept it, leaving any one of them out must be
reported, and ``compact-course notebooks --new`` must rename the later lessons' notebooks to
their new numbers (plain renames, introductions and stored outputs kept) and write the new one.
"""

from __future__ import annotations

import nbformat
import pytest

from compact_course.book.notebooks import new_lesson_notebook, renumber_lesson_notebooks, skeleton_drift
from compact_course.cli import main
from compact_course.core.course import load_course
from helpers import edit, fixture_copy, line_of, load_problems

QA_ENTRY = """
  - id: qa-gamma
    question: "What is the gamma question?"
    themes: [beta-theme]
    answer:
      - "The only point of the gamma answer."
"""

LESSON = """      - id: gamma-lesson
        qa: qa-gamma
        title: "The gamma lesson"
        minutes: 10
        questions:
          - "What is gamma?"
        objectives:
          - "Say what gamma is."
        key_points:
          - "Gamma is the third letter."
        in_practice:
          title: "Gamma in practice"
          scenario: "Someone meets gamma at work."
          takeaway: "Gamma comes third."
        discussion:
          - id: d-gamma-1
            prompt: "Where have you met gamma?"
        today:
          text: "Gamma still comes third today."
          sources: [src-beta-survey]

"""

NOTES = """
  - lesson: gamma-lesson
    timings:
      - activity: "Introduce gamma"
        minutes: 10
        part: reading
"""

GAMMA_STATEMENTS = (
    ("Gamma is the third letter of the Greek alphabet.", "true"),
    ("Gamma rays were named before the letter existed.", "false"),
    ("In the fixture, gamma sits between alpha and beta.", "true"),
    ("Omega follows directly after gamma.", "false"),
)
BANK = """quiz:
  id: quiz-gamma-lesson
  lesson: gamma-lesson
  title: "Gamma quiz"

questions:
""" + "".join(
    f"""  - id: q-gamma-0{n}
    type: true-false
    prompt: "{prompt}"
    qa: [qa-gamma]
    answer: {answer}
    feedback_true: "Feedback for True on gamma {n}."
    feedback_false: "Feedback for False on gamma {n}."
    explanation: "Why gamma statement {n} is {answer}."
    level: recall
    misconception: "A belief about gamma {n} that a newcomer might hold."
"""
    for n, (prompt, answer) in enumerate(GAMMA_STATEMENTS, start=1)
)

# Each file a new lesson needs, as (file, how to add the lesson's part of it).
PARTS = {
    "data/qa.yaml": lambda root: _append(root, "data/qa.yaml", QA_ENTRY),
    "data/lessons.yaml": lambda root: edit(
        root, "data/lessons.yaml", "      - id: beta-lesson\n", LESSON + "      - id: beta-lesson\n"
    ),
    "data/facilitator.yaml": lambda root: _append(root, "data/facilitator.yaml", NOTES),
    "data/plans.yaml": lambda root: edit(
        root, "data/plans.yaml", "  beta-lesson: 2\n", "  beta-lesson: 2\n  gamma-lesson: 3\n"
    ),
    "quizzes/gamma-lesson.yaml": lambda root: (root / "quizzes/gamma-lesson.yaml").write_text(BANK, encoding="utf-8"),
}


def _append(root, file, text):
    path = root / file
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _insert_gamma(root, leave_out=None):
    for file, add in PARTS.items():
        if file != leave_out:
            add(root)


def test_a_lesson_with_every_listed_file_passes_check(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    _insert_gamma(root)
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().err
    course = load_course(root)
    assert [lesson.id for lesson in course.lessons] == ["alpha-lesson", "gamma-lesson", "beta-lesson"]


MISSING = {
    "data/qa.yaml": "unknown Q&A entry 'qa-gamma'",
    "data/facilitator.yaml": "lesson has no facilitator notes",
    "data/plans.yaml": "lesson has no priority",
    "quizzes/gamma-lesson.yaml": "lesson has no quiz bank",
}


@pytest.mark.parametrize("left_out", MISSING)
def test_leaving_out_any_listed_file_is_reported_on_the_lesson(tmp_path, left_out):
    root = fixture_copy(tmp_path)
    _insert_gamma(root, leave_out=left_out)
    problems, _ = load_problems(root)
    line = line_of(root, "data/lessons.yaml", "      - id: gamma-lesson\n")
    on_lesson = [p for p in problems if p.file == "data/lessons.yaml" and p.line in (line, line + 1)]
    assert any(MISSING[left_out] in p.message for p in on_lesson), problems


def _notebooks(root):
    return sorted(p.name for p in (root / "book/lessons").glob("*.ipynb"))


def test_notebooks_new_renumbers_the_later_lessons_and_writes_the_new_one(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    before = load_course(root)
    alpha = new_lesson_notebook(before, "alpha-lesson", "Why alpha matters.")
    beta = new_lesson_notebook(before, "beta-lesson", "Why beta matters.")
    # A stored output on beta's first code cell: a rename must keep it.
    notebook = nbformat.read(beta, as_version=4)
    notebook.cells[1].outputs = [nbformat.v4.new_output("stream", text="stored\n")]
    notebook.cells[1].execution_count = 1
    nbformat.write(notebook, beta)
    alpha_text = alpha.read_text(encoding="utf-8")
    _insert_gamma(root)

    assert main(["--root", str(root), "notebooks", "--new", "gamma-lesson", "Why gamma matters."]) == 0
    out = capsys.readouterr().out
    assert "renamed book/lessons/02-beta-lesson.ipynb to book/lessons/03-beta-lesson.ipynb" in out
    assert _notebooks(root) == ["01-alpha-lesson.ipynb", "02-gamma-lesson.ipynb", "03-beta-lesson.ipynb"]
    assert alpha.read_text(encoding="utf-8") == alpha_text  # in place already: untouched
    course = load_course(root)
    renamed = root / "book/lessons/03-beta-lesson.ipynb"
    cells = nbformat.read(renamed, as_version=4).cells
    assert cells[0].source == "# Lesson 3: The beta lesson\n\nWhy beta matters."
    assert cells[1].outputs[0].text == "stored\n" and cells[1].execution_count == 1
    for lesson in course.lessons:
        assert skeleton_drift(course, lesson.id, root / f"{course.lesson_docname(lesson.id)}.ipynb") == []
    assert "Why gamma matters." in (root / "book/lessons/02-gamma-lesson.ipynb").read_text(encoding="utf-8")
    assert renumber_lesson_notebooks(course) == []  # nothing left to move


def test_renumbering_refuses_two_notebooks_of_one_lesson_before_moving_anything(tmp_path):
    root = fixture_copy(tmp_path)
    beta = new_lesson_notebook(load_course(root), "beta-lesson", "Why beta matters.")
    _insert_gamma(root)
    stale = root / "book/lessons/03-beta-lesson.ipynb"
    stale.write_text(beta.read_text(encoding="utf-8"), encoding="utf-8")
    stray = root / "book/lessons/07-alpha-lesson.ipynb"  # would move to 01-alpha-lesson
    stray.write_text(beta.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(FileExistsError, match="are both notebooks of lesson 'beta-lesson'"):
        renumber_lesson_notebooks(load_course(root))
    assert beta.exists() and stale.exists() and stray.exists()


def test_the_new_lesson_s_own_notebook_under_an_old_number_is_not_overwritten(tmp_path):
    root = fixture_copy(tmp_path)
    _insert_gamma(root)
    course = load_course(root)
    old = root / "book/lessons/05-gamma-lesson.ipynb"
    old.parent.mkdir(parents=True)
    old.write_text(nbformat.writes(nbformat.v4.new_notebook()), encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"02-gamma-lesson\.ipynb exists already"):
        new_lesson_notebook(course, "gamma-lesson", "Again.")
