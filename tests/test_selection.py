"""core.selection: modules or lessons by number or id, the one parser ``plan`` and ``export`` share."""

from __future__ import annotations

import pytest

from compact_course.core.course import load_course
from compact_course.core.selection import pick, pick_lessons, pick_modules, split_refs
from helpers import FIXTURE_ROOT


@pytest.fixture(scope="module")
def course():
    return load_course(FIXTURE_ROOT)


@pytest.mark.parametrize(
    "values, refs",
    [
        (None, []),
        ("", []),
        (" , ,", []),
        ("1,2", ["1", "2"]),
        (" 2 , m1-alpha ", ["2", "m1-alpha"]),
        (["1,2", "m2-beta"], ["1", "2", "m2-beta"]),
        (("1", " "), ["1"]),
    ],
)
def test_split_refs_splits_on_commas_and_drops_blanks(values, refs):
    assert split_refs(values) == refs


def test_modules_by_number_or_id_come_back_in_course_order_once_each(course):
    picked = pick_modules(course, ["2", "m1-alpha", "2", "m2-beta"])
    assert [module.id for module in picked.chosen] == ["m1-alpha", "m2-beta"]
    assert picked.unknown == ()


def test_lessons_by_number_or_id(course):
    assert [lesson.id for lesson in pick_lessons(course, ["2"]).chosen] == ["beta-lesson"]
    assert [lesson.id for lesson in pick_lessons(course, ["alpha-lesson"]).chosen] == ["alpha-lesson"]


@pytest.mark.parametrize("ref", ["0", "3", "-1", "m9-nothing", "M1-ALPHA", "1.0"])
def test_out_of_range_numbers_and_unknown_ids_are_returned_in_order(course, ref):
    picked = pick_modules(course, ["1", ref, ref])
    assert [module.id for module in picked.chosen] == ["m1-alpha"]
    assert picked.unknown == (ref, ref)


def test_a_number_means_a_position_even_when_an_id_looks_like_one():
    items = ["2", "b"]
    picked = pick(items, ["2"], str)
    assert picked.chosen == ("b",)  # position 2, not the item whose id is "2"
    assert pick(items, ["1"], str).chosen == ("2",)
