"""Accessibility in depth (issue 18): WCAG 2.2 AA beyond axe's default WCAG rules, in Chromium.

- axe with its best-practice and experimental rules too, at desktop and phone width, light
  and dark, before and after answering every quiz on a sample of pages;
- no page scrolls sideways at 320 CSS px (1.4.10 Reflow); a wide table may scroll only inside
  its own labelled, focusable region;
- the 1.4.12 text-spacing override hides no content on a lesson page;
- forced colours (Windows high contrast): focus stays visible on quiz controls (charts:
  test_accessibility_charts.py);
- a quiz's accessibility tree: a group named by its legend, named options, and a live region
  that announces the feedback after "Check answer".

What the axe runs used (axe version, Chromium version, rule tags, pages, widths, modes) is
written to ``test-output/accessibility-results.json``; test_accessibility_statement.py checks
the statement's "how it was tested" (``data/accessibility.yaml``) against the same values.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import importlib.metadata
import json
import re
import socketserver
import threading
from pathlib import Path

import pytest

from conftest import node_package_file

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "test-output" / "accessibility-results.json"
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice", "experimental"]
# Experimental rules are off unless asked for by tag; name the one issue 18 cares about too,
# so a change in axe's tagging cannot switch it off without this test noticing.
REQUIRED_RULES = ["label-content-name-mismatch"]
WIDTHS = [1280, 320]
MODES = ["light", "dark"]
SAMPLE_PAGES = [
    "book/lessons/01-who-is-the-compact-for.html",
    "book/self-assessment.html",
    "book/progress.html",
    "book/glossary.html",
    "book/facilitator/index.html",
]
LESSON = SAMPLE_PAGES[0]
CHART_LESSON = "book/lessons/02-not-legally-binding.html"
# The WCAG 1.4.12 bookmarklet's values.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
NO_TRANSITIONS_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
_runs: list[dict] = []


def browser_context(browser, book_server, width: int, mode: str = "light", **options):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, base_url=book_server, color_scheme=mode, **options
    )
    context.add_init_script(f"window.localStorage.setItem('mode', '{mode}');")
    return context


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def facilitator_server(facilitator_book):
    """The facilitator edition (its own build, see conftest), served like the learner edition."""
    server = socketserver.ThreadingTCPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(facilitator_book))
    )
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def server_for(request, url: str) -> str:
    """Facilitator pages are only in the facilitator edition; everything else is in the learner's."""
    return request.getfixturevalue("facilitator_server" if url.startswith("book/facilitator/") else "book_server")


def open_page(page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url} is not in the build ({response and response.status})"


def built_pages(html: Path) -> list[str]:
    return [
        path.relative_to(html).as_posix()
        for path in sorted(html.rglob("*.html"))
        if not path.relative_to(html).as_posix().startswith(("_static/", "_sources/", "_images/"))
        and path.relative_to(html).as_posix() != "index.html"  # a redirect to book/index.html
    ]


def _axe(page, axe_source: str) -> dict:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
        # axe reads colours as they are drawn: a colour still fading in (a theme or hover
        # transition) would be judged half-way. Settle every transition before it looks.
        page.add_style_tag(content=NO_TRANSITIONS_CSS)
        page.wait_for_timeout(20)
    return page.evaluate(
        """async ([tags, required]) => {
            const rules = Object.fromEntries(required.map(id => [id, {enabled: true}]));
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules});
            const ran = new Set([...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable]
                .map(r => r.id));
            return {
                version: axe.version,
                ran: [...ran].sort(),
                violations: result.violations.map(v => v.id + ' (' + v.impact + '): '
                    + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')),
            };
        }""",
        [RULE_TAGS, REQUIRED_RULES],
    )


def answer_every_quiz(page) -> int:
    """Answer every shown question (first option, or a match for each item), then check or submit."""
    forms = page.locator("form.cc-question:visible")
    count = forms.count()
    for index in range(count):
        form = forms.nth(index)
        selects = form.locator("select")
        if selects.count():
            for n in range(selects.count()):
                selects.nth(n).select_option(index=1)
        else:
            form.locator("input").first.check()
        check = form.locator("button[data-action=check]:visible")
        if check.count():
            check.click()
    submit = page.get_by_role("button", name="Submit all answers")
    if submit.count() and submit.first.is_visible():
        submit.first.click()
    # The pointer would rest on whatever now sits under the last button clicked; a hover colour
    # is then checked by chance. Move it off the content so every run checks the same states.
    page.mouse.move(0, 0)
    return count


