"""Shared fixtures: the built book (strict build, once per session), a local server, a browser.

Browser tests drive Debian's Chromium at /usr/bin/chromium through Playwright. Without it
they skip on a developer machine, but fail when ``CI=true``: CI must never pass by skipping.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD_HTML = ROOT / "_build" / "html"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT = ROOT / "test-output"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


BOOK_FIXTURES = {
    "book_build",
    "built_book",
    "book_server",
    "browser",
    "page",
    "learner_downloads",
    "facilitator_book",
    "facilitator_server",
    "facilitator_page",
}


# Fixtures that start Chromium (directly or through the fixtures they use).
BROWSER_FIXTURES = {"browser"}


def pytest_collection_modifyitems(config, items):
    # `scripts/test.sh --fast` leaves out everything that needs the built book or a browser; a test
    # that uses a browser fixture carries the `browser` marker, so `-m "not browser"` starts none.
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if BOOK_FIXTURES & used:
            item.add_marker(pytest.mark.book)
        if BROWSER_FIXTURES & used:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _browser_tripwire(tmp_path_factory) -> Path:
    """A stand-in for Chromium that records that something tried to start it, and fails."""
    folder = tmp_path_factory.mktemp("tripwire")
    tripwire = folder / "chromium"
    tripwire.write_text('#!/bin/sh\necho "$0 $*" >> "$COMPACT_COURSE_TRIPWIRE_LOG"\nexit 1\n', encoding="utf-8")
    tripwire.chmod(0o755)
    return tripwire


@pytest.fixture(autouse=True)
def _no_browser_without_the_marker(request, _browser_tripwire, monkeypatch, tmp_path_factory):
    """Fail a test that starts Chromium (in this process or a child) without the `browser` marker."""
    if request.node.get_closest_marker("browser"):
        yield
        return
    log = _browser_tripwire.parent / f"{abs(hash(request.node.nodeid))}.log"
    monkeypatch.setenv("CHROMIUM", str(_browser_tripwire))
    monkeypatch.setenv("COMPACT_COURSE_TRIPWIRE_LOG", str(log))
    yield
    if log.exists():
        pytest.fail(f"{request.node.nodeid} started a browser but has no `browser` marker: {log.read_text()}")


def node_package_file(*parts: str) -> Path:
    """A file from node_modules, or a clear failure (CI) or skip saying how to get node_modules."""
    path = ROOT.joinpath("node_modules", *parts)
    if not path.exists():
        message = f"{path.relative_to(ROOT)} is missing: run `npm ci` (scripts/test.sh does it for you)"
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return path


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def book_build():
    """Build the book once with the strict command from the README; return the process result."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [
        str(jupyter_book if jupyter_book.exists() else "jupyter-book"),
        "build",
        ".",
        "-W",
        "-n",
        "--keep-going",
        "--all",
    ]
    # Sphinx leaves pages from earlier builds in place: the learner edition must not keep the facilitator's.
    shutil.rmtree(BUILD_HTML, ignore_errors=True)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return result


FACILITATOR_HTML = ROOT / "_build" / "facilitator" / "html"


def _compact_course() -> str:
    beside = Path(sys.executable).parent / "compact-course"
    return str(beside if beside.exists() else "compact-course")


@pytest.fixture(scope="session")
def learner_downloads(built_book) -> Path:
    """The learner edition with its Downloads files, made as scripts/build.sh makes them."""
    command = [_compact_course(), "downloads", "--html", str(built_book), "--edition", "learner"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"the learner downloads were not made:\n{result.stdout}\n{result.stderr}")
    return built_book


@pytest.fixture(scope="session")
def facilitator_book(built_book) -> Path:
    """The facilitator edition, built and given its downloads as ``scripts/build.sh --facilitator`` does."""
    prebuilt = os.environ.get("COMPACT_COURSE_PREBUILT_FACILITATOR")  # as COMPACT_COURSE_PREBUILT, for quick local runs
    if prebuilt:
        return Path(prebuilt)
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    build = [str(jupyter_book if jupyter_book.exists() else "jupyter-book"), "build", ".", "-W", "-n"]
    build += ["--keep-going", "--all", "--toc", "_toc-facilitator.yml", "--path-output", "_build/facilitator"]
    shutil.rmtree(FACILITATOR_HTML, ignore_errors=True)
    result = subprocess.run(build, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"the facilitator edition did not build:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    (ROOT / "_build" / "facilitator" / "_build" / "html").rename(FACILITATOR_HTML)
    downloads = [_compact_course(), "downloads", "--html", str(FACILITATOR_HTML), "--edition", "facilitator"]
    downloads += ["--learner-html", str(built_book)]
    result = subprocess.run(downloads, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"the facilitator downloads were not made:\n{result.stdout}\n{result.stderr}")
    return FACILITATOR_HTML


@pytest.fixture(scope="session")
def built_book(request) -> Path:
    # For quick local runs of the browser tests against an existing build: set
    # COMPACT_COURSE_PREBUILT to its html folder. CI never sets it, so CI always builds.
    prebuilt = os.environ.get("COMPACT_COURSE_PREBUILT")
    if prebuilt:
        return Path(prebuilt)
    book_build = request.getfixturevalue("book_build")
    if book_build.returncode != 0:
        pytest.fail(f"the book did not build:\n{book_build.stdout[-4000:]}\n{book_build.stderr[-4000:]}")
    return BUILD_HTML


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output readable
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler):
    """Serve a folder on a free loopback port with ``handler_class``; yield its base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def book_server(built_book):
    """Serve the built book (the learner edition); yield its base URL."""
    with serve_folder(built_book) as url:
        yield url


@pytest.fixture(scope="session")
def facilitator_server(facilitator_book):
    """Serve the facilitator edition (answer keys, notes, packs, room poll) like ``book_server``."""
    with serve_folder(facilitator_book) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (install Debian's chromium package)"
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if _in_ci():
            pytest.fail("playwright is not installed")
        pytest.skip("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core is missing: run `npm ci` (the README's test command does)"
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def _recording_page(browser, base_url):
    """A fresh browser context (empty localStorage) with a record of requests and errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(f"pageerror: {error}"))
    page.on(
        "console",
        lambda message: (
            page.errors.append(f"console.{message.type}: {message.text}") if message.type == "error" else None
        ),
    )
    return context, page


@pytest.fixture
def page(browser, book_server):
    """A page of the learner edition in a fresh browser context, recording requests and errors."""
    context, page = _recording_page(browser, book_server)
    yield page
    context.close()


@pytest.fixture
def facilitator_page(browser, facilitator_server):
    """The same for the facilitator edition (notes, answer keys, the room poll page)."""
    context, page = _recording_page(browser, facilitator_server)
    yield page
    context.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="session")
def page_list(built_book) -> list[str]:
    return book_pages(built_book)


def book_pages(built: Path) -> list[str]:
    """Every HTML page of the built book, as paths relative to its root."""
    pages = []
    for path in sorted(built.rglob("*.html")):
        relative = path.relative_to(built).as_posix()
        if relative.startswith(("_static/", "_sources/", "_images/")) or relative == "index.html":
            continue  # index.html at the top is a redirect to book/index.html
        pages.append(relative)
    return pages
