"""Two measurements of a page in Chromium (issue 30), shared by scripts/benchmark.py and the tests.

- ``layout_shift``: the page's cumulative layout shift, summed by a PerformanceObserver from
  the first paint until the page has loaded and its scripts have filled it (shifts right after
  a reader's input do not count, as in the Web Vitals definition);
- ``css_coverage``: for each stylesheet the page loads, its length and the bytes of the rules
  Chromium used while showing the page (DevTools' CSS coverage, through the protocol): as first
  painted (light mode, the context's width), or, with ``walk``, over the states a reader can
  bring the page to (``walk_states``): every interactive element focused from the keyboard
  and hovered, its quizzes answered, its dialogs opened, dark mode, a phone's and a tablet's
  widths, and print. A rule for a state counts as used only
  if an element on this page takes it in that state.

Both take a Playwright browser context's page; neither needs the network beyond the page's own
server.
"""

from __future__ import annotations

SETTLE_MS = 1000  # after "load": deferred scripts fill the page, then the layout settles
OBSERVE_SHIFTS = """
window.__layoutShift = 0;
window.__layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) { continue; }
    window.__layoutShift += entry.value;
    window.__layoutShifts.push({ value: entry.value, sources: (entry.sources || []).map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '') });
  }
}).observe({ type: 'layout-shift', buffered: true });
"""


def watch_layout_shift(context) -> None:
    """Record layout shifts on every page the context opens (call once, before opening pages)."""
    context.add_init_script(OBSERVE_SHIFTS)