def _record(entry: dict, browser) -> None:
    _runs.append(entry)
    summary = {
        "date": datetime.date.today().isoformat(),
        "axe_version": json.loads(node_package_file("axe-core", "package.json").read_text(encoding="utf-8"))["version"],
        "chromium_version": browser.version,
        "playwright_version": importlib.metadata.version("playwright"),
        "rule_tags": RULE_TAGS,
        "widths": sorted({run["width"] for run in _runs}, reverse=True),
        "modes": sorted({run["mode"] for run in _runs}),
        "pages": sorted({run["page"] for run in _runs}),
        "runs": _runs,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


# axe, deeper -------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", SAMPLE_PAGES)
def test_axe_best_practice_and_experimental_before_and_after_answering(request, browser, axe_source, url, width, mode):
    context = browser_context(browser, server_for(request, url), width, mode)
    page = context.new_page()
    open_page(page, url)
    before = _axe(page, axe_source)
    answered = answer_every_quiz(page)
    after = _axe(page, axe_source) if answered else before
    context.close()
    _record(
        {
            "page": url,
            "width": width,
            "mode": mode,
            "answered": answered,
            "violations": before["violations"] + after["violations"],
        },
        browser,
    )
    assert set(REQUIRED_RULES) <= set(before["ran"]), "the experimental rules did not run"
    assert before["violations"] == [], f"before answering: {before['violations']}"
    assert after["violations"] == [], f"after answering {answered} questions: {after['violations']}"


# Reflow and text spacing ---------------------------------------------------------------------
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const scroll = document.documentElement.scrollWidth - width;
    // Elements that stick out past the right edge (what makes a page scroll sideways), leaving
    // out those inside a scrolling box: their overflow scrolls there, not the page.
    const wide = [...document.body.querySelectorAll('*')].filter(e => {
        const box = e.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 1) return false;
        for (let p = e.parentElement; p; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && p !== document.body
                && p !== document.documentElement) return false;
        }
        return true;
    }).slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
        + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
    // A box that scrolls sideways must be a labelled region a keyboard can focus.
    const unlabelled = [...document.querySelectorAll('.bd-article *')].filter(e => {
        const style = getComputedStyle(e);
        return ['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1
            && !(e.tabIndex >= 0 && e.getAttribute('role') === 'region' && e.getAttribute('aria-label'));
    }).slice(0, 4).map(e => e.tagName.toLowerCase() + '.' + e.className);
    return {scroll, wide, unlabelled};
}"""


@pytest.mark.parametrize("edition", ["learner", "facilitator"])
def test_no_page_scrolls_sideways_at_320_px(request, browser, edition, output_dir):
    html = request.getfixturevalue("built_book" if edition == "learner" else "facilitator_book")
    server = request.getfixturevalue("book_server" if edition == "learner" else "facilitator_server")
    context = browser_context(browser, server, 320)
    page = context.new_page()
    problems = []
    pages = built_pages(html)
    assert len(pages) > 10
    for url in pages:
        open_page(page, url)
        found = page.evaluate(OVERFLOW_JS)
        if found["scroll"] > 0:
            problems.append(f"{url}: scrolls {found['scroll']}px sideways; sticking out: {found['wide']}")
        if found["unlabelled"]:
            problems.append(f"{url}: sideways-scrolling boxes not labelled focusable regions: {found['unlabelled']}")
    context.close()
    (output_dir / f"reflow-320-{edition}.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")
    assert problems == [], f"{len(problems)} pages; see test-output/reflow-320-{edition}.txt:\n" + "\n".join(
        problems[:8]
    )


def test_scrolling_boxes_are_named_focusable_regions_in_the_html():
    """Tables are named by their caption, or by the data's words and their number; so is code."""
    from compact_course.book.scroll_regions import name_scroll_regions
    from compact_course.core.statement_models import RegionNames

    names = RegionNames(table="Table {number}", code="Code example {number}")
    body = (
        '<div class="pst-scrollable-table-container"><table class="table" id="id1">\n<caption>'
        '<span class="caption-number">Table 1 </span><span class="caption-text">Who &amp; when</span></caption>'
        '<div class="pst-scrollable-table-container"><table class="table">'
        '<div class="highlight"><pre><span></span>a</pre></div><pre class="x">b</pre>'
        '<div class="pst-scrollable-table-container"><table class="table"><caption>Who &amp; when</caption>'
    )
    named = name_scroll_regions(body, names)
    assert re.findall(r'aria-label="([^"]*)"', named) == [
        "Who &amp; when",
        "Table 2",
        "Code example 1",
        "Code example 2",
        "Who &amp; when (3)",  # names of regions on a page are unique
    ]
    assert named.count('role="region" tabindex="0"') == 5
    assert name_scroll_regions(named, names).count("role=") == 5  # a pre that has a role keeps it


