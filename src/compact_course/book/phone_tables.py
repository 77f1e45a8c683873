"""Tables that read on a phone (issue 28, item 2): wide tables become stacked rows.

A Sphinx extension, set up by ``sphinx_ext``. On each page, every table with a header row of three
or more columns gets the class ``cc-stack``, each body cell the column's heading in
``data-label``, and explicit table roles. Below 40em, ``compact-theme.css`` shows such a table as
one card per row, each cell under its heading (drawn from ``data-label`` with empty alternative
text, so a screen reader hears the heading once, from the table's own structure), instead of
squeezing columns until words break letter by letter. The roles keep the table a table for
assistive technology when CSS changes its display. The script's own tables (My progress) are
labelled the same way by ``static/src/stack-table.js``.
"""

from __future__ import annotations

import re
from html import escape, unescape

MIN_COLUMNS = 3
TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S | re.I)
PART = re.compile(r"<(/?)(thead|tbody|tr|th|td)\b([^>]*)>", re.I)
OPEN_TABLE = re.compile(r"<table\b([^>]*)>", re.I)
CLASS = re.compile(r'\sclass="([^"]*)"')
TAGS = re.compile(r"<[^>]+>")
ROLES = {"thead": "rowgroup", "tbody": "rowgroup", "tr": "row", "td": "cell"}


def _headings(table: str) -> list[str]:
    head = re.search(r"<thead\b.*?</thead>", table, re.S | re.I)
    if not head:
        return []
    first_row = re.search(r"<tr\b.*?</tr>", head.group(0), re.S | re.I)
    cells = re.findall(r"<th\b[^>]*>(.*?)</th>", first_row.group(0) if first_row else "", re.S | re.I)
    return [" ".join(unescape(TAGS.sub(" ", cell)).split()) for cell in cells]


def _with(attributes: str, extra: dict[str, str]) -> str:
    added = "".join(f' {name}="{escape(value)}"' for name, value in extra.items() if f" {name}=" not in attributes)
    return attributes + added


def _stack(table: str) -> str:
    headings = _headings(table)
    if len(headings) < MIN_COLUMNS or "data-label=" in table:
        return table
    section, column = "", 0

    def part(match: re.Match[str]) -> str:
        nonlocal section, column
        closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            return match.group(0)
        extra: dict[str, str] = {}
        if tag in ("thead", "tbody"):
            section = tag
        if tag == "tr":
            column = 0
        if tag in ("th", "td"):
            extra["role"] = "columnheader" if section == "thead" else ("rowheader" if tag == "th" else "cell")
            if section != "thead" and column < len(headings):
                extra["data-label"] = headings[column]
            column += 1
        elif tag in ROLES:
            extra["role"] = ROLES[tag]
        return f"<{tag}{_with(attributes, extra)}>"

    table = PART.sub(part, table)
    opening = OPEN_TABLE.match(table)
    assert opening is not None
    attributes = opening.group(1)
    found = CLASS.search(attributes)
    if found:
        attributes = attributes.replace(found.group(0), f' class="{found.group(1)} cc-stack"', 1)
    else:
        attributes += ' class="cc-stack"'
    return f"<table{_with(attributes, {'role': 'table'})}>" + table[opening.end() :]


def stack_tables(body: str) -> str:
    """``body`` with each table of three or more columns made ready to stack on a phone."""
    return TABLE.sub(lambda match: _stack(match.group(0)), body)


def _page(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = stack_tables(str(context["body"]))


def setup(app):
    app.connect("html-page-context", _page, priority=950)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
