"""The one correct/answered/total tally and its rounding rule (core/tally.py)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from compact_course.core.tally import Tally, percent


def test_percent_rounds_halves_up_as_the_browser_does():
    # Python's round() would give 62 for 5 of 8 (half to even); Math.round gives 63.
    assert percent(5, 8) == 63
    assert percent(1, 8) == 13
    assert percent(3, 8) == 38
    assert (percent(2, 3), percent(1, 3), percent(0, 4), percent(4, 4)) == (67, 33, 0, 100)


def test_percent_is_exact_half_up_for_every_small_fraction():
    for total in range(1, 41):
        for correct in range(total + 1):
            exact = (Decimal(100 * correct) / Decimal(total)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            assert percent(correct, total) == int(exact), (correct, total)


def test_percent_of_no_questions_is_refused():
    with pytest.raises(ValueError, match="at least one question"):
        percent(0, 0)


def test_tally_properties_and_text():
    tally = Tally(correct=5, answered=6, total=8)
    assert (tally.percent, tally.missed, tally.complete, tally.attempted) == (63, 3, False, True)
    assert str(tally) == "5 of 8 correct"
    assert Tally(0, 0, 4).attempted is False and Tally(2, 4, 4).complete


def test_tallies_add_up():
    parts = [Tally(1, 2, 3), Tally(2, 2, 2), Tally(0, 0, 5)]
    assert Tally.sum(parts) == Tally(3, 4, 10) == parts[0] + parts[1] + parts[2]
    assert Tally.sum([]) == Tally(0, 0, 0)


@pytest.mark.parametrize("counts", [(3, 2, 4), (1, 2, 1), (-1, 0, 1)])
def test_impossible_tallies_are_refused(counts):
    with pytest.raises(ValueError, match="correct <= answered <= total"):
        Tally(*counts)
