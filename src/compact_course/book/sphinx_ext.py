"""Sphinx extension for the course book: ships the quiz script and styles once per page.

Listed in ``_config.yml`` under ``sphinx.extra_extensions``. The assets are local files in
``_static/``, so built pages request nothing from outside the book's folder. It also removes
what the static book cannot use and would otherwise break: Jupyter Book adds the Thebe
(live code) configuration twice, which raises a JavaScript error on every page, and its
script would load Thebe from a CDN on demand.
"""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "static"
ASSETS_JS = ("compact-manifest.js", "compact-quiz.js", "compact-theme-fixes.js")
MANIFEST = "compact-manifest.js"
ASSETS_CSS = ("compact-quiz.css", "compact-print.css")

# The theme reads the colour mode from localStorage before its own script runs and logs an
# error when nothing is stored yet; start from "auto" (follow the system setting) instead.
DEFAULT_MODE_SCRIPT = 'if (!document.documentElement.dataset.mode) { document.documentElement.dataset.mode = "auto"; }'


def _add_static_path(app, config) -> None:
    config.html_static_path = list(config.html_static_path) + [str(STATIC)]


def course_manifest(course) -> dict:
    """What the progress page and self-assessment need to know about every lesson's questions."""
    from compact_course.quiz.scoring import fingerprint

    return {
        "version": 1,
        "modules": [
            {
                "id": module.id,
                "number": course.module_number(module.id),
                "title": module.title,
                "lessons": [
                    {
                        "id": lesson.id,
                        "number": course.lesson_number(lesson.id),
                        "title": lesson.title,
                        "href": course.lesson_docname(lesson.id) + ".html",
                        "questions": [
                            {"id": q.id, "fingerprint": fingerprint(q)} for q in course.quiz_for(lesson.id).questions
                        ],
                    }
                    for lesson in module.lessons
                ],
            }
            for module in course.modules
        ],
    }


def manifest_script(course) -> str:
    from compact_course.core.escaping import json_for_script

    return f"window.CompactCourseManifest = {json_for_script(course_manifest(course))};\n"


def _write_manifest(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from compact_course.core.course import load_course

    target = Path(app.outdir) / "_static" / MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(manifest_script(load_course(app.srcdir)), encoding="utf-8")


def _is_thebe(script) -> bool:
    filename = str(getattr(script, "filename", "") or "")
    body = str(getattr(script, "attributes", {}).get("body", ""))
    return "thebe" in filename.lower() or "THEBE_JS_URL" in body


def _drop_thebe(app, pagename, templatename, context, doctree) -> None:
    if "script_files" in context:
        context["script_files"] = [script for script in context["script_files"] if not _is_thebe(script)]


def setup(app):
    app.connect("config-inited", _add_static_path)
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("build-finished", _write_manifest)
    app.setup_extension("compact_course.book.glossary_terms")  # glossary definitions in place (issue 19)
    app.add_js_file(None, body=DEFAULT_MODE_SCRIPT, priority=100)
    for name in ASSETS_JS:
        app.add_js_file(name, defer="defer")
    for name in ASSETS_CSS:
        app.add_css_file(name)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
