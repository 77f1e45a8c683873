"""The pack's cover says which pages to copy (issue 27): held to Chromium's own printing.

In Chromium, on the facilitator edition: each ready-made plan's pack page fills its cover with
each item's pages and each set's range, counted in a hidden frame (pack-pages.js); printing the
page to A4 then puts each item's title on exactly the page the cover gives, and the facilitator's
set ends on the last page. The same holds on the plan-and-pack page for a plan of one's own
(counted again after each change), and from the offline zip's folder over file://.
"""

from __future__ import annotations

import io
import re

import pytest

from compact_course.facilitator import pack
from compact_course.facilitator.ready_made import ready_made_plans
from helpers import real_course

SET_LINE = re.compile(r"pages (\d+) to (\d+) of (\d+)")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _printed_pages(page) -> list[str]:
    from pypdf import PdfReader

    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    return [_squash(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def _cover(page, scope: str) -> tuple[dict[str, int], list[tuple[int, int, int]]]:
    """Each item's first page and each set's (first, last, total), as the cover gives them."""
    page.locator(f"{scope} [data-set-pages]:not([hidden])").first.wait_for(state="attached")
    cells = page.locator(f"{scope} [data-pages]").evaluate_all(
        "cells => cells.map(c => [c.getAttribute('data-pages'), c.textContent])"
    )
    firsts = {name: int(text.split()[0]) for name, text in cells}
    lines = page.locator(f"{scope} [data-set-pages]").all_inner_texts()
    return firsts, [tuple(map(int, SET_LINE.search(line).groups())) for line in lines]  # type: ignore[union-attr]


def _check_against_print(page, scope: str) -> None:
    firsts, sets = _cover(page, scope)
    titles = {
        section.get_attribute("id"): _squash(section.locator("h1").inner_text())
        for section in page.locator(f"{scope} > section.cc-pack-item").all()
        if section.get_attribute("id") != "cards"  # the cards have no title: a letter a page
    }
    printed = _printed_pages(page)
    starts = {
        name: next(i + 1 for i, text in enumerate(printed) if text.startswith(title)) for name, title in titles.items()
    }
    assert starts == {name: {"cover": 1, **firsts}[name] for name in starts}
    (p_first, p_last, total), (f_first, f_last, total_again) = sets
    assert total == total_again == len(printed)
    assert p_first == 2 and p_last + 1 == f_first and f_last == len(printed)
    participants, facilitator = pack.SETS
    assert firsts[participants[1][0]] == p_first and firsts[facilitator[1][0]] == f_first
    # Between the evaluation and the crib, one page a voting card.
    cards = [i + 1 for i, text in enumerate(printed) if re.fullmatch(r"[A-Z]", text)]
    assert cards and cards[0] == firsts["cards"] and cards[-1] == f_first - 1


@pytest.mark.book
@pytest.mark.parametrize("slug", [r.slug for r in ready_made_plans(real_course())])
def test_a_ready_made_pack_s_cover_gives_the_pages_it_prints_on(facilitator_page, slug):
    page = facilitator_page
    page.goto(f"book/facilitator/packs/{slug}.html")
    _check_against_print(page, ".cc-pack")
    assert page.locator("iframe").count() == 0  # the counting frame is gone
    assert page.errors == []


@pytest.mark.book
def test_the_plan_and_pack_page_counts_again_for_a_plan_of_one_s_own(facilitator_page):
    page = facilitator_page
    course = real_course()
    page.goto("book/facilitator/plan-builder.html")
    page.locator(".cc-plan-status").wait_for()
    page.locator("#cc-plan-ready").select_option("")
    for box in page.locator(".cc-plan-lessons input[type=checkbox]").all():
        box.uncheck()
    for number in (3, 12):
        page.locator(f".cc-plan-lessons input[value='{course.lessons[number - 1].id}']").check()
    page.get_by_label("Group size (people)").fill("30")  # a second attendance page
    page.get_by_label("Minutes available in all", exact=False).fill("")
    before = page.locator("#cc-plan-pack [data-set-pages]").last.inner_text()
    page.wait_for_function(
        "old => { const l = document.querySelector('#cc-plan-pack [data-set-pages=facilitator]');"
        " return l && !l.hidden && l.textContent !== old; }",
        arg=before,
    )
    page.wait_for_timeout(600)  # past the recount's pause after the last change
    _check_against_print(page, "#cc-plan-pack")
    assert page.errors == []


@pytest.mark.book
def test_the_cover_counts_its_pages_from_the_offline_zip_over_file(browser, facilitator_book):
    # On file:// no script may read a stylesheet's rules: the count must not need them.
    page = browser.new_page()
    try:
        slug = ready_made_plans(real_course())[0].slug
        page.goto((facilitator_book / "book" / "facilitator" / "packs" / f"{slug}.html").resolve().as_uri())
        _check_against_print(page, ".cc-pack")
    finally:
        page.close()
