"""The self-assessment pool's rules (issue 25): each planted violation is refused at file:line: field.

The fixture pool passes every rule; each test plants one violation in a copy: a lesson question
reworded into the pool, a question without a level, a wrong option without a misconception, too
many recall questions, too few applied ones. The real course must pass them and stay quick.
"""

from __future__ import annotations

import time

from compact_course.cli import main
from compact_course.core.course import load_course
from compact_course.quiz.item_rules import item_problems
from compact_course.quiz.pool_rules import Fingerprint
from helpers import COURSE_ROOT, FIXTURE_ROOT, edit, fixture_copy

POOL_ALPHA = "quizzes/assessment/m1-alpha.yaml"
SECOND = (
    "  - id: q-sa-alpha-02\n"
    "    type: true-false\n"
    '    prompt: "Statement 2 about alpha that the learner judges."\n'
    "    qa: [qa-alpha]\n"
    "    answer: false\n"
    "    level: analyse\n"
    '    misconception: "A belief about alpha 2 that a newcomer might hold."\n'
    '    feedback_true: "Feedback for True on alpha 2."\n'
    '    feedback_false: "Feedback for False on alpha 2."\n'
)


def _problems(root):
    return [str(problem) for problem in item_problems(load_course(root))]


def _scenario(scenario: str, prompt: str, key: str, wrong: str, misconception: bool = True) -> str:
    belief = '        misconception: "Lists start wherever the writer likes."\n' if misconception else ""
    return (
        "  - id: q-sa-alpha-02\n"
        "    type: scenario\n"
        f'    scenario: "{scenario}"\n'
        f'    prompt: "{prompt}"\n'
        "    qa: [qa-alpha]\n"
        "    level: apply\n"
        "    options:\n"
        f'      - text: "{key}"\n'
        "        correct: true\n"
        '        feedback: "Right."\n'
        f'      - text: "{wrong}"\n'
        '        feedback: "No."\n'
        f"{belief}"
    )


def test_a_paraphrased_lesson_question_in_the_pool_is_refused(tmp_path):
    # q-alpha-04: "A colleague lists the letters in order." / "Which letter do they name first?" / "Alpha"
    root = fixture_copy(tmp_path)
    planted = _scenario(
        "Your colleague writes out the letters in their order.", "Which letter does she give first?", "Alpha", "Omega"
    )
    line = edit(root, POOL_ALPHA, SECOND, planted)
    found = _problems(root)
    assert any(
        p.startswith(
            f"{POOL_ALPHA}:{line + 3}: questions[1].prompt: repeats lesson question 'q-alpha-04' on 'qa-alpha'"
        )
        for p in found
    ), found


def test_a_pool_question_set_in_a_lessons_worked_scenario_is_refused(tmp_path):
    # alpha-lesson's in_practice: "Someone meets alpha at work." / "Alpha comes first."
    root = fixture_copy(tmp_path)
    planted = _scenario("A new starter meets alpha at work.", "Where does it come?", "First", "Last")
    line = edit(root, POOL_ALPHA, SECOND, planted)
    found = _problems(root)
    assert any(
        p.startswith(
            f"{POOL_ALPHA}:{line + 3}: questions[1].prompt: repeats the worked scenario of lesson 'alpha-lesson' on 'qa-alpha'"
        )
        for p in found
    ), found
    assert not any("repeats lesson question" in p for p in found), found


def test_the_same_point_in_another_situation_is_not_refused(tmp_path):
    root = fixture_copy(tmp_path)
    planted = _scenario(
        "A typesetter numbers Greek capitals for a printed index.", "Which capital gets number one?", "Alpha", "Omega"
    )
    edit(root, POOL_ALPHA, SECOND, planted)
    assert _problems(root) == []


def test_likeness_uses_content_words_and_word_pairs():
    course = load_course(FIXTURE_ROOT)
    lesson = Fingerprint.of(course.question("q-alpha-04"))
    assert lesson.words == {"colleague", "list", "letter", "order", "name", "first", "alpha"}  # stemmed, no stop words
    assert ("colleague", "list") in lesson.shingles
    assert lesson.likeness(lesson) == (1.0, 1.0)
    assert lesson.likeness(Fingerprint.of(course.question("q-alpha-03"))) == (1 / 9, 0.0)


def test_a_pool_question_without_a_level(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, POOL_ALPHA, SECOND, SECOND.replace("    level: analyse\n", ""))
    assert f"{POOL_ALPHA}:{line}: questions[1].id: no level: say what it asks (level: apply | analyse | recall)" in (
        _problems(root)
    )


def test_a_wrong_option_without_a_misconception(tmp_path):
    root = fixture_copy(tmp_path)
    planted = _scenario(
        "A typesetter numbers capitals.", "Which gets number one?", "Alpha", "Omega", misconception=False
    )
    line = edit(root, POOL_ALPHA, SECOND, planted)
    found = _problems(root)
    assert (
        f"{POOL_ALPHA}:{line + 10}: questions[1].options[1].text: a wrong option without a misconception"
        in " ".join(found)
    ), found


def test_a_true_false_question_without_the_belief_behind_its_wrong_answer(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, POOL_ALPHA, SECOND, SECOND.replace('    misconception: "A belief about alpha 2', "    # "))
    found = _problems(root)
    assert (
        f"{POOL_ALPHA}:{line + 4}: questions[1].answer: no misconception: name the belief behind the wrong answer"
        in (found)
    ), found


def test_too_many_recall_questions(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, POOL_ALPHA, SECOND, SECOND.replace("level: analyse", "level: recall"))
    found = _problems(root)
    assert (
        f"{POOL_ALPHA}:{line + 5}: questions[1].level: 2 of 9 questions (22%) ask for recall; at most 15%" in found
    ), found


def test_too_few_applied_questions(tmp_path):
    root = fixture_copy(tmp_path)
    for n, level in (("01", "apply"), ("02", "analyse"), ("03", "apply")):
        old = f'    level: {level}\n    misconception: "A belief about alpha {int(n)} '
        edit(root, POOL_ALPHA, old, old.replace(f"    level: {level}\n", ""))
    found = _problems(root)
    assert any(
        p.startswith(f"{POOL_ALPHA}:5: questions: 5 of 9 questions (56%) ask to apply or analyse; at least 70%")
        for p in found
    ), found


def test_check_refuses_a_copied_question_and_the_real_course_checks_quickly(tmp_path, capsys):
    root = fixture_copy(tmp_path)
    edit(
        root,
        POOL_ALPHA,
        SECOND,
        SECOND.replace("Statement 2 about alpha that the learner judges.", "Alpha comes after beta."),
    )
    assert main(["--root", str(root), "check"]) == 1
    assert "questions[1].prompt: repeats lesson question 'q-alpha-03'" in capsys.readouterr().err
    started = time.process_time()  # processor time: other jobs on a busy machine do not count
    assert main(["--root", str(COURSE_ROOT), "check"]) == 0
    assert time.process_time() - started < 5
