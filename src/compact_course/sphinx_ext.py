"""Sphinx extension for the course book: ships the quiz script and styles once per page.

Listed in ``_config.yml`` under ``sphinx.extra_extensions``. The assets are local files in
``_static/``, so built pages request nothing from outside the book's folder.
"""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).parent / "static"
ASSETS_JS = ("compact-quiz.js",)
ASSETS_CSS = ("compact-quiz.css",)


def _add_static_path(app, config) -> None:
    config.html_static_path = list(config.html_static_path) + [str(STATIC)]


def setup(app):
    app.connect("config-inited", _add_static_path)
    for name in ASSETS_JS:
        app.add_js_file(name, defer="defer")
    for name in ASSETS_CSS:
        app.add_css_file(name)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
