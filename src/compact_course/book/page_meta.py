"""Each page's meta description, from the page's own data (issue 30).

A lesson page is described by the questions it answers (``data/lessons.yaml``); every other page
by its first paragraph. Pages with no paragraph of their own (the search page, the index) take
the home page's. The text is cut at a word to at most ``LIMIT`` characters, as search engines
show it; ``_templates/layout.html`` writes it, escaped.
"""

from __future__ import annotations

import html
import re

LIMIT = 160
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
# Paragraphs that are not the page's own words: the theme's and the quizzes' machinery.
HOME_DESCRIPTION = "compact_home_meta_description"  # recorded on the builder for the root page
NOT_PROSE = ("caption", "admonition-title", "prev-next", "cc-quiz-intro", "cc-score")


def shorten(text: str, limit: int = LIMIT) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters (an ellipsis marks a cut)."""
    text = SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def first_paragraph(body: str) -> str:
    """The text of the first paragraph of a page's body that is prose of the page."""
    for match in PARAGRAPH.finditer(body):
        if any(marker in match.group(0)[:200] for marker in NOT_PROSE):
            continue
        text = SPACE.sub(" ", html.unescape(TAG.sub("", match.group(1)))).strip()
        if len(text) >= 20:
            return text
    return ""


def lesson_description(course, pagename: str) -> str:
    for lesson in course.lessons:
        if course.lesson_docname(lesson.id) == pagename:
            return " ".join(lesson.questions)
    return ""


def _home_description(app) -> str:
    cached = app.builder.__dict__.get("compact_home_description")
    if cached is None:
        doctree = app.env.get_and_resolve_doctree(app.config.root_doc, app.builder)
        body = app.builder.render_partial(doctree)["fragment"]
        cached = app.builder.__dict__["compact_home_description"] = first_paragraph(body)
    return cached


def _describe(app, pagename, templatename, context, doctree) -> None:
    from compact_course.core.course import cached_course

    course = cached_course(str(app.srcdir))
    text = lesson_description(course, pagename) or first_paragraph(str(context.get("body", "")))
    context["compact_description"] = shorten(text or _home_description(app))
    if pagename == app.config.root_doc:  # the root redirect page (strict_pages) borrows it
        app.builder.__dict__[HOME_DESCRIPTION] = context["compact_description"]


def setup(app):
    app.connect("html-page-context", _describe, priority=960)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": False}
