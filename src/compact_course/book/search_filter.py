"""Nothing given away by search (issue 28, item 4): the learner edition's search index holds the
lessons' own text but no answer, feedback or explanation, and nothing of the self-assessment's pool.

A Sphinx extension, set up by ``sphinx_ext``. Sphinx indexes the text of raw HTML too (a quiz is a
notebook's HTML output), so before a page is indexed this module hands the indexer a copy of the
page in which each raw HTML block has lost the parts a learner must not find by searching:
- ``<details class="cc-answer">``: a question's answer, per-option feedback and explanation;
- an exam-mode quiz (``<section class="cc-quiz" data-mode="exam">``): the self-assessment's
  questions (its page holds the whole pool);
- ``<template>``: the quiz's button labels, not the lesson's words.
The page itself is unchanged. The search page's result snippets are cut from the pages' HTML,
so the search script is told to leave the same parts out of them (:func:`patch_search_script`).
The facilitator edition is indexed whole: its answer keys are meant to be found.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# CSS selectors of what is left out; HIDDEN decides the same for a start tag's attributes.
SNIPPET_REMOVALS = ("details.cc-answer", "section.cc-quiz[data-mode=exam]", "template")
SNIPPET_HOOK = '[".headerlink", "script", "style"]'


def _hidden(tag: str, attributes: dict[str, str | None]) -> bool:
    classes = (attributes.get("class") or "").split()
    if tag == "details":
        return "cc-answer" in classes
    if tag == "section":
        return "cc-quiz" in classes and attributes.get("data-mode") == "exam"
    return tag in ("template", "script", "style")  # Sphinx leaves scripts and styles out too


class _Searchable(HTMLParser):
    """The text of an HTML fragment outside the hidden elements, with no tags left."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: str | None = None  # the tag name of the hidden element we are inside
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            self.depth += tag == self.skipping
        elif _hidden(tag, dict(attrs)):
            self.skipping, self.depth = tag, 1
        else:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping:
            self.depth -= 1
            if self.depth == 0:
                self.skipping = None
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data.replace("<", " ").replace(">", " "))


def searchable_html(html: str) -> str:
    """``html`` as the search index should see it: hidden elements gone, the rest as plain text."""
    parser = _Searchable()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def searchable_doctree(doctree):
    """A copy of ``doctree`` whose raw HTML blocks hold only their searchable text."""
    from docutils import nodes

    copy = doctree.deepcopy()
    for raw in list(copy.findall(nodes.raw)):
        if "html" in raw.get("format", "").split():
            raw.replace_self(nodes.raw("", searchable_html(raw.astext()), format="html"))
    return copy


def patch_search_script(path: Path) -> None:
    """Make the search page's result snippets skip what the index skips."""
    text = path.read_text(encoding="utf-8")
    if SNIPPET_HOOK not in text:
        if all(f'"{s}"' in text for s in SNIPPET_REMOVALS):
            return  # already patched
        raise ValueError(f"{path}: the search script no longer has {SNIPPET_HOOK}; update search_filter")
    extra = ", ".join(f'"{s}"' for s in SNIPPET_REMOVALS)
    path.write_text(text.replace(SNIPPET_HOOK, SNIPPET_HOOK[:-1] + ", " + extra + "]", 1), encoding="utf-8")


def _learner_edition(app) -> bool:
    from compact_course.book.sphinx_ext import FACILITATOR_INDEX

    return FACILITATOR_INDEX not in app.env.found_docs


def _wrap_indexer(app) -> None:
    builder = app.builder
    if not hasattr(builder, "index_page"):
        return
    original = builder.index_page

    def index_page(pagename, doctree, title):
        if _learner_edition(app):
            doctree = searchable_doctree(doctree)
        original(pagename, doctree, title)

    builder.index_page = index_page


def _finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html" or not _learner_edition(app):
        return
    script = Path(app.outdir) / "_static" / "searchtools.js"
    if script.is_file():
        patch_search_script(script)


def setup(app):
    app.connect("builder-inited", _wrap_indexer)
    # After theme_assets (900) has wrapped the script, before the offline list (950) is made.
    app.connect("build-finished", _finish, priority=940)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
