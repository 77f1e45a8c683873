"""Boxes that scroll sideways on a narrow screen, made named regions in the built HTML (issue 18).

The theme wraps every table in ``div.pst-scrollable-table-container`` and styles code blocks
(``pre``) to scroll inside their box; its script gives a box that overflows a tab stop, so a
keyboard can scroll it, but no role or name, and a screen reader then announces a focusable
box that says nothing of what it is (axe: ``focus-order-semantics``; WCAG 1.3.1, 4.1.2).
Here each such box gets, at build time, ``role="region"``, a name and ``tabindex="0"`` (so
it can be scrolled without the script too; the theme's script still takes the tab stop away
from a box that does not overflow). A table is named by its caption; a table without one and
a code block by the words in ``data/accessibility.yaml`` (``region_names``) and its number on
the page. Names on a page are unique, as landmarks' names must be.
"""

from __future__ import annotations

import html
import re

from compact_course.core.escaping import e
from compact_course.core.statement_models import RegionNames

TABLE_BOX = re.compile(
    r'<div class="pst-scrollable-table-container">(?P<table>\s*<table\b[^>]*>\s*(?:<caption>(?P<caption>.*?)</caption>)?)',
    re.S,
)
CODE_BOX = re.compile(r"<pre(?P<attributes>\s[^>]*)?>")
CAPTION_TEXT = re.compile(r'<span class="caption-text">(.*?)</span>', re.S)
TAG = re.compile(r"<[^>]+>")
REGION = ' role="region" tabindex="0" aria-label="{name}"'


def _plain(markup: str) -> str:
    return " ".join(html.unescape(TAG.sub("", markup)).split())


class _Names:
    """Hands out a page's region names, each one once."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def unique(self, name: str, number: int) -> str:
        if name in self.used:
            name = f"{name} ({number})"
        self.used.add(name)
        return name


def name_scroll_regions(body: str, names: RegionNames) -> str:
    """``body`` (a page's HTML) with every table box and code block a named, focusable region."""
    given = _Names()
    tables = iter(range(1, body.count("pst-scrollable-table-container") + 1))

    def table(match: re.Match[str]) -> str:
        number = next(tables)
        caption = match.group("caption") or ""
        text = CAPTION_TEXT.search(caption)
        name = _plain(text.group(1) if text else caption) or names.table.format(number=number)
        attributes = REGION.format(name=e(given.unique(name, number)))
        return f'<div class="pst-scrollable-table-container"{attributes}>{match.group("table")}'

    codes = iter(range(1, body.count("<pre") + 1))

    def code(match: re.Match[str]) -> str:
        attributes = match.group("attributes") or ""
        if "role=" in attributes:
            return match.group(0)
        number = next(codes)
        name = given.unique(names.code.format(number=number), number)
        return f"<pre{attributes}{REGION.format(name=e(name))}>"

    return CODE_BOX.sub(code, TABLE_BOX.sub(table, body))
