"""Repeatable order: the seeded draw of the self-assessment (quiz/order.py) and its shared cases.

``tests/fixtures/draw_cases.json`` holds the draw rule's cases for the browser's copy of it;
regenerate it after changing the course's questions with ``.venv/bin/python tests/test_order.py``.
(Option shuffling, also in quiz/order.py, is tested in ``test_shuffle.py``.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compact_course.core.course import load_course
from compact_course.quiz import order
from compact_course.quiz.placement import lesson_of_question
from helpers import course_copy, edit, real_course

FIXTURE = Path(__file__).parent / "fixtures" / "draw_cases.json"
HASH_TEXTS = ("", "a", "foobar", "2026:q-who-is-the-compact-for-01", "é", "’", "7:q-café-’quoted’", "東京")


@pytest.fixture(scope="module")
def course():
    return real_course()


def draw_cases(course) -> list[tuple[int, int]]:
    """(seed, per_module) pairs the shared fixture must hold."""
    draw = course.assessment.draw
    # Seeds above 2**53 catch a browser that parses the seed as a Number (it loses digits).
    large = [(9007199254740993, 3), (2**64 + 5, 3)]
    return [(0, 1), (1, 3), (7, 3), (draw.seed, draw.per_module), (4294967295, 2), (42, 50), *large]


def build_draw_cases(course) -> dict:
    """The shared cases for the draw rule, computed from the real course."""
    return {
        "description": "Seeded draw for the self-assessment (compact_course/quiz/order.py). key = fmix32(fnv1a(text)); "
        "a draw orders each module's questions by (key of '<seed>:<question-id>', id) and takes the "
        "first per_module, modules in course order. Seeds are text: JSON numbers above 2**53 do not survive "
        "JavaScript's JSON.parse. Regenerate: .venv/bin/python tests/test_order.py",
        "hashes": [
            {"text": text, "fnv1a": order.fnv1a32(text), "key": order.fmix32(order.fnv1a32(text))}
            for text in HASH_TEXTS
        ],
        "cases": [
            {"seed": str(seed), "per_module": per, "expected": [q.id for q in order.draw_questions(course, seed, per)]}
            for seed, per in draw_cases(course)
        ],
    }


def write_fixture() -> None:
    FIXTURE.write_text(
        json.dumps(build_draw_cases(real_course()), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {FIXTURE}")


def test_fnv1a_matches_published_vectors():
    # Test vectors from the FNV reference (Fowler, Noll, Vo): 32-bit FNV-1a.
    assert order.fnv1a32("") == 0x811C9DC5
    assert order.fnv1a32("a") == 0xE40C292C
    assert order.fnv1a32("foobar") == 0xBF9CF968


def test_hash_is_over_utf8_bytes():
    # "é" is two UTF-8 bytes: hashing them one by one must equal hashing the text.
    value = 0x811C9DC5  # the FNV-1a offset basis
    for byte in "é".encode():
        value = ((value ^ byte) * 0x01000193) % 2**32  # the FNV prime
    assert order.fnv1a32("é") == value != order.fnv1a32("e")


def test_draw_takes_per_module_questions_from_each_module_in_key_order(course):
    for seed in (0, 5, 2026):
        drawn = order.draw_questions(course, seed, 2)
        assert len(drawn) == 2 * len(course.modules)
        for index, module in enumerate(course.modules):
            pair = drawn[2 * index : 2 * index + 2]
            pool = order.module_questions(course, module)
            assert all(q in pool for q in pair)
            keys = sorted((order.draw_key(seed, q.id), q.id) for q in pool)
            assert [q.id for q in pair] == [qid for _, qid in keys[:2]]
    assert order.draw_questions(course, 9) == order.draw_questions(course, 9)
    assert order.draw_questions(course, 1, 3) != order.draw_questions(course, 2, 3)


@pytest.mark.parametrize("per_module", [3, 5])
def test_the_number_per_module_comes_from_the_data(tmp_path, course, per_module):
    # data/assessment.yaml's draw.per_module is the only source of "how many from every module".
    root = course_copy(tmp_path)
    edit(root, "data/assessment.yaml", f"per_module: {course.assessment.draw.per_module}", f"per_module: {per_module}")
    edited = load_course(root)
    drawn = order.draw_questions(edited, 9)
    assert len(drawn) == per_module * len(edited.modules)
    assert drawn == order.draw_questions(edited, 9, per_module)


def test_seeds_beyond_double_precision_draw_differently(course):
    # 2**53 + 1 is not a float; a rule that rounded it would draw the same as 2**53.
    assert order.draw_questions(course, 2**53 + 1) != order.draw_questions(course, 2**53)


def test_draw_with_more_than_a_module_has_takes_the_whole_module(course):
    drawn = order.draw_questions(course, 3, 1000)
    assert sorted(q.id for q in drawn) == sorted(q.id for q in course.pool_questions())


def test_draws_spread_over_lessons(course):
    # Ids in one bank differ only at the end; without the finaliser most draws came from one lesson.
    single_lesson = total = 0
    for seed in range(200):
        drawn = order.draw_questions(course, seed, 3)
        for index in range(len(course.modules)):
            lessons = {lesson_of_question(course, q).id for q in drawn[3 * index : 3 * index + 3]}
            single_lesson += len(lessons) == 1
            total += 1
    assert single_lesson / total < 0.1


@pytest.mark.parametrize("seed, per_module", [(-1, 3), (1.5, 3), ("7", 3), (True, 3), (1, 0), (1, 2.0)])
def test_draw_rejects_bad_seed_or_count(course, seed, per_module):
    with pytest.raises(ValueError, match=r"seed|per_module"):
        order.draw_questions(course, seed, per_module)


def test_shared_fixture_matches_the_python_rule(course):
    stored = json.loads(FIXTURE.read_text(encoding="utf-8"))
    expected = build_draw_cases(course)
    hint = "regenerate tests/fixtures/draw_cases.json (see module docstring)"
    assert stored["hashes"] == expected["hashes"], hint
    assert stored["cases"] == expected["cases"], hint
    assert any(ord(ch) > 127 for case in stored["hashes"] for ch in case["text"])


if __name__ == "__main__":
    write_fixture()
