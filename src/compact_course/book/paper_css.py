"""Paper twins of the stylesheets: a stylesheet as it applies on paper, for the screen, so that
the pack's script can lay a pack out as A4 pages in a hidden frame and count them (pack-pages.js).

A browser lets no script see a page's print layout, and on file:// (the offline zip) no script
may read a stylesheet's rules either. So the build writes, beside each stylesheet in ``_static``,
``<name>.paper.css`` (for the stylesheets a pack's page links): the same rules in the same order, each ``@media print`` block opened in
place, each forced page break made a column break. In a frame whose columns are the size of an A4
page's text area, each column is then one printed page. (Screen-only rules stay: the measured
layout agrees with Chromium's printing, which tests/test_pack_pages.py checks.) Written only for
an edition that has a pack to print.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

PAPER_SUFFIX = ".paper.css"
# A built page with a pack cover whose page ranges the script fills in (pack_forms.cover).
NEEDS_PAPER = 'data-pages="'
PRINT_QUERY = re.compile(r"@media\s+print\s*(?:and\s+(?P<rest>[^{]+?))?\s*\{")
# A page's link to one of the book's own stylesheets: <link rel="stylesheet" href="…_static/NAME.css…">.
STATIC_STYLESHEET = re.compile(r'<link rel="stylesheet"[^>]*\shref="[^"]*_static/([^"/?#]+\.css)')
FORCED_BREAK = re.compile(r"\b(?:page-)?break-(?P<side>before|after)\s*:\s*(?:page|always)\b")


def _block_end(css: str, start: int) -> int:
    """The index just past the ``}`` that closes the block opened at ``css[start - 1]``,
    skipping comments and strings."""
    depth, i = 1, start
    while i < len(css):
        if css.startswith("/*", i):
            i = css.find("*/", i + 2)
            if i < 0:
                break
            i += 2
            continue
        char = css[i]
        if char in "\"'":
            i = css.find(char, i + 1) + 1 or len(css)
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        i += 1
        if depth == 0:
            return i
    raise ValueError(f"unclosed block at character {start}")


def paper_twin(css: str) -> str:
    """``css`` as it applies on paper: print blocks opened in place, page breaks column breaks."""
    parts = []
    position = 0
    while match := PRINT_QUERY.search(css, position):
        end = _block_end(css, match.end())
        body = css[match.end() : end - 1]
        rest = match.group("rest")
        parts += [css[position : match.start()], f"@media {rest.strip()} {{{body}}}" if rest else body]
        position = end
    parts.append(css[position:])
    return FORCED_BREAK.sub(lambda m: f"break-{m.group('side')}: column", "".join(parts))


def write_paper_twins(static: Path, names: Iterable[str]) -> list[Path]:
    """``<name>.paper.css`` beside each of the stylesheets ``names`` in ``static``."""
    written = []
    for name in sorted(set(names)):
        path = static / name
        if name.endswith(PAPER_SUFFIX) or "/" in name or not path.is_file():
            continue
        twin = path.with_name(name.removesuffix(".css") + PAPER_SUFFIX)
        twin.write_text(paper_twin(path.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(twin)
    return written


def linked_stylesheets(page: str) -> set[str]:
    """The names of the stylesheets in ``_static`` that a built page links."""
    return {match.group(1) for match in STATIC_STYLESHEET.finditer(page)}


def _finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    pages = (p.read_text(encoding="utf-8") for p in outdir.rglob("*.html") if "_static" not in p.parts)
    names = {name for page in pages if NEEDS_PAPER in page for name in linked_stylesheets(page)}
    write_paper_twins(outdir / "_static", names)


def setup(app):
    # After the theme's bundle is written (theme_assets, 900) and before the offline file list
    # and the strict page checks (950), which must see the twins.
    app.connect("build-finished", _finish, priority=920)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
