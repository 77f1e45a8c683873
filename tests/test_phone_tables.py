"""Tables that read on a phone (issue 28, item 2).

At 320, 390 and 430 px no cell or list item of My progress, the self-assessment's results, the
Compact today page, the lessons' chart tables or the session plans splits a word across lines
(a line may end after a hyphen or a dash; a web address may wrap), and no table is wider than
the page: tables of three or more columns become one card per row, each cell labelled with its
column's heading.
"""

from __future__ import annotations

import pytest

from compact_course import cached_course
from compact_course.book.phone_tables import stack_tables
from helpers import SPLIT_WORDS

WIDTHS = (320, 390, 430)
# Table cells, captions and list items: each word on one line (helpers.SPLIT_WORDS).
TABLE_TEXT = "main td, main th, main caption, main li"
LEARNER_PAGES = (
    "book/progress.html",
    "book/compact-today.html",
    "book/index.html",
    "book/lessons/02-not-legally-binding.html",
    "book/lessons/03-has-its-time-passed.html",
    "book/lessons/16-nao-review.html",
)
PLAN_PAGES = ("book/facilitator/plan-full-day.html", "book/facilitator/plan-taster.html")


def test_a_wide_table_gets_labels_roles_and_the_stacking_class():
    html = (
        '<table class="table"><thead><tr><th class="head"><p>Time</p></th><th>Session &amp; room</th><th>Minutes</th>'
        "</tr></thead><tbody><tr><td>09:30</td><td>Welcome</td><td>10</td></tr></tbody></table>"
        "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    )
    out = stack_tables(html)
    wide, narrow = out.split("</table>")[:2]
    assert '<table class="table cc-stack" role="table">' in wide
    assert '<td role="cell" data-label="Session &amp; room">Welcome</td>' in wide
    assert '<th class="head" role="columnheader">' in wide
    assert '<tr role="row">' in wide and '<tbody role="rowgroup">' in wide
    assert "cc-stack" not in narrow and "data-label" not in narrow  # two columns fit a phone as they are
    assert stack_tables(out) == out  # applied once


def test_the_built_compact_today_table_stacks(built_book):
    html = (built_book / "book" / "compact-today.html").read_text(encoding="utf-8")
    assert "cc-stack" in html and 'data-label="What you can do today"' in html


def _check(page, path: str, width: int) -> dict:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    return page.evaluate(SPLIT_WORDS, TABLE_TEXT)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_word_splits_in_learner_tables_and_lists(page, width):
    page.goto("book/lessons/01-who-is-the-compact-for.html")
    page.locator("section.cc-quiz form").first.locator("input").first.check()  # some progress to show
    for path in LEARNER_PAGES:
        found = _check(page, path, width)
        assert found == {"split": [], "wide": []}, f"{path} at {width} px: {found}"
    # My progress stacks: each cell carries its heading, and the row is no wider than the page.
    page.goto("book/progress.html")
    cell = page.locator(".cc-progress-table td").first
    cell.wait_for()
    assert cell.get_attribute("data-label") == cached_course().interface.progress.column_answered
    assert page.locator(".cc-progress-table").first.get_attribute("role") == "table"


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_word_splits_in_the_self_assessment_results(page, width):
    words = cached_course().interface
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("book/self-assessment.html")
    page.get_by_role("button", name=words.exam.submit).click()
    page.get_by_role("button", name=words.exam.submit_anyway).click()
    page.locator(".cc-results table").first.wait_for()
    found = page.evaluate(SPLIT_WORDS, TABLE_TEXT)
    assert found == {"split": [], "wide": []}, f"results at {width} px: {found}"


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_word_splits_in_the_session_plans(facilitator_page, width):
    for path in PLAN_PAGES:
        found = _check(facilitator_page, path, width)
        assert found == {"split": [], "wide": []}, f"{path} at {width} px: {found}"
