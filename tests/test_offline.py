"""The course offline after one visit (issue 28, item 1): the service worker and its list.

The worker is written at the site's root by ``compact_course.book.offline``; the page registers it
after loading (``static/src/offline.js``). A browser visits one page, waits for "available
offline", goes offline and opens another lesson, the glossary, search and My progress. The worker
is never registered in a frame or on file://, and the SCORM package does not ship it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from compact_course import cached_course
from compact_course.book import offline
from compact_course.export.scorm_files import package_files
from conftest import serve_folder

LESSON_1 = "book/lessons/01-who-is-the-compact-for.html"
LESSON_2 = "book/lessons/02-not-legally-binding.html"
LISTING = re.compile(r"self\.COMPACT_OFFLINE = (\{.*?\});\n")


def _listing(html: Path) -> dict:
    match = LISTING.search((html / offline.WORKER).read_text(encoding="utf-8"))
    assert match, "the worker carries no list of files"
    return json.loads(match.group(1))


def _site(tmp_path: Path) -> Path:
    """A tiny built site: two pages, their assets, and files no learner needs offline."""
    files = {
        "index.html": '<meta http-equiv="Refresh" content="0; url=book/a.html" />',
        "book/a.html": '<link href="../_static/s.css" rel="stylesheet"><script src="../_static/x.js?digest=1"></script>'
        '<a href="b.html#part">b</a><a href="https://example.org/">out</a><a href="../downloads/course.zip">zip</a>',
        "book/b.html": '<img src="../_images/chart.svg" alt="">',
        "_images/chart.svg": "<svg></svg>",
        "_static/s.css": "body { background: url(img/dot.png); }",
        "_static/img/dot.png": "png",
        "_static/x.js": "1",
        "_static/compact-pages.js": "2",
        "_static/unused.js": "3",
        "_static/webpack-macros.html": "<p></p>",
        "_static/locales/fr/x.js": "4",
        "_sources/book/a.md": "source",
        "downloads/course.zip": "zip",
        ".buildinfo": "x",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_list_holds_pages_and_what_they_load_and_nothing_else(tmp_path):
    site = _site(tmp_path)
    assert offline.offline_files(site) == [
        "_images/chart.svg",
        "_static/compact-pages.js",
        "_static/img/dot.png",
        "_static/s.css",
        "_static/x.js",
        "book/a.html",
        "book/b.html",
        "index.html",
    ]


def test_the_version_follows_the_files_and_is_deterministic(tmp_path):
    site = _site(tmp_path)
    first = offline.offline_manifest(site)
    assert offline.offline_manifest(site) == first
    (site / "_static/unused.js").write_text("changed", encoding="utf-8")  # not listed: same version
    assert offline.offline_manifest(site)["version"] == first["version"]
    (site / "book/b.html").write_text("<p>new build</p>", encoding="utf-8")
    assert offline.offline_manifest(site)["version"] != first["version"]


def test_a_copy_over_the_limit_is_refused(tmp_path, monkeypatch):
    site = _site(tmp_path)
    monkeypatch.setattr(offline, "LIMIT_BYTES", 10)
    with pytest.raises(ValueError, match=r"compact-offline\.js: the offline copy would be"):
        offline.offline_manifest(site)


def test_the_built_learner_edition_lists_every_page_and_the_search_index(built_book):
    listing = _listing(built_book)
    pages = {p.relative_to(built_book).as_posix() for p in built_book.rglob("*.html")}
    pages = {p for p in pages if not p.startswith(("_static/", "_sources/", "downloads/"))}
    assert pages <= set(listing["files"])
    # The scripts loaded by name: the self-assessment and My progress, the presenter and its poll data.
    by_name = {"_static/compact-pages.js", "_static/compact-present.js", "_static/compact-poll-data.js"}
    assert {"searchindex.js", "search.html", "_static/compact-manifest.js"} | by_name <= set(listing["files"])
    assert not [f for f in listing["files"] if f.startswith(("downloads/", "_sources/"))]
    assert listing["bytes"] < 5_000_000
    assert listing["bytes"] == sum((built_book / f).stat().st_size for f in listing["files"])


def test_the_scorm_package_does_not_ship_the_worker(built_book):
    assert (built_book / offline.WORKER).is_file()
    assert offline.WORKER not in package_files(built_book)


def test_the_facilitator_edition_has_no_worker(facilitator_book):
    assert not (facilitator_book / offline.WORKER).exists()


def _ready(page) -> str:
    box = page.locator("#cc-offline-ready p")
    box.wait_for(timeout=60000)
    return box.inner_text()


@pytest.mark.browser
def test_after_one_visit_the_course_opens_with_no_network(browser, book_server):
    words = cached_course().interface.offline
    context = browser.new_context(base_url=book_server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(LESSON_1)
        assert _ready(page) == words.ready
        assert page.locator("#cc-offline-ready").get_attribute("role") == "status"
        page.locator("#cc-offline-ready button", has_text=words.close).click()
        assert page.locator("#cc-offline-ready").count() == 0

        context.set_offline(True)
        page.goto(LESSON_2)
        assert "legally" in page.locator("main h1").first.inner_text().lower()
        page.goto("book/glossary.html")
        assert page.locator("main dl, main .glossary").count() > 0
        page.goto("search.html?q=Covenant")
        page.wait_for_selector("#search-results li a", timeout=15000)
        assert page.locator("#search-results li a").count() > 0
        page.goto("book/progress.html")
        page.wait_for_selector("#cc-progress table", timeout=15000)
        assert page.locator("#cc-progress table").count() > 0
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_a_new_build_replaces_the_cache(browser, built_book, tmp_path):
    site = tmp_path / "html"
    shutil.copytree(built_book, site, ignore=shutil.ignore_patterns("downloads", "_sources"))
    with serve_folder(site) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        try:
            page.goto(LESSON_1)
            _ready(page)
            first = page.evaluate("caches.keys()")
            assert first == ["compact-course-offline-" + _listing(site)["version"]]
            page.locator("#cc-offline-ready button").click()
            # The next build: one page changed, so a new worker with a new version.
            lesson = site / LESSON_2
            lesson.write_text(
                lesson.read_text(encoding="utf-8").replace("</main>", "<p id='cc-new-build'>new</p></main>"),
                encoding="utf-8",
            )
            offline.write_worker(site)
            page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
            _ready(page)
            assert page.evaluate("caches.keys()") == ["compact-course-offline-" + _listing(site)["version"]] != first
            context.set_offline(True)
            page.goto(LESSON_2)
            assert page.locator("#cc-new-build").count() == 1
        finally:
            context.close()


@pytest.mark.browser
def test_no_worker_in_a_frame(browser, book_server):
    context = browser.new_context()
    frame_page = book_server + "cc-frame-test.html"
    context.route(
        frame_page,
        lambda route: route.fulfill(
            content_type="text/html", body=f'<iframe src="{LESSON_1}" title="course"></iframe>'
        ),
    )
    page = context.new_page()
    try:
        page.goto(frame_page)
        frame = page.frame_locator("iframe")
        frame.locator("main h1").first.wait_for()
        page.wait_for_timeout(4000)  # past the registration's idle wait
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
    finally:
        context.close()


@pytest.mark.browser
def test_no_worker_from_disk(browser, built_book):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto((built_book / LESSON_1).as_uri())
        page.wait_for_timeout(4000)
        assert page.locator("#cc-offline-ready").count() == 0
        assert errors == []
    finally:
        context.close()
