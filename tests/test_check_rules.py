"""``check`` rules that once lived only in tests over the real course (issue 26, item 5).

Plan priorities name real lessons and rank every lesson; every facilitator timing names its
part; every lesson has a Today note of one or two sentences citing known sources; each quiz is
named ``quiz-<lesson>``; every chart in data/charts.yaml is shown; each bank draws on its lesson's Q&A entry (or, for a lesson taught from
sources, cites sources). Each rule is planted, one edit at a time, into a copy of the fixture
course (tests/fixtures/course) and must be reported at the exact file, line and field, as in
test_data_loading.py. The real course passing them is what ``compact-course check`` and every
test that loads the course prove.
"""

from __future__ import annotations

import dataclasses

import pytest

from compact_course.cli import main
from compact_course.core.course import load_course
from compact_course.core.rules import Context, bank_lessons
from compact_course.core.rules.reporter import Reporter
from compact_course.core.rules.today import sentence_count
from compact_course.core.yamlmarks import load_marked_yaml
from helpers import edit, find_problem, fixture_copy, line_of, load_problems

LS = "data/lessons.yaml"
FA = "data/facilitator.yaml"
PL = "data/plans.yaml"
BETA = "quizzes/beta-lesson.yaml"
BETA_LESSON = "modules[1].lessons[0]"
BETA_TODAY = '        today:\n          text: "Beta still comes second today."\n          sources: [src-beta-survey]\n'

CASES: list = []


def case(function):
    CASES.append(function)
    return function


@case
def priority_for_an_unknown_lesson(root):
    line = edit(root, PL, "  beta-lesson: 2\n", "  beta-lesson: 2\n  gamma-lesson: 3\n") + 1
    return PL, line, "priorities.gamma-lesson", "unknown lesson 'gamma-lesson'"


@case
def lesson_without_a_priority(root):
    edit(root, PL, "  beta-lesson: 2\n", "")
    line = line_of(root, LS, "      - id: beta-lesson\n")
    return LS, line, f"{BETA_LESSON}.id", "lesson has no priority in data/plans.yaml"


@case
def timing_without_a_part(root):
    edit(
        root,
        FA,
        '      - activity: "Alpha quiz"\n        minutes: 5\n        part: quiz\n',
        '      - activity: "Alpha quiz"\n        minutes: 5\n',
    )
    line = line_of(root, FA, '      - activity: "Alpha quiz"\n')
    return FA, line, "lessons[0].timings[2].activity", "timing 'Alpha quiz' has no part"


@case
def lesson_without_a_today_note(root):
    edit(root, LS, BETA_TODAY, "")
    line = line_of(root, LS, "      - id: beta-lesson\n")
    return LS, line, f"{BETA_LESSON}.id", "lesson has no 'today' note"


@case
def today_note_citing_an_unknown_source(root):
    line = edit(root, LS, "          sources: [src-beta-survey]\n", "          sources: [src-beta-survy]\n")
    return LS, line, f"{BETA_LESSON}.today.sources[0]", "unknown source 'src-beta-survy'"


@case
def today_note_of_three_sentences(root):
    text = '          text: "Beta still comes second today."\n'
    line = edit(root, LS, text, '          text: "Beta comes second. Alpha comes first. Gamma is third."\n')
    return LS, line, f"{BETA_LESSON}.today.text", "3 sentences; a Today note has one or two"


@case
def quiz_not_named_after_its_lesson(root):
    line = edit(root, BETA, "  id: quiz-beta-lesson\n", "  id: quiz-beta\n")
    return BETA, line, "quiz.id", "the quiz of lesson 'beta-lesson' must have the id 'quiz-beta-lesson'"


@case
def bank_that_never_draws_on_its_lessons_entry(root):
    path = root / BETA
    path.write_text(path.read_text(encoding="utf-8").replace("qa: [qa-beta]", "qa: [qa-alpha]"), encoding="utf-8")
    line = line_of(root, BETA, "  lesson: beta-lesson\n")
    return BETA, line, "quiz.lesson", "no question draws on the lesson's own Q&A entry 'qa-beta'"


@case
def chart_that_no_lesson_shows(root):
    edit(root, LS, "        charts: [timeline]\n", "")
    line = line_of(root, "data/charts.yaml", "  - id: timeline\n")
    return "data/charts.yaml", line, "charts[0].id", "no lesson shows this chart"


@pytest.mark.parametrize("planted", CASES, ids=lambda planted: planted.__name__)
def test_a_planted_violation_is_reported_with_file_line_and_field(tmp_path, planted):
    root = fixture_copy(tmp_path)
    file, line, field, fragment = planted(root)
    problems, message = load_problems(root)
    problem = find_problem(problems, file, line, field, fragment)
    assert f"{file}:{line}: {field}: {problem.message}" in message


def test_check_reports_a_today_note_s_unknown_source_instead_of_failing_later(tmp_path, capsys):
    # The example: an unknown source in a Today note used to pass check and raise a
    # bare KeyError when the lesson page was built.
    root = fixture_copy(tmp_path)
    line = edit(root, LS, "          sources: [src-beta-survey]\n", "          sources: [src-nowhere]\n")
    assert main(["--root", str(root), "check"]) == 1
    _, err = capsys.readouterr()
    assert f"{LS}:{line}: {BETA_LESSON}.today.sources[0]: unknown source 'src-nowhere'" in err


@pytest.mark.parametrize(
    ("text", "count"),
    [("One sentence.", 1), ("One. Two!", 2), ("One? Two. Three.", 3), ("No full stop", 1), ("A 2.5 share.", 1)],
)
def test_sentences_are_counted_at_their_ends(text, count):
    assert sentence_count(text) == count


def _without_qa(tmp_path, sources: bool) -> Reporter:
    # A lesson taught from sources (no Q&A entry): the model requires `qa` today, so the lesson
    # is changed after loading, and the rule is run on its own.
    root = fixture_copy(tmp_path)
    course = load_course(root)
    beta = course.modules[1].lessons[0].model_copy(update={"qa": None})
    module = course.modules[1].model_copy(update={"lessons": (beta,)})
    bank = course.quiz_for("beta-lesson")
    cited = tuple(q.model_copy(update={"sources": ("src-beta-survey",) if sources else ()}) for q in bank.questions)
    changed = dataclasses.replace(course, modules=(course.modules[0], module))
    report = Reporter()
    report.raw[BETA] = load_marked_yaml(root / BETA, BETA)[0]
    bank_lessons.banks_draw_on_their_lessons_entry(
        report, Context(changed, {BETA: bank.model_copy(update={"questions": cited})}, {})
    )
    return report


def test_a_lesson_without_a_qa_entry_needs_bank_questions_that_cite_sources(tmp_path):
    report = _without_qa(tmp_path, sources=False)
    ids = [line_of(tmp_path / "fixture-course", BETA, f"  - id: q-beta-0{k + 1}\n") for k in range(4)]
    expected = [(BETA, line, f"questions[{k}].id") for k, line in enumerate(ids)]
    assert [(p.file, p.line, p.field) for p in report.problems] == expected
    assert all("must cite its sources" in p.message for p in report.problems)
    assert _without_qa(tmp_path / "cited", sources=True).problems == []
