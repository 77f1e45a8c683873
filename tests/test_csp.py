"""Both editions and the SCORM package under a strict Content-Security-Policy (issue 30).

Councils and NHS trusts serve intranet pages with a policy that blocks every inline script and
``style`` attribute. Each edition is served with that header; every page is opened in Chromium,
which reports each blocked script or style as a ``securitypolicyviolation`` event (recorded by
a script the browser injects before the page's own) and a console error. Any one fails the test.
The reader's chosen dark mode must survive a move to another page (the colour-mode script is a
file), and the room poll's right answer must be marked (its hatch is a fill attribute).
"""

from __future__ import annotations

import http.server
import io
import zipfile
from pathlib import Path

import pytest

from compact_course.book.strict_pages import blocked
from compact_course.export.scorm import LAUNCH_PAGE, course_title, scorm_package
from conftest import book_pages, serve_folder
from helpers import COURSE_ROOT, real_course

pytestmark = pytest.mark.browser

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'"
)
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline') + ' ' + event.sourceFile + ':' + event.lineNumber);
});
"""


class _PolicyHandler(http.server.SimpleHTTPRequestHandler):
    protected = "/"  # paths under it get the header

    def end_headers(self):
        if self.path.startswith(self.protected):
            self.send_header("Content-Security-Policy", POLICY)
        super().end_headers()

    def log_message(self, format, *args):  # keep test output readable
        pass


def serve_with_policy(folder: Path, protected: str = "/"):
    """Serve ``folder`` like conftest's ``serve_folder``, sending the policy with every response
    under ``protected``; a context manager yielding the base URL."""
    return serve_folder(folder, type("Handler", (_PolicyHandler,), {"protected": protected}))


def _policy_page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda m: (
            page.console_errors.append(m.text) if m.type == "error" and "Content Security Policy" in m.text else None
        ),
    )
    return context, page


def _violations(page) -> list[str]:
    return list(page.evaluate("window.__violations || []")) + page.console_errors


def _visit_every_page(browser, base_url, pages):
    context, page = _policy_page(browser, base_url)
    found = {}
    try:
        for path in pages:
            page.console_errors.clear()
            response = page.goto(path, wait_until="load")
            assert response is not None and response.ok, path
            if path == "index.html":  # the root page sends the reader to the course's first page
                page.wait_for_url("**/book/index.html")
                page.wait_for_load_state("load")
            page.wait_for_timeout(50)  # deferred scripts and what they build after load
            if violations := _violations(page):
                found[path] = violations
    finally:
        context.close()
    return found


def test_the_header_is_sent_and_an_inline_script_is_reported(browser, tmp_path):
    # The check can fail: a page with an inline script and a style attribute, served the same way.
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="en"><title>t</title><p style="color: red">x</p><script>window.ran = 1;</script></html>',
        encoding="utf-8",
    )
    with serve_with_policy(tmp_path) as url:
        context, page = _policy_page(browser, url)
        response = page.goto("bad.html", wait_until="load")
        assert response.headers["content-security-policy"] == POLICY
        page.wait_for_timeout(50)
        violations = _violations(page)
        assert page.evaluate("window.ran") is None
        context.close()
    assert any("script-src" in v for v in violations) and any("style-src" in v for v in violations), violations


def test_every_learner_page_runs_with_nothing_blocked(browser, built_book):
    with serve_with_policy(built_book) as url:
        found = _visit_every_page(browser, url, ["index.html", *book_pages(built_book)])
    assert not found, found


def test_every_facilitator_page_runs_with_nothing_blocked(browser, facilitator_book):
    with serve_with_policy(facilitator_book) as url:
        found = _visit_every_page(browser, url, ["index.html", *book_pages(facilitator_book)])
    assert not found, found


def test_a_chosen_dark_mode_is_kept_across_pages(browser, built_book):
    with serve_with_policy(built_book) as url:
        context, page = _policy_page(browser, url)
        page.goto("book/index.html", wait_until="load")
        button = page.locator(".theme-switch-button").first
        for _ in range(3):  # the theme cycles through auto, light and dark
            if page.evaluate("document.documentElement.dataset.mode") == "dark":
                break
            button.click()
        assert page.evaluate("document.documentElement.dataset.mode") == "dark"
        page.goto("book/about.html", wait_until="load")
        page.wait_for_timeout(100)
        state = page.evaluate(
            "({mode: document.documentElement.dataset.mode, theme: document.documentElement.dataset.theme,"
            " saved: localStorage.getItem('mode'), background: getComputedStyle(document.body).backgroundColor})"
        )
        violations = _violations(page)
        context.close()
    assert not violations, violations
    assert state["mode"] == state["theme"] == state["saved"] == "dark", state
    assert state["background"] not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), state


def test_the_room_polls_right_answer_is_hatched(browser, facilitator_book):
    with serve_with_policy(facilitator_book) as url:
        context, page = _policy_page(browser, url)
        page.goto("book/facilitator/room-poll-static.html", wait_until="load")
        page.locator(".cc-poll-plus").first.click()
        page.locator(".cc-poll-reveal-button").click()
        marked = page.locator("svg.cc-poll-svg").first.evaluate(
            """svg => [...svg.querySelectorAll('.cc-poll-hatch-fill')].map(shape => {
                const pattern = (shape.getAttribute('fill').match(/^url\\(#(.+)\\)$/) || [])[1];
                return {fill: getComputedStyle(shape).fill, pattern: !!(pattern && svg.getElementById(pattern)),
                        width: shape.getBBox().width};
            })"""
        )
        violations = _violations(page)
        context.close()
    assert not violations, violations
    assert marked, "no option's bar is hatched after the reveal"
    assert all(m["fill"].startswith("url(") and m["pattern"] and m["width"] > 0 for m in marked), marked


def test_scorm_package_pages_and_launch_page_hold_nothing_a_policy_blocks(learner_downloads, tmp_path):
    package = scorm_package(real_course(), learner_downloads, course_title(COURSE_ROOT))
    archive = zipfile.ZipFile(io.BytesIO(package))
    pages = [name for name in archive.namelist() if name.endswith(".html") and not name.startswith("_static/")]
    assert LAUNCH_PAGE in pages and len(pages) > 20
    found = {name: blocked(archive.read(name).decode("utf-8")) for name in pages}
    assert not {name: excerpts for name, excerpts in found.items() if excerpts}


def test_scorm_package_runs_under_the_policy_in_an_lms_frame(browser, learner_downloads, tmp_path):
    from test_scorm import HARNESS, SCORM_AGAIN

    if not SCORM_AGAIN.exists():
        pytest.skip("scorm-again is missing: run `npm ci`")
    package = scorm_package(real_course(), learner_downloads, course_title(COURSE_ROOT))
    zipfile.ZipFile(io.BytesIO(package)).extractall(tmp_path / "pkg")
    (tmp_path / "scorm12.min.js").write_bytes(SCORM_AGAIN.read_bytes())
    (tmp_path / "harness.html").write_text(HARNESS, encoding="utf-8")
    # The LMS's own page is not the course's: only the package's files get the policy.
    with serve_with_policy(tmp_path, protected="/pkg/") as url:
        context, page = _policy_page(browser, url)
        page.goto("harness.html", wait_until="load")
        for _ in range(100):
            frames = [f for f in page.frames if "/pkg/book/" in f.url]
            if frames and frames[0].evaluate("document.readyState") == "complete":
                break
            page.wait_for_timeout(100)
        assert frames, [f.url for f in page.frames]
        frames[0].wait_for_timeout(200)
        launch = next(f for f in page.frames if f.url.endswith(LAUNCH_PAGE))
        violations = (
            page.console_errors + launch.evaluate("window.__violations") + frames[0].evaluate("window.__violations")
        )
        initialised = [c for c in page.evaluate("window.calls") if c["name"] == "LMSInitialize"]
        context.close()
    assert not violations, violations
    assert initialised, "the launch page's script did not run"


def test_quiz_search_and_presenter_work_under_the_policy(browser, built_book):
    with serve_with_policy(built_book) as url:
        context, page = _policy_page(browser, url)
        page.goto("book/lessons/01-who-is-the-compact-for.html", wait_until="load")
        form = page.locator("form.cc-question").first
        form.locator("input").first.check()
        form.get_by_role("button", name="Check answer").click()
        page.wait_for_timeout(100)
        feedback = form.get_by_role("status").inner_text()
        violations = _violations(page)
        page.goto("book/lessons/02-not-legally-binding.html#present", wait_until="load")
        page.wait_for_timeout(200)
        presenting = page.locator(".cc-presenter").count()
        violations += _violations(page)
        page.goto("search.html?q=Compact", wait_until="load")
        page.locator("#search-results li").first.wait_for(timeout=10000)
        results = page.locator("#search-results li").count()
        violations += _violations(page)
        context.close()
    assert feedback.strip(), "the quiz gave no feedback"
    assert presenting == 1, "the presenter view did not open from #present"
    assert results > 0, "the search found nothing"
    assert not violations, violations
