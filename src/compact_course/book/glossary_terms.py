"""Glossary definitions in place: the data behind the hover and focus tooltips on term links.

A Sphinx extension, set up from :mod:`compact_course.book.sphinx_ext`. When the HTML build
finishes it writes ``_static/compact-glossary-data.js``: every term of ``data/glossary.yaml``
keyed by the anchor Sphinx gave its glossary entry (so the key matches the ``#term-…`` part of
every ``{term}`` link), with its expansion and definition as plain text. The script
``compact-glossary.js`` reads it and shows a definition next to the first link to each term on
a page, inserting every string with ``textContent``. The data is JSON made safe for a script
(:func:`~compact_course.core.escaping.json_for_script`); nothing is fetched from anywhere.

It also ships the tooltip styles and the print styles the course PDFs use
(``compact-print-course.css``, print media only).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from compact_course.core.course import Course
from compact_course.core.escaping import json_for_script

DATA_SCRIPT = "compact-glossary-data.js"
ASSETS_JS = (DATA_SCRIPT, "compact-glossary.js")
ASSETS_CSS = ("compact-glossary.css",)
PRINT_CSS = "compact-print-course.css"


def glossary_entries(course: Course, anchor_of: Callable[[str], str | None]) -> dict[str, dict[str, str]]:
    """Each glossary term by its anchor id: ``{"term", "expansion", "definition"}`` (plain text)."""
    entries = {}
    for term in course.terms:
        anchor = anchor_of(term.term)
        if anchor is None:
            continue  # not in the glossary page (a term no page can link to)
        entries[anchor] = {"term": term.term, "expansion": term.expansion or "", "definition": term.definition}
    return dict(sorted(entries.items()))


def glossary_script(entries: dict[str, dict[str, str]]) -> str:
    return f"window.CompactGlossary = {json_for_script(entries)};\n"


def _sphinx_anchor(app) -> Callable[[str], str | None]:
    objects = app.env.get_domain("std").objects

    def anchor_of(term: str) -> str | None:
        found = objects.get(("term", term))
        return found[1] if found else None

    return anchor_of


def _write_data(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from compact_course.core.course import load_course

    target = Path(app.outdir) / "_static" / DATA_SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    entries = glossary_entries(load_course(app.srcdir), _sphinx_anchor(app))
    target.write_text(glossary_script(entries), encoding="utf-8")


def setup(app):
    app.connect("build-finished", _write_data)
    for name in ASSETS_JS:
        app.add_js_file(name, defer="defer")
    for name in ASSETS_CSS:
        app.add_css_file(name)
    app.add_css_file(PRINT_CSS, media="print")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
