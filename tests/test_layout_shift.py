"""No layout shift on the pages the script fills (issue 30).

Each page is opened in Chromium with a PerformanceObserver (``scripts/layout_metrics.py``, the
same measurement as ``scripts/benchmark.py``) and must keep its cumulative layout shift, from
the first paint until the scripts have filled it, under the budget of 0.05, on a wide screen
and on a phone. The progress page reserves its room before the script fills it, the
self-assessment its mode switcher's, and a lesson's "Present this lesson" button holds its
place while hidden.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from layout_metrics import layout_shift, watch_layout_shift

pytestmark = pytest.mark.browser
BUDGET = 0.05
PAGES = [
    "book/progress.html",
    "book/self-assessment.html",
    "book/lessons/01-who-is-the-compact-for.html",
    "book/lessons/15-evidence-of-impact.html",
    "book/index.html",
]


def _watched(browser, book_server, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800}, base_url=book_server)
    watch_layout_shift(context)
    return context, context.new_page()


@pytest.fixture
def watched(browser, book_server):
    context, page = _watched(browser, book_server, 1280)
    yield page
    context.close()


@pytest.mark.parametrize("width", [1280, 800, 400, 320])
@pytest.mark.parametrize("path", PAGES)
def test_page_settles_without_layout_shift(browser, book_server, path, width):
    context, page = _watched(browser, book_server, width)
    score, shifts = layout_shift(page, path)
    context.close()
    assert score < BUDGET, (score, shifts)


def test_the_measurement_sees_a_shift(watched):
    # The check can fail: a block pushed in at the top of a page after load is a shift.
    watched.goto("book/about.html", wait_until="load")
    watched.evaluate(
        "() => { const p = document.createElement('p'); p.textContent = 'x'; p.className = 'cc-test-push';"
        " const first = document.querySelector('article p');"
        " setTimeout(() => { for (let i = 0; i < 12; i++) { first.before(p.cloneNode(true)); } }, 50); }"
    )
    watched.wait_for_timeout(400)
    assert watched.evaluate("window.__layoutShift") > BUDGET


def test_progress_region_is_filled_inside_its_reserved_room(watched):
    watched.goto("book/progress.html", wait_until="load")
    watched.wait_for_timeout(500)
    found = watched.evaluate(
        "() => ({scripted: document.documentElement.classList.contains('cc-js'),"
        " tables: document.querySelectorAll('#cc-progress table').length,"
        " room: parseFloat(getComputedStyle(document.getElementById('cc-progress')).minHeight)})"
    )
    assert found["scripted"] and found["tables"] >= 4 and found["room"] >= 800, found
