"""Prints worth keeping (issue 28, item 3): a printed link shows its address once.

A Sphinx extension, set up by ``sphinx_ext``. In print, a link to another site is followed by its
address in brackets (``compact-quiz.css``), so that the paper says where it points. Where the
link's own text already is that address (the sources and further-reading lists), the address
printed twice; such links get the class ``cc-address-shown``, which ``compact-print-course.css``
leaves without the bracketed copy.
"""

from __future__ import annotations

import re
from html import unescape

LINK = re.compile(r'<a\b([^>]*?)\bhref="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.S | re.I)
TAGS = re.compile(r"<[^>]+>")
MARK = "cc-address-shown"


def _same(text: str, href: str) -> bool:
    def bare(value: str) -> str:
        return re.sub(r"^https?://", "", unescape(value).strip()).rstrip("/")

    return bool(text.strip()) and bare(TAGS.sub("", text)) == bare(href)


def _mark(match: re.Match[str]) -> str:
    before, href, after, text = match.groups()
    if not _same(text, href) or MARK in before + after:
        return match.group(0)
    attributes = before + f'href="{href}"' + after
    found = re.search(r'\sclass="([^"]*)"', attributes)
    if found:
        attributes = attributes.replace(found.group(0), f' class="{found.group(1)} {MARK}"', 1)
    else:
        attributes += f' class="{MARK}"'
    return f"<a{attributes}>{text}</a>"


def mark_address_links(body: str) -> str:
    """``body`` with each link whose text is its own address marked ``cc-address-shown``."""
    return LINK.sub(_mark, body)


def _page(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = mark_address_links(str(context["body"]))


def setup(app):
    app.connect("html-page-context", _page, priority=950)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