def layout_shift(page, url: str, settle_ms: int = SETTLE_MS) -> tuple[float, list[dict]]:
    """Open ``url``; return its cumulative layout shift and the shifts that made it up.
    The page's context must have been given :func:`watch_layout_shift`."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    return float(page.evaluate("window.__layoutShift")), list(page.evaluate("window.__layoutShifts"))


def _merged_length(ranges: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for start, stop in sorted(ranges):
        if stop <= end:
            continue
        total += stop - max(start, end)
        end = stop
    return total


# A phone, a tablet upright and on its side (between the theme's breakpoints: 576, 768, 960, 1200 px).
NARROWER = ({"width": 390, "height": 844}, {"width": 820, "height": 1180}, {"width": 1024, "height": 768})
MENU_TOGGLE = ".cc-primary-toggle"
PRESENTER_STEPS = 40
MAX_TABS = 200
# One element of each kind a pointer can hover (tag and classes), where it is shown.
HOVER_TARGETS = """
() => {
  const seen = new Set(); const found = [];
  for (const node of document.querySelectorAll('a, button, summary, label, select, input, textarea, [role=button], [tabindex]')) {
    const box = node.getBoundingClientRect();
    const key = node.tagName + '.' + node.className;
    if (seen.has(key) || box.width < 1 || box.height < 1) { continue; }
    seen.add(key);
    node.setAttribute('data-cc-hover', String(found.length));
    found.push(found.length);
  }
  return found.length;
}
"""


def _settle(page, ms: int = 120) -> None:
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_timeout(ms)


def _focus_and_hover(page) -> None:
    page.evaluate("() => { if (document.activeElement) { document.activeElement.blur(); } window.scrollTo(0, 0); }")
    for _ in range(MAX_TABS):  # keyboard focus (:focus-visible), one element after another
        page.keyboard.press("Tab")
        _settle(page, 0)
    for index in range(int(page.evaluate(HOVER_TARGETS))):
        target = page.locator(f'[data-cc-hover="{index}"]')
        try:
            target.hover(timeout=500, force=True)
        except Exception:  # an element a scroll cannot bring under the pointer: nothing to hover
            continue
        _settle(page, 0)


# What a reader does on a page, with the page's own controls: answers each question (its first
# option, or the second choice of each list), checks the answers, asks for hints and answers
# (confirming), opens the search dialog, and where a lesson has a presenter view opens it, goes
# through its slides with a vote on each question, and opens its menu.
READER_ACTIONS = """
async () => {
  const pause = (ms) => new Promise((done) => setTimeout(done, ms));
  const click = async (selector) => {
    for (const node of document.querySelectorAll(selector)) {
      if (node.offsetParent !== null) { node.click(); await pause(30); }
    }
  };
  for (const form of document.querySelectorAll('form.cc-question')) {
    const input = form.querySelector('input[type=radio], input[type=checkbox]');
    if (input) { input.click(); }
    for (const list of form.querySelectorAll('select')) {
      list.selectedIndex = Math.min(1, list.options.length - 1);
      list.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  await click('[data-action=check]');
  await click('[data-action=hint]');
  await click('[data-action=reveal]');
  await click('[data-action=confirm], .cc-confirm button');
  await click('.search-button__button');
  await pause(200);
}
"""
OPEN_PRESENTER = "() => { const b = document.querySelector('.cc-present-open'); if (b && !b.hidden) { b.click(); return true; } return false; }"


def _act(page) -> None:
    page.evaluate(READER_ACTIONS)
    _settle(page)
    page.keyboard.press("Escape")  # the search dialog
    _settle(page)
    if page.evaluate(OPEN_PRESENTER):
        page.wait_for_timeout(800)  # its script and data load on first use
        for _ in range(PRESENTER_STEPS):  # through the slides, a vote on each question (key 1)
            page.keyboard.press("1")
            page.keyboard.press("PageDown")
            _settle(page, 0)
        menu = page.locator(".cc-presenter-menu summary")
        if menu.count() and menu.first.is_visible():
            menu.first.click()
            _settle(page)
        page.keyboard.press("Escape")  # the menu, then the presenter
        _settle(page)
        page.keyboard.press("Escape")
        _settle(page)


def walk_states(page) -> None:
    """Bring the open page to each state a reader can: focus and hover in light and dark mode, a
    phone's (its menu opened) and a tablet's widths in both, what a reader does (``READER_ACTIONS``), then print (the theme's own
    attribute sets the mode, as its switch does)."""
    wide = page.viewport_size
    _act(page)
    for theme in ("light", "dark"):
        page.evaluate("(theme) => { document.documentElement.dataset.theme = theme; }", theme)
        _settle(page)
        _focus_and_hover(page)
        for size in NARROWER:
            page.set_viewport_size(size)
            _settle(page)
            if size is NARROWER[0] and page.locator(MENU_TOGGLE).is_visible():  # the phone's menu, open then shut
                page.locator(MENU_TOGGLE).click()
                _settle(page)
                page.keyboard.press("Escape")
                _settle(page)
        page.set_viewport_size(wide)
        _settle(page)
    page.emulate_media(media="print")
    _settle(page)
    page.emulate_media(media="screen")


def css_coverage(context, page, url: str, settle_ms: int = 500, walk: bool = False) -> dict[str, tuple[int, int]]:
    """Open ``url``; return {stylesheet address: (bytes used, length)} for its stylesheets,
    as first painted or, with ``walk``, over the page's states (``walk_states``)."""
    session = context.new_cdp_session(page)
    sheets: dict[str, tuple[str, int]] = {}
    session.on(
        "CSS.styleSheetAdded",
        lambda event: sheets.__setitem__(
            event["header"]["styleSheetId"], (event["header"]["sourceURL"], int(event["header"]["length"]))
        ),
    )
    session.send("DOM.enable")
    session.send("CSS.enable")
    session.send("CSS.startRuleUsageTracking")
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    if walk:
        walk_states(page)
    usage = session.send("CSS.stopRuleUsageTracking")["ruleUsage"]
    session.detach()
    used: dict[str, list[tuple[int, int]]] = {}
    for rule in usage:
        if rule["used"]:
            used.setdefault(rule["styleSheetId"], []).append((int(rule["startOffset"]), int(rule["endOffset"])))
    found: dict[str, tuple[int, int]] = {}
    for sheet_id, (address, length) in sheets.items():
        if address:
            found[address] = (_merged_length(used.get(sheet_id, [])), length)
    return found
