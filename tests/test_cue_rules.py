"""Cue rules (issue 25): each habit a test-wise guesser uses, planted in the fixture course, is
reported by ``compact-course check`` as ``file:line: field: message``; so is a lesson bank's wrong
option without the misconception it stands for, or a question without its level.
"""

from __future__ import annotations

import sys
from pathlib import Path

from compact_course.cli import main
from compact_course.core import models as m
from compact_course.core.course import load_course
from compact_course.quiz.cue_rules import distinctive, is_absolute, is_hedged, odd_one_out
from compact_course.quiz.item_rules import item_problems
from helpers import edit, fixture_copy, line_of

ALPHA = "quizzes/alpha-lesson.yaml"
BETA = "quizzes/beta-lesson.yaml"
POOL_ALPHA = "quizzes/assessment/m1-alpha.yaml"


def _problems(root):
    return [str(problem) for problem in item_problems(load_course(root))]


def _reported(found, prefix):
    return any(p.startswith(prefix) for p in found)


def test_the_word_lists():
    assert is_absolute("The council must give notice") and is_absolute("It cannot be ended")
    assert not is_absolute("The council gives notice")
    assert is_hedged("as it stood at the time") and is_hedged("It may reflect fear")
    assert not is_hedged("the survey of May 2013")  # the month, not the verb
    assert distinctive("The NAO's findings") == {"nao", "finding"}


def test_absolutes_only_in_wrong_options(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, ALPHA, '      - text: "The last letter"\n', '      - text: "Always the last letter"\n')
    found = _problems(root)
    assert _reported(found, f"{ALPHA}:{line}: questions[0].options[1].text: absolutes (always, never, only"), found


def test_an_absolute_in_the_key_too_is_no_cue(tmp_path):
    root = fixture_copy(tmp_path)
    edit(root, ALPHA, '      - text: "The last letter"\n', '      - text: "Always the last letter"\n')
    edit(root, ALPHA, '      - text: "The first letter"\n', '      - text: "Only the first letter"\n')
    assert not any("absolutes" in p for p in _problems(root))


def test_hedges_only_in_the_key(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, ALPHA, '      - text: "The first letter"\n', '      - text: "Usually the first letter"\n')
    found = _problems(root)
    assert _reported(found, f"{ALPHA}:{line}: questions[0].options[0].text: hedges (at the time, may"), found


def test_a_hint_that_shares_the_keys_words(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, ALPHA, '    hint: "Think of the start."\n', '    hint: "Think of what comes first."\n')
    found = _problems(root)
    assert _reported(found, f"{ALPHA}:{line}: questions[0].hint: the hint shares the key's own words (first)"), found


def test_a_hint_may_repeat_the_prompts_words(tmp_path):
    root = fixture_copy(tmp_path)
    edit(root, ALPHA, '    hint: "Think of the start."\n', '    hint: "Think of the letter alpha names."\n')
    assert not any("hint shares" in p for p in _problems(root))


def test_absolute_true_false_statements_all_false_in_a_bank(tmp_path):
    root = fixture_copy(tmp_path)
    first = edit(
        root,
        BETA,
        '    prompt: "Beta is a Greek letter."\n    qa: [qa-beta]\n    answer: true\n',
        '    prompt: "Beta is never a Greek letter."\n    qa: [qa-beta]\n    answer: false\n',
    )
    second = edit(
        root, BETA, '    prompt: "Beta comes before alpha."\n', '    prompt: "Beta always comes before alpha."\n'
    )
    found = _problems(root)
    for line, index in ((first, 1), (second, 3)):
        assert _reported(
            found,
            f"{BETA}:{line}: questions[{index}].prompt: 2 of the bank's 2 absolute true/false statements are false",
        ), found