def test_region_names_take_only_a_number():
    from pydantic import ValidationError

    from compact_course.core.statement_models import RegionNames

    with pytest.raises(ValidationError, match="allowed here: number"):
        RegionNames(table="Table {count}", code="Code {number}")


def test_every_table_box_and_code_block_of_the_built_book_is_a_named_region(built_book):
    missing = []
    for url in built_pages(built_book):
        html = (built_book / url).read_text(encoding="utf-8")
        boxes = re.findall(r'<div class="pst-scrollable-table-container"[^>]*>|<pre\b[^>]*>', html)
        missing += [f"{url}: {box}" for box in boxes if 'role="region"' not in box or "aria-label=" not in box]
    assert missing == []


CLIPPED_JS = """() => [...document.querySelectorAll('.bd-article *, .bd-header *, .bd-footer-article *')].filter(e => {
    const style = getComputedStyle(e);
    const box = e.getBoundingClientRect();
    if (box.width <= 2 || box.height <= 2 || style.visibility === 'hidden' || !e.textContent.trim()) return false;
    const clipsX = ['hidden', 'clip'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
    const clipsY = ['hidden', 'clip'].includes(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
    return clipsX || clipsY;
}).slice(0, 6).map(e => e.tagName.toLowerCase() + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_text_spacing_override_hides_no_content_on_a_lesson(browser, book_server, width):
    context = browser_context(browser, book_server, width)
    page = context.new_page()
    open_page(page, LESSON)
    answer_every_quiz(page)  # feedback and marks take space too
    page.add_style_tag(content=TEXT_SPACING_CSS)
    page.wait_for_timeout(50)
    clipped = page.evaluate(CLIPPED_JS)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert clipped == []
    assert overflow <= 0, f"with wider text spacing the page scrolls {overflow}px sideways"


# Forced colours ------------------------------------------------------------------------------
FOCUS_STYLE_JS = """() => {
    const e = document.activeElement;
    const style = getComputedStyle(e);
    return {tag: e.tagName.toLowerCase() + (e.type ? '[' + e.type + ']' : ''), outline: style.outlineStyle,
            width: parseFloat(style.outlineWidth), colour: style.outlineColor, canvas: getComputedStyle(document.body).backgroundColor};
}"""


def test_focus_is_visible_on_quiz_controls_in_forced_colours(browser, book_server):
    context = browser_context(browser, book_server, 1280, forced_colors="active")
    page = context.new_page()
    open_page(page, LESSON)
    assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
    form = page.locator("form.cc-question").first
    seen = []

    def focused_style() -> dict:
        style = page.evaluate(FOCUS_STYLE_JS)
        seen.append(style["tag"])
        assert style["outline"] not in ("none", "hidden") and style["width"] >= 2, style
        assert style["colour"] != style["canvas"], style  # an outline drawn in the background colour hides
        return style

    for target in (form.locator("input, select").first, form.locator("button[data-action=check]")):
        # Reach it by keyboard: :focus-visible styles are for keyboard users.
        target.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        focused_style()
    form.locator("button[data-action=reveal]").focus()
    page.keyboard.press("Enter")  # asks first: focus on "Cancel"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # "Show the answer": shows it and moves focus to its summary
    focused_style()
    context.close()
    assert seen[-1] == "summary" and len(set(seen)) == 3, seen


def test_room_poll_chart_draws_text_and_bar_outlines_in_the_forced_text_colour(browser, facilitator_server):
    context = browser_context(browser, facilitator_server, 1280, forced_colors="active")
    page = context.new_page()
    open_page(page, "book/facilitator/room-poll-static.html")
    chart = page.locator("svg.cc-poll-svg").first
    chart.wait_for()
    found = chart.evaluate(
        """svg => ({
            colour: getComputedStyle(svg).color,
            text: [...svg.querySelectorAll('text')].map(t => getComputedStyle(t).fill),
            bars: [...svg.querySelectorAll('.cc-poll-bar')].map(b => [getComputedStyle(b).stroke,
                parseFloat(getComputedStyle(b).strokeWidth)]),
        })"""
    )
    context.close()
    # Forced colours repaint text but not SVG fills: bars stay visible on any high-contrast
    # background because each is outlined in the text colour.
    assert found["text"] and set(found["text"]) == {found["colour"]}, found
    assert found["bars"] and all(stroke == found["colour"] and width >= 1 for stroke, width in found["bars"]), found


# The accessibility tree of a quiz -------------------------------------------------------------
def test_quiz_accessibility_tree_names_the_group_options_and_announces_feedback(page):
    open_page(page, LESSON)
    form = page.locator("form.cc-question").first
    legend = form.locator("legend").inner_text().replace("\n", " ")
    group = form.get_by_role("group", name=re.compile(re.escape(legend.split(" ", 4)[-1][:30])))
    assert group.count() == 1
    role = "checkbox" if form.get_attribute("data-type") == "multiple" else "radio"
    labels = [text.strip() for text in form.locator(".cc-option").all_inner_texts()]
    assert len(labels) >= 2
    for label in labels:
        assert form.get_by_role(role, name=label, exact=True).count() == 1, f"no {role} named {label!r}"
    assert form.get_by_role(role).count() == len(labels)
    tree = form.aria_snapshot()
    assert f'- group "{legend[:20]}' in tree, tree[:300]
    status = form.get_by_role("status")
    assert status.count() == 1 and status.get_attribute("aria-live") == "polite"
    assert status.inner_text().strip() == ""
    form.get_by_role(role).first.check()
    form.get_by_role("button", name="Check answer").click()
    page.wait_for_timeout(50)
    announced = status.inner_text()
    assert re.search(r"Correct|Not quite", announced), announced
    # The live region holds the verdict and a line of feedback per option, as a screen reader
    # hears them when the region changes.
    tree = form.aria_snapshot()
    # The form itself is a named region (its legend, issue 30), so its parts sit one level in.
    assert tree.startswith(f'- form "{legend[:20]}'), tree[:300]
    assert re.search(r"^\s*- status:\n\s+- paragraph: .+\n\s+- list:\n\s+- listitem: .+", tree, re.M), tree


TAB_ORDER_JS = """form => {
    // What a keyboard reaches in this form, in reading (DOM) order: one stop per radio group.
    const seen = new Set();
    return [...form.querySelectorAll('input, select, button, summary, a[href]')].filter(e => {
        if (e.disabled || e.closest('[hidden]') || !e.getClientRects().length) return false;
        if (e.type === 'radio') { if (seen.has(e.name)) return false; seen.add(e.name); }
        return true;
    }).map(e => e.id || e.getAttribute('data-action') || e.tagName.toLowerCase());
}"""


@pytest.mark.parametrize("url", [LESSON, "book/self-assessment.html"])
def test_focus_order_in_a_quiz_follows_reading_order(page, url):
    open_page(page, url)
    form = page.locator("form.cc-question:visible").first
    expected = form.evaluate(TAB_ORDER_JS)
    form.locator("input, select").first.focus()
    reached = []
    for _ in range(len(expected) + 3):
        inside = page.evaluate("form => form.contains(document.activeElement)", form.element_handle())
        if not inside:
            break
        reached.append(
            page.evaluate(
                "() => document.activeElement.id || document.activeElement.getAttribute('data-action')"
                " || document.activeElement.tagName.toLowerCase()"
            )
        )
        page.keyboard.press("Tab")
    assert reached == expected
