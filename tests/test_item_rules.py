"""Item-writing rules (issue: a fair test): each planted violation is reported at its file and line.

The fixture course passes every rule; each test plants one violation in a copy and checks that
``compact-course check`` reports it as ``file:line: field: message``.
"""

from __future__ import annotations

from compact_course.cli import main
from compact_course.core.course import load_course
from compact_course.quiz.item_rules import item_problems
from helpers import edit, fixture_copy, line_of

ALPHA = "quizzes/alpha-lesson.yaml"
BETA = "quizzes/beta-lesson.yaml"
POOL_ALPHA = "quizzes/assessment/m1-alpha.yaml"


def _problems(root):
    return [str(problem) for problem in item_problems(load_course(root))]


def test_the_fixture_course_passes_every_rule(tmp_path):
    assert _problems(fixture_copy(tmp_path)) == []


def test_a_hint_that_says_how_many_are_right(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(
        root, ALPHA, '    hint: "Think of the start."\n', '    hint: "Two of these are wrong; which two letters?"\n'
    )
    found = _problems(root)
    assert any(p.startswith(f"{ALPHA}:{line}: questions[0].hint: says how many options are right") for p in found), (
        found
    )


def test_a_prompt_that_says_how_many_are_right(tmp_path):
    root = fixture_copy(tmp_path)
    old = '    prompt: "Which are Greek letters? Select all that apply."\n'
    line = edit(root, ALPHA, old, '    prompt: "Which two are Greek letters?"\n')
    assert any(p.startswith(f"{ALPHA}:{line}: questions[1].prompt: says how many") for p in _problems(root))


def test_two_options_nearly_the_same(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, ALPHA, '      - text: "A number"\n', '      - text: "The last letters"\n')
    found = _problems(root)
    assert f"{ALPHA}:{line}: questions[0].options[2].text: nearly the same as option 2 (97% alike)" in found, found


def test_more_than_one_option_turning_on_legal_force(tmp_path):
    root = fixture_copy(tmp_path)
    edit(root, ALPHA, '      - text: "The last letter"\n', '      - text: "The one a court would enforce"\n')
    line = edit(root, ALPHA, '      - text: "A number"\n', '      - text: "The legally binding one"\n')
    found = _problems(root)
    assert any(
        p.startswith(f"{ALPHA}:{line}: questions[0].options[2].text: 2 options turn on legal force") for p in found
    )


def test_a_multi_select_question_with_every_option_right(tmp_path):
    root = fixture_copy(tmp_path)
    line = line_of(root, ALPHA, '    prompt: "Which are Greek letters? Select all that apply."\n') + 2
    wrong = '      - text: "Gimel"\n        feedback: "No: gimel is Hebrew."\n'
    edit(root, ALPHA, wrong, '      - text: "Gamma"\n        correct: true\n        feedback: "Yes: gamma is Greek."\n')
    found = _problems(root)
    assert f"{ALPHA}:{line}: questions[1].options: every option is correct: mix right and wrong options" in found, found


def test_a_question_that_draws_on_a_later_lesson(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(
        root, ALPHA, "    qa: [qa-alpha]\n    answer: false\n", "    qa: [qa-alpha, qa-beta]\n    answer: false\n"
    )
    found = _problems(root)
    assert any(
        p.startswith(f"{ALPHA}:{line}: questions[2].qa[1]: draws on 'qa-beta', taught later (lesson 2") for p in found
    )


def test_keys_that_are_usually_the_longest_option(tmp_path):
    root = fixture_copy(tmp_path)
    edit(root, ALPHA, '      - text: "The first letter"\n', '      - text: "The very first letter of them all"\n')
    line = line_of(root, BETA, '      - text: "Second in line"\n')
    edit(root, BETA, '      - text: "Second in line"\n', '      - text: "Second in line, right after alpha"\n')
    found = _problems(root)
    assert any(
        p.startswith(f"{BETA}:{line - 1}: questions[0].options: the key is the longest option, as in 2 of 4")
        for p in found
    ), found


def test_keys_much_longer_than_wrong_options_across_a_bank(tmp_path):
    root = fixture_copy(tmp_path)
    edit(
        root,
        BETA,
        '      - text: "Second in line"\n',
        '      - text: "Second in line, straight after alpha and before gamma"\n',
    )
    found = _problems(root)
    assert any(p.startswith(f"{BETA}:6: questions: keys average") and "times; at most 1.15" in p for p in found), found


def test_multi_select_right_options_systematically_longer(tmp_path):
    root = fixture_copy(tmp_path)
    old = '      - text: "Alpha"\n        correct: true\n        feedback: "Yes: alpha is Greek."\n'
    edit(root, ALPHA, old, old.replace('"Alpha"', '"Alpha, the first Greek letter"'))
    found = _problems(root)
    assert any("in multi-select questions the correct options average" in p for p in found), found


def test_a_self_assessment_question_that_repeats_a_lesson_question(tmp_path):
    root = fixture_copy(tmp_path)
    old = '    prompt: "Statement 1 about alpha that the learner judges."\n'
    line = edit(root, POOL_ALPHA, old, '    prompt: "Alpha comes after beta."\n')
    found = _problems(root)
    assert any(
        p.startswith(f"{POOL_ALPHA}:{line}: questions[0].prompt: repeats lesson question 'q-alpha-03'") for p in found
    ), found


def test_check_command_fails_on_an_item_problem(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    line = edit(root, ALPHA, '    hint: "Think of the start."\n', '    hint: "Exactly one option is right."\n')
    assert main(["--root", str(root), "check"]) == 1
    _, err = capsys.readouterr()
    assert f"{ALPHA}:{line}: questions[0].hint: says how many options are right" in err