def _make_yes_among_nos(root):
    """Every single-answer question gets three options: the key 'Yes: ...', the others 'No: ...'."""
    edit(root, ALPHA, '      - text: "The first letter"\n', '      - text: "Yes: the first"\n')
    edit(root, ALPHA, '      - text: "The last letter"\n', '      - text: "No: the last"\n')
    edit(root, ALPHA, '      - text: "A number"\n', '      - text: "No: a number"\n')
    third = '        misconception: "{belief}"\n      - text: "{text}"\n        feedback: "Wrong."\n        misconception: "{belief}"\n'
    edit(
        root,
        ALPHA,
        '      - text: "Alpha"\n        correct: true\n        feedback: "Right: alpha is first."\n',
        '      - text: "Yes: alpha"\n        correct: true\n        feedback: "Right: alpha is first."\n',
    )
    edit(root, ALPHA, '      - text: "Gamma"\n', '      - text: "No: gamma"\n')
    edit(
        root,
        ALPHA,
        '        misconception: "A list of letters starts with gamma."\n',
        third.format(belief="A list of letters starts with gamma.", text="No: omega"),
    )
    edit(root, BETA, '      - text: "Second in line"\n', '      - text: "Yes: second"\n')
    edit(root, BETA, '      - text: "The first letter"\n', '      - text: "No: first"\n')
    edit(
        root,
        BETA,
        '        misconception: "Beta is the first letter."\n',
        third.format(belief="Beta is the first letter.", text="No: third"),
    )
    edit(root, BETA, '      - text: "Beta"\n', '      - text: "Yes: beta"\n')
    edit(root, BETA, '      - text: "Delta"\n', '      - text: "No: delta"\n')
    edit(
        root,
        BETA,
        '        misconception: "Delta follows alpha."\n',
        third.format(belief="Delta follows alpha.", text="No: gamma"),
    )


def test_the_odd_one_out_is_the_key_more_than_its_share(tmp_path):
    root = fixture_copy(tmp_path)
    _make_yes_among_nos(root)
    course = load_course(root)
    single = [q for q in course.all_questions() if isinstance(q, (m.SingleChoice, m.ScenarioQuestion))]
    assert [odd_one_out(q) for q in single] == [0, 0, 0, 0]
    line = line_of(root, ALPHA, '      - text: "Yes: the first"\n')
    found = _problems(root)
    assert _reported(
        found,
        f"{ALPHA}:{line}: questions[0].options[0].text: the option that stands out in form (first word or length) is the key in 4 of 4",
    ), found


def test_one_much_longer_option_is_the_odd_one_out(tmp_path):
    root = fixture_copy(tmp_path)
    edit(root, ALPHA, '      - text: "A number"\n', '      - text: "A number, counted from one upwards"\n')
    question = load_course(root).all_questions()[0]
    assert odd_one_out(question) == 2


def test_a_wrong_option_without_its_misconception(tmp_path):
    root = fixture_copy(tmp_path)
    line = line_of(root, ALPHA, '      - text: "A number"\n')
    edit(root, ALPHA, '        misconception: "Alpha is a number."\n', "")
    found = _problems(root)
    assert _reported(found, f"{ALPHA}:{line}: questions[0].options[2].text: a wrong option without a misconception"), (
        found
    )


def test_a_true_false_item_without_its_misconception(tmp_path):
    root = fixture_copy(tmp_path)
    line = line_of(root, BETA, "  - id: q-beta-04\n")
    edit(root, BETA, '    misconception: "Beta comes first."\n', "")
    found = _problems(root)
    assert _reported(found, f"{BETA}:{line}: questions[3].id: no misconception: name the belief"), found


def test_a_question_without_its_level(tmp_path):
    root = fixture_copy(tmp_path)
    line = line_of(root, ALPHA, "  - id: q-alpha-01\n")
    edit(root, ALPHA, "    type: single\n    level: recall\n", "    type: single\n")
    found = _problems(root)
    assert _reported(found, f"{ALPHA}:{line}: questions[0].id: no level: say what it asks"), found


def test_a_clean_pool_passes_every_item_rule(tmp_path):
    # The pool has its own misconception and level rules (quiz/pool_rules.py); a pool that meets them
    # draws no complaint from the lesson banks' rules either.
    root = fixture_copy(tmp_path)
    assert load_course(root).pool_questions()
    assert not any(p.startswith(POOL_ALPHA) for p in _problems(root))


def test_check_command_fails_on_a_cue(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    line = edit(root, ALPHA, '      - text: "The last letter"\n', '      - text: "Never the first letter"\n')
    assert main(["--root", str(root), "check"]) == 1
    _, err = capsys.readouterr()
    assert f"{ALPHA}:{line}: questions[0].options[1].text: absolutes" in err


def test_the_benchmark_finds_a_planted_cue(tmp_path, capsys):
    """The guess benchmark's odd-one-out strategy wins every planted 'Yes' among 'No's."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import guess_benchmark

    root = fixture_copy(tmp_path)
    _make_yes_among_nos(root)
    results = {o.strategy: o for o in guess_benchmark.outcomes(load_course(root).all_questions())}
    odd = results["single answer: the odd one out in form"]
    assert (odd.questions, odd.score, round(odd.chance, 2)) == (4, 1.0, 0.33)
    assert not odd.fair
