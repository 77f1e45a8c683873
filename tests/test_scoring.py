"""Scoring rules for every question type, held to the shared table in fixtures/scoring_cases.json.

The same table drives the browser test of quiz.js's ``score(spec, response)``, so the
Python and JavaScript rules cannot drift apart. Errors for unknown keys are Python-only
(the page can only send keys it rendered), so they are tested here rather than in the table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from compact_course.core import models as m
from compact_course.quiz.html import question_spec
from compact_course.quiz.scoring import QuestionResult, fingerprint, score_question, score_results
from helpers import course_with_questions, real_course

CASES = json.loads((Path(__file__).parent / "fixtures" / "scoring_cases.json").read_text(encoding="utf-8"))
QUESTION = TypeAdapter(m.Question)


def question(data: dict) -> m.QuestionBase:
    return QUESTION.validate_python(data)


def by_name(name: str) -> dict:
    return next(case for case in CASES if case["name"] == name)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_scoring_table(case):
    result = score_question(question(case["question"]), case["response"])
    assert result.question_id == case["question"]["id"]
    assert (result.answered, result.correct) == (case["answered"], case["correct"])
    assert [[line.key, line.correct] for line in result.feedback] == case["feedback_keys"]
    assert result.points == (1 if case["correct"] else 0)


def test_table_covers_every_question_type_and_outcome():
    kinds = {(case["question"]["type"], case["answered"], case["correct"]) for case in CASES}
    for qtype in m.QUESTION_TYPES:
        assert (qtype, True, True) in kinds
        assert (qtype, True, False) in kinds
        assert (qtype, False, False) in kinds
    names = " ".join(case["name"] for case in CASES)
    for needed in (
        "multiple: partial",
        "multiple: extra",
        "multiple: none",
        "matching: partial",
        "matching: unanswered",
    ):
        assert needed in names


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_table_questions_give_a_spec_for_the_browser(case):
    # The browser test feeds quiz.js the spec question_spec builds; it must describe the same choices.
    q = question(case["question"])
    course = course_with_questions([q])
    spec = json.loads(json.dumps(question_spec(course, q, "book/lessons/01-who-is-the-compact-for")))
    assert spec["id"] == q.id and spec["type"] == q.type
    assert [(c["key"], c["correct"]) for c in spec["choices"]] == [(c.key, c.correct) for c in q.choices()]
    if q.type == "matching":
        assert [(i["key"], i["answer"]) for i in spec["items"]] == [(i.key, i.answer) for i in q.items()]


def test_single_feedback_is_the_chosen_option_feedback():
    case = by_name("single: a wrong option")
    result = score_question(question(case["question"]), "a")
    assert [line.text for line in result.feedback] == ["Not apple: the answer is pear."]


def test_multiple_feedback_names_missed_options():
    case = by_name("multiple: partial (one correct option missed)")
    result = score_question(question(case["question"]), ["c"])
    assert result.feedback[0].text == "Four is even."
    assert result.feedback[1].text == "You did not select “Two”. Two is even."


def test_matching_choices_are_sorted_ignoring_case():
    q = question(by_name("matching: every item right")["question"])
    assert [(c.key, c.text, c.correct) for c in q.choices()] == [
        ("a", "Apple", True),
        ("b", "Banana", False),
        ("c", "kiwi", True),
        ("d", "Mango", True),
    ]
    assert [(i.key, i.text, i.answer) for i in q.items()] == [
        ("1", "Yellow-orange", "d"),
        ("2", "Red", "a"),
        ("3", "Brown", "c"),
    ]


def test_matching_feedback_says_what_was_chosen():
    q = question(by_name("matching: partial, one item unanswered")["question"])
    result = score_question(q, {"1": "d", "2": "b"})
    texts = [line.text for line in result.feedback]
    assert texts[0] == "“Yellow-orange”: right. Mangoes ripen yellow-orange."
    assert texts[1] == "“Red”: not “Banana”. Apples are often red."
    assert texts[2] == "“Brown”: not answered. Kiwi skin is brown."


@pytest.mark.parametrize(
    "name, response, message",
    [
        ("single: the correct option", "z", "no choice 'z'"),
        ("scenario: the correct option", "true", "no choice 'true'"),
        ("true-false (answer false): False", "a", "no choice 'a'"),
        ("multiple: none selected", ["a", "z"], "no choice 'z'"),
        ("matching: every item right", {"9": "a"}, "no item '9'"),
        ("matching: every item right", {"1": "z"}, "no choice 'z'"),
    ],
)
def test_unknown_keys_are_errors_not_wrong_answers(name, response, message):
    q = question(by_name(name)["question"])
    with pytest.raises(ValueError, match=message) as caught:
        score_question(q, response)
    assert q.id in str(caught.value)


def test_quiz_score_counts_correct_and_answered():
    results = [
        QuestionResult("q-1", answered=True, correct=True),
        QuestionResult("q-2", answered=True, correct=False),
        QuestionResult("q-3", answered=False, correct=False),
    ]
    score = score_results(results, total=4)
    assert (score.correct, score.answered, score.total, score.complete) == (1, 2, 4, False)
    assert str(score) == "1 of 4 correct"
    assert score_results(results[:2], total=2).complete


def test_fingerprint_is_stable_and_changes_with_the_question():
    data = by_name("single: the correct option")["question"]
    assert fingerprint(question(data)) == fingerprint(question(json.loads(json.dumps(data))))
    changed = dict(data, explanation="A different explanation.")
    assert fingerprint(question(changed)) != fingerprint(question(data))
    assert len(fingerprint(question(data))) == 12


def test_real_questions_score_their_own_correct_answers():
    # Every real question, answered with its correct answer, scores as correct; nothing else does.
    for q in real_course().all_questions():
        if isinstance(q, m.Matching):
            right = {item.key: item.answer for item in q.items()}
            wrong = {item.key: "" for item in q.items()}
            wrong[q.items()[0].key] = next(c.key for c in q.choices() if c.key != q.items()[0].answer)
        elif isinstance(q, m.MultipleSelect):
            right = [c.key for c in q.choices() if c.correct]
            wrong = [c.key for c in q.choices()]
        else:
            right = next(c.key for c in q.choices() if c.correct)
            wrong = next(c.key for c in q.choices() if not c.correct)
        assert score_question(q, right).correct, q.id
        outcome = score_question(q, wrong)
        assert outcome.answered and not outcome.correct, q.id
