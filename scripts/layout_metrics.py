"""Two measurements of a page in Chromium (issue 30), shared by scripts/benchmark.py and the tests.

- ``layout_shift``: the page's cumulative layout shift, summed by a PerformanceObserver from
  the first paint until the page has loaded and its scripts have filled it (shifts right after
  a reader's input do not count, as in the Web Vitals definition);
- ``css_coverage``: for each stylesheet the page loads, its length and the bytes of the rules
  Chromium used while showing the page (DevTools' CSS coverage, through the protocol).

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


def css_coverage(context, page, url: str, settle_ms: int = 500) -> dict[str, tuple[int, int]]:
    """Open ``url``; return {stylesheet address: (bytes used, length)} for its stylesheets."""
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
