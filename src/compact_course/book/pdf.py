"""``compact-course pdf``: the course and the facilitator pack as two PDFs, printed by headless Chromium.

``course.pdf`` holds every learner page in book order after a contents list, each page starting
a new sheet, quizzes printed as questions and their answers in an appendix at the end.
``facilitator-pack.pdf`` holds the facilitator pages (plans, notes, handouts, answer keys) with
answers left in place, from the facilitator edition (``_toc-facilitator.yml``, which
``scripts/build.sh --facilitator`` builds into ``_build/facilitator/html``). Every sheet is
numbered in its footer.

Chromium cannot number a contents list itself, so each part is first printed alone to count its
sheets (every part starts a new sheet, so the counts add up), then the whole document is printed
once with the numbers filled in. Print styles come from the book's own stylesheets plus
``compact-print-course.css``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from compact_course.book.pdf_pages import (
    Section,
    answers_html,
    contents_html,
    document,
    printable_section,
    split_docnames,
    stylesheets,
    toc_docnames,
)
from compact_course.core.course import load_course
from compact_course.core.interface_models import BookText

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
FOOTER = '<div style="font-size:8pt;width:100%;text-align:center;color:#333"><span class="pageNumber"></span></div>'
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}

Printer = Callable[[str, Path], None]


def _chromium_printer(browser, scratch: Path) -> Printer:
    def print_pdf(html: str, target: Path) -> None:
        # Loaded from a file, so the page may use the built book's stylesheets and images.
        source = scratch / "print.html"
        source.write_text(html, encoding="utf-8")
        page = browser.new_page()
        try:
            page.goto(source.as_uri(), wait_until="load")
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                margin=MARGIN,
            )
        finally:
            page.close()

    return print_pdf


def page_count(path: Path) -> int:
    from pypdf import PdfReader  # the 'pdf' extra, imported on use

    return len(PdfReader(str(path)).pages)


def _numbered(
    printer: Printer, scratch: Path, title: str, links: list[str], parts: list[tuple[str, str]], contents: str
) -> str:
    """The whole document, its contents list (headed ``contents``) numbered from each part's sheet count."""

    def sheets(body: str) -> int:
        target = scratch / "count.pdf"
        printer(document(title, links, [body]), target)
        return page_count(target)

    placeholder = contents_html(contents, [(name, 999) for name, _ in parts])
    next_page = 1 + sheets(placeholder)
    entries = []
    for name, body in parts:
        entries.append((name, next_page))
        next_page += sheets(body)
    return document(title, links, [contents_html(contents, entries)] + [body for _, body in parts])


def write_pdf(
    printer: Printer,
    scratch: Path,
    target: Path,
    sections: list[Section],
    links: list[str],
    appendix: bool,
    words: BookText,
) -> None:
    """One PDF; the headings it adds around the book's pages (its contents list and, with
    ``appendix``, the quizzes' answers) are ``words`` (data/interface.yaml ``book``)."""
    parts = [(section.title, section.html) for section in sections]
    if appendix:
        parts.append((words.pdf_answers, answers_html(words.pdf_answers, sections)))
    title = sections[0].title if sections else target.stem
    printer(_numbered(printer, scratch, title, links, parts, words.pdf_contents), target)


FACILITATOR_TOC = "_toc-facilitator.yml"


def _sections(html_root: Path, names: list[str], answers_apart: bool) -> list[Section]:
    pages = [html_root / f"{name}.html" for name in names]
    return [printable_section(page, answers_apart) for page in pages if page.is_file()]


def _built(html_root: Path, docname: str, how: str) -> Path:
    page = html_root / f"{docname}.html"
    if not page.is_file():
        raise FileNotFoundError(f"{page} is missing: build the book first ({how})")
    return page


def built_editions(root: Path, html_roots: tuple[Path, Path]) -> tuple[Path, list[str], list[str]]:
    """The learner edition's first page and both editions' pages; FileNotFoundError if one is not built."""
    html_root, facilitator_root = html_roots
    learner, _ = split_docnames(toc_docnames(root))
    toc = FACILITATOR_TOC if (root / FACILITATOR_TOC).is_file() else "_toc.yml"
    _, facilitator = split_docnames(toc_docnames(root, toc))
    first = _built(html_root, learner[0], "scripts/build.sh")
    _built(facilitator_root, facilitator[0], "scripts/build.sh --facilitator")
    return first, learner, facilitator


def make_pdfs(root: Path, html_roots: tuple[Path, Path], out: Path, printer: Printer, scratch: Path) -> list[Path]:
    """course.pdf from the learner edition, facilitator-pack.pdf from the facilitator edition."""
    html_root, facilitator_root = html_roots
    _, learner, facilitator = built_editions(root, html_roots)
    course, pack = out / "course.pdf", out / "facilitator-pack.pdf"
    out.mkdir(parents=True, exist_ok=True)
    words = load_course(root).interface.book
    links = _links(html_root, learner, html_root)
    write_pdf(printer, scratch, course, _sections(html_root, learner, True), links, True, words)
    links = _links(facilitator_root, facilitator, html_root)
    write_pdf(printer, scratch, pack, _sections(facilitator_root, facilitator, False), links, False, words)
    return [course, pack]


def _links(html_root: Path, docnames: list[str], learner_root: Path) -> list[str]:
    """Every stylesheet the pages load, once each (a page type has its own bundle), then the print rules."""
    links = [link for docname in docnames for link in stylesheets(html_root / f"{docname}.html")]
    print_rules = f'<link rel="stylesheet" href="{(learner_root / "_static" / "compact-print-course.css").as_uri()}">'
    return list(dict.fromkeys(links)) + [print_rules]


def _run(args) -> int:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 1
    # Relative paths are from the course root; absolute ones stay as they are.
    html_roots = (args.root / args.html, args.root / args.facilitator_html)
    try:
        built_editions(args.root, html_roots)  # before starting a browser for nothing
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="compact-pdf-") as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            printer = _chromium_printer(browser, Path(scratch))
            written = make_pdfs(args.root, html_roots, args.root / args.out, printer, Path(scratch))
        except FileNotFoundError as error:
            print(error, file=sys.stderr)
            return 1
        finally:
            browser.close()
    for path in written:
        print(f"wrote {path} ({page_count(path)} pages)")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("pdf", help="print the built book to course.pdf and facilitator-pack.pdf")
    parser.add_argument(
        "--html", type=Path, default=Path("_build/html"), help="the learner edition (default: %(default)s)"
    )
    parser.add_argument(
        "--facilitator-html",
        type=Path,
        default=Path("_build/facilitator/html"),
        help="the facilitator edition (default: %(default)s)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("_build/pdf"), help="where to write the PDFs (default: %(default)s)"
    )
    parser.set_defaults(run=_run)
