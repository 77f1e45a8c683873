"""Benchmark page weight and build times against the stock theme (issue 16): a measurement, not a test.

In one run, with Debian's Chromium through Playwright and a plain local HTTP server (no
compression), it measures:

- first visit: bytes transferred and requests for a lesson page with an empty cache;
- next page: new bytes for the next lesson in the same browser (files the first visit did not load);
- quiz markup per question (the ``<form class="cc-question">`` elements of every lesson page), and
  apart from it each quiz's data block per question (what the script reads: issue 26);
- the course's own scripts and styles the lesson loads (files of ``src/compact_course/static``), and
  apart from them the generated ``compact-*`` bundles and data files it loads;
- site size (the built HTML folder, without source maps);
- layout shift: the worst cumulative layout shift of any page of the book, from the first paint
  until the scripts have filled it (a PerformanceObserver, see ``layout_metrics.py``; issue 30);
- unused stylesheet bytes: the share of a lesson page's stylesheets (its page type's bundle) that
  the page does not use in any state a reader can bring it to: hovered and focused, quizzes
  answered, search and presenter opened, light and dark, phone to desktop widths, printed
  (Chromium's CSS coverage over that walk, ``layout_metrics.walk_states``; issue 30), and apart
  from it the share unused at first paint (light, 1,280 px, nothing done yet);
- clean build and incremental build seconds (an edit to one lesson's quiz bank, the lesson's
  stored outputs refreshed, then a build without ``--all``).

Each figure is printed beside the stock theme's from a baseline built in the same run: a tiny
stock Jupyter Book (no project extension, overrides or configuration) holding the same two
lesson notebooks, built in a temporary folder. The script exits 1 if any budget is exceeded.
Budgets use 1 KB = 1,000 bytes.

Usage:
    .venv/bin/python scripts/benchmark.py            # copy the course to a temp folder, build, measure
    .venv/bin/python scripts/benchmark.py --quick    # measure the existing _build/html (CI), no build times
    .venv/bin/python scripts/benchmark.py --dev-loop [--fresh]   # the developer loop's times (dev_loop.py)
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SKIP = (".git", ".venv", "node_modules", "_build", "test-output", "__pycache__", "*.egg-info", ".pytest_cache")
KB = 1000
BUDGETS = {  # metric -> (most allowed, unit): issue 16
    "first_visit_bytes": (500 * KB, "bytes"),
    "first_visit_requests": (15, "requests"),
    "next_page_bytes": (100 * KB, "bytes"),
    # Raised from 2.4 KB with a measured reason: issue 30's radio groups named after their question and
    # forms labelled by their legend's id took the markup from 2,369 to 2,609 bytes a question.
    "markup_per_question": (2.65 * KB, "bytes"),
    # Issue 26: each quiz's data block (what the script reads instead of the markup), outside the
    # forms; measured at 1.5 KB a question when it came in (every option's text and feedback).
    "data_per_question": (1.7 * KB, "bytes"),
    # Raised from 30 KB with a measured reason: the colour-mode snippet moved out of every page into a
    # file (a strict CSP, issue 30), the offline worker's registration (issue 28) and Show answer's
    # confirmation (issue 25) took a lesson's own scripts and styles from 29.7 KB to 33.2 KB.
    "own_assets_bytes": (34 * KB, "bytes"),
    "worst_layout_shift": (0.05, "score"),
    # Issue 30: at most 0.30 of the lesson's stylesheet unused over the states a reader can reach (hover,
    # focus, quizzes answered, search and presenter opened, dark mode, widths, print: rules for them are
    # needed, never used all at once). Measured 0.256 with a stylesheet a page type purged against its
    # pages; the one purged bundle before it measured 0.51 on the same walk.
    "unused_css_share": (0.30, "share"),
    # At first paint (light, 1,280 px, nothing done) the same stylesheet is 0.552 unused (0.706 before):
    # held so that it cannot grow.
    "unused_css_share_first_paint": (0.58, "share"),
}
LABELS = {
    "first_visit_bytes": "first visit, empty cache (bytes)",
    "first_visit_requests": "first visit, empty cache (requests)",
    "next_page_bytes": "next lesson, same browser (new bytes)",
    "markup_per_question": "quiz markup per question (bytes)",
    "data_per_question": "quiz data block per question (bytes)",
    "own_assets_bytes": "course's own scripts and styles (bytes)",
    "generated_assets_bytes": "generated course bundles and data (bytes)",
    "site_bytes": "built site without source maps (bytes)",
    "worst_layout_shift": "worst cumulative layout shift of a page",
    "unused_css_share": "lesson stylesheet unused, all states (share)",
    "unused_css_share_first_paint": "lesson stylesheet unused, first paint (share)",
    "clean_build_seconds": "clean build (seconds)",
    "incremental_build_seconds": "incremental build after a quiz edit (seconds)",
}
STATIC = ROOT / "src" / "compact_course" / "static"
OWN_FILES = {path.name for pattern in ("*.js", "*.css") for path in STATIC.glob(pattern)}
FORM = re.compile(r'<form class="cc-question".*?</form>', re.S)
DATA = re.compile(r'<script type="application/json" class="cc-quiz-data">.*?</script>', re.S)


@dataclass
class Figures:
    values: dict[str, float] = field(default_factory=dict)


# Building -----------------------------------------------------------------------------------
def timed(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def jupyter_book(folder: Path, *extra: str) -> list[str]:
    return [str(BIN / "jupyter-book"), "build", str(folder), *extra]


def copy_course(work: Path) -> None:
    """The whole checkout but what the build never reads (history, environments, earlier builds)."""
    shutil.copytree(ROOT, work, ignore=shutil.ignore_patterns(*SKIP), dirs_exist_ok=True)


def build_course(work: Path, lesson_doc: str, lesson_id: str) -> tuple[Path, float, float]:
    """Clean build of a copy of the course (kept for measuring), then an incremental one after editing a quiz bank."""
    copy_course(work)
    env = dict(os.environ, COMPACT_COURSE_ROOT=str(work))
    clean = timed(jupyter_book(work, "--all"), env)
    # Page weight is measured on the clean build, as published (scripts/build.sh builds clean):
    # an incremental build rewrites only the edited page, whose asset versions then differ.
    measured = work.parent / "course-clean-html"
    shutil.copytree(work / "_build" / "html", measured)
    bank = work / "quizzes" / f"{lesson_id}.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace('explanation: "', 'explanation: "(Edited.) ', 1), encoding="utf-8")
    refresh = [str(BIN / "compact-course"), "--root", str(work), "notebooks", str(work / f"{lesson_doc}.ipynb")]
    incremental = timed(refresh, env) + timed(jupyter_book(work), env)
    return measured, clean, incremental


def build_stock(work: Path, lesson_docs: list[str]) -> tuple[Path, float, float]:
    """A stock Jupyter Book (default theme and extensions) holding the same lesson notebooks."""
    names = []
    for number, doc in enumerate(lesson_docs, start=1):
        name = f"lesson-{number}"
        shutil.copy2(ROOT / f"{doc}.ipynb", work / f"{name}.ipynb")
        names.append(name)
    (work / "intro.md").write_text("# Stock baseline\n\nThe same lessons in a stock Jupyter Book.\n", encoding="utf-8")
    (work / "_config.yml").write_text(
        'title: "Stock baseline"\nexecute:\n  execute_notebooks: "off"\n', encoding="utf-8"
    )
    toc = "format: jb-book\nroot: intro\nchapters:\n" + "".join(f"  - file: {name}\n" for name in names)
    (work / "_toc.yml").write_text(toc, encoding="utf-8")
    clean = timed(jupyter_book(work, "--all"))
    notebook = work / f"{names[0]}.ipynb"
    notebook.write_text(notebook.read_text(encoding="utf-8").replace('"# ', '"# (Edited) ', 1), encoding="utf-8")
    incremental = timed(jupyter_book(work))
    return work / "_build" / "html", clean, incremental


# Measuring ----------------------------------------------------------------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the report readable
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on a free loopback port, uncompressed, as the budgets are measured."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _visit(page, session, url: str) -> tuple[int, int, dict[str, int]]:
    """Bytes over the wire (headers and bodies; cache hits count 0), requests, and bytes per URL fetched."""
    sent: dict[str, str] = {}
    received: dict[str, int] = {}
    session.on("Network.requestWillBeSent", lambda event: sent.__setitem__(event["requestId"], event["request"]["url"]))
    session.on(
        "Network.loadingFinished",
        lambda event: received.__setitem__(event["requestId"], int(event["encodedDataLength"])),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # let late fetches (search index, fonts) finish
    network = {rid: u for rid, u in sent.items() if not u.startswith(("data:", "blob:"))}
    fetched: dict[str, int] = {}
    for rid, address in network.items():
        if received.get(rid, 0) > 0:
            fetched[address] = fetched.get(address, 0) + received[rid]
    return sum(fetched.values()), len(network), fetched


def _course_files(html: Path, base: str, fetched: dict[str, int]) -> tuple[int, int]:
    """Bytes on disk of the course's own scripts and styles (files of the package's static folder)
    the page loaded, and of generated course files (``compact-*``: bundles, data) it loaded."""
    own = generated = 0
    for address in fetched:
        path = address.removeprefix(base).split("?")[0]
        name = path.rsplit("/", 1)[-1]
        size = (html / path).stat().st_size if (html / path).is_file() else 0
        if name in OWN_FILES:
            own += size
        elif name.startswith("compact-") and name.endswith((".js", ".css")):
            generated += size
    return own, generated


def measure_pages(html: Path, first: str, second: str, listing: bool = False) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with serve(html) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        first_bytes, first_requests, fetched = _visit(page, session, base + first)
        own, generated = _course_files(html, base, fetched)
        session2 = context.new_cdp_session(page)  # fresh listeners for the second page
        session2.send("Network.enable")
        _, _, fetched_next = _visit(page, session2, base + second)
        # New bytes: what the first page did not already bring. Whether the browser asks again for
        # a file it holds depends, with no caching headers, on the file's age (a build seconds
        # old is revalidated, a deployed one is not), so counting re-fetches would measure that.
        next_bytes = sum(size for address, size in fetched_next.items() if address not in fetched)
        browser.close()
    if listing:
        for title, found in ((f"first visit: {first}", fetched), (f"next page: {second}", fetched_next)):
            print(f"{title} ({html})")
            for address, size in sorted(found.items(), key=lambda item: -item[1]):
                print(f"  {size:>10,}  {address.removeprefix(base)}")
    return {
        "first_visit_bytes": first_bytes,
        "first_visit_requests": first_requests,
        "next_page_bytes": next_bytes,
        "own_assets_bytes": own,
        "generated_assets_bytes": generated,
    }


def stability(html: Path, pages: list[str], lesson: str) -> dict[str, float]:
    """The worst layout shift over ``pages`` (printing each page that shifts), and the share of
    the bytes of its stylesheets that ``lesson`` leaves unused over its states and at first paint."""
    from playwright.sync_api import sync_playwright

    from layout_metrics import css_coverage, layout_shift, watch_layout_shift

    with serve(html) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        watch_layout_shift(context)
        page = context.new_page()
        worst = 0.0
        for path in pages:
            score, _ = layout_shift(page, base + path)
            if score > 0.001:
                print(f"layout shift {score:.3f}: {path}")
            worst = max(worst, score)
        context.close()
        shares = {}
        for key, walk in (("unused_css_share", True), ("unused_css_share_first_paint", False)):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            coverage = css_coverage(context, context.new_page(), base + lesson, walk=walk)
            context.close()
            # Every stylesheet the page loaded (its bundle, the presenter's or a print one if it had any).
            used, length = (sum(sheet[i] for sheet in coverage.values()) for i in (0, 1))
            shares[key] = round(1 - used / length, 3)
        browser.close()
    return {"worst_layout_shift": round(worst, 4), **shares}


def markup_per_question(html: Path, pages: list[str]) -> float:
    forms = [form for page in pages for form in FORM.findall((html / page).read_text(encoding="utf-8"))]
    return sum(len(form.encode("utf-8")) for form in forms) / len(forms) if forms else 0.0


def data_per_question(html: Path, pages: list[str]) -> float:
    texts = [(html / page).read_text(encoding="utf-8") for page in pages]
    forms = sum(len(FORM.findall(text)) for text in texts)
    data = sum(len(block.encode("utf-8")) for text in texts for block in DATA.findall(text))
    return data / forms if forms else 0.0


def all_pages(html: Path) -> list[str]:
    """Every page of the built book but the root redirect, relative to its folder."""
    found = [p.relative_to(html).as_posix() for p in sorted(html.rglob("*.html"))]
    return [
        p for p in found if not p.startswith(("_static/", "_sources/", "_images/", "downloads/")) and p != "index.html"
    ]


def site_bytes(html: Path) -> int:
    return sum(path.stat().st_size for path in html.rglob("*") if path.is_file() and not path.name.endswith(".map"))


def figures_for(html: Path, first: str, second: str, quiz_pages: list[str], listing: bool) -> dict[str, float]:
    found = measure_pages(html, first, second, listing)
    found["markup_per_question"] = markup_per_question(html, quiz_pages)
    found["data_per_question"] = data_per_question(html, quiz_pages)
    found["site_bytes"] = site_bytes(html)
    return found


# Reporting ----------------------------------------------------------------------------------
def _number(value: float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and 0 < abs(value) < 1:
        return f"{value:.3f}"  # scores and shares
    return f"{value:,.1f}" if isinstance(value, float) and not value.is_integer() else f"{int(value):,}"


def report(course: dict[str, float], stock: dict[str, float]) -> list[str]:
    """Print the table; return the budgets exceeded."""
    over = []
    print(f"{'measure':<48} {'course':>12} {'stock':>12} {'ratio':>7} {'budget':>10}")
    for key, label in LABELS.items():
        if key not in course:
            continue
        value, base = course[key], stock.get(key)
        ratio = f"{value / base:.2f}" if base else "-"
        budget = BUDGETS.get(key)
        mark = ""
        if budget is not None:
            mark = " OVER" if value > budget[0] else " ok"
            if value > budget[0]:
                over.append(f"{label}: {_number(value)} > {_number(budget[0])}")
        limit = _number(budget[0]) if budget else ""
        print(f"{label:<48} {_number(value):>12} {_number(base):>12} {ratio:>7} {limit:>10}{mark}")
    return over


def main() -> int:
    if "--dev-loop" in sys.argv[1:]:  # the developer loop's times: scripts/dev_loop.py
        from dev_loop import main as dev_loop

        return dev_loop([arg for arg in sys.argv[1:] if arg != "--dev-loop"])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default="who-is-the-compact-for", help="the lesson of the first visit")
    parser.add_argument("--quick", action="store_true", help="measure the existing build; no build times")
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the build --quick measures")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--list", action="store_true", help="list every file each visit fetched, largest first")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from compact_course.core.course import load_course

    course = load_course(ROOT)
    ids = [lesson.id for lesson in course.lessons]
    first_id = args.lesson
    second_id = ids[(ids.index(first_id) + 1) % len(ids)]
    docs = [course.lesson_docname(first_id), course.lesson_docname(second_id)]
    quiz_pages = [f"{course.lesson_docname(lesson_id)}.html" for lesson_id in ids]

    with tempfile.TemporaryDirectory(prefix="compact-bench-") as tmp:
        work = Path(tmp)
        (work / "stock").mkdir()
        stock_html, stock_clean, stock_incremental = build_stock(work / "stock", docs)
        stock = figures_for(stock_html, "lesson-1.html", "lesson-2.html", ["lesson-1.html", "lesson-2.html"], args.list)
        if args.quick:
            html = args.html
            if not (html / f"{docs[0]}.html").is_file():
                print(f"no build at {html}: build the book first, or run without --quick", file=sys.stderr)
                return 2
            ours = figures_for(html, f"{docs[0]}.html", f"{docs[1]}.html", quiz_pages, args.list)
            ours.update(stability(html, all_pages(html), f"{docs[0]}.html"))
        else:
            (work / "course").mkdir()
            html, clean, incremental = build_course(work / "course", docs[0], first_id)
            ours = figures_for(html, f"{docs[0]}.html", f"{docs[1]}.html", quiz_pages, args.list)
            ours.update(stability(html, all_pages(html), f"{docs[0]}.html"))
            ours.update(clean_build_seconds=clean, incremental_build_seconds=incremental)
            stock.update(clean_build_seconds=stock_clean, incremental_build_seconds=stock_incremental)
    over = report(ours, stock)
    if args.json:
        args.json.write_text(json.dumps({"course": ours, "stock": stock, "over": over}, indent=2) + "\n")
    if over:
        print("\nOver budget:\n  " + "\n  ".join(over), file=sys.stderr)
        return 1
    print("\nAll budgets met.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
