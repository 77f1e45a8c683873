"""The strict book build (-W -n) is itself a test: no warnings, every page present, no stale pages."""

from __future__ import annotations

import re

from compact_course import cached_course


def test_book_builds_without_warnings(book_build):
    output = book_build.stdout + book_build.stderr
    assert book_build.returncode == 0, output[-4000:]
    assert "WARNING" not in output, [line for line in output.splitlines() if "WARNING" in line]


def test_every_lesson_and_generated_page_is_built(page_list):
    course = cached_course()
    pages = set(page_list)
    for lesson in course.lessons:
        assert f"{course.lesson_docname(lesson.id)}.html" in pages
    for name in (
        "book/index.html",
        "book/progress.html",
        "book/self-assessment.html",
        "book/glossary.html",
        "book/sources.html",
        "book/compact-today.html",
        "book/facilitator/index.html",
    ):
        assert name in pages


def test_each_lesson_page_quotes_its_own_entry_and_quiz(built_book):
    course = cached_course()
    for lesson in course.lessons:
        html = (built_book / f"{course.lesson_docname(lesson.id)}.html").read_text(encoding="utf-8")
        assert f'id="{lesson.qa}"' in html
        assert f'data-quiz="{course.quiz_for(lesson.id).quiz.id}"' in html
        assert "application/vnd.jupyter.widget-view+json" not in html
        # no other lesson's Q&A entry is quoted on this page
        quoted = set(re.findall(r'<section class="cc-block cc-qa" id="([a-z0-9-]+)"', html))
        assert quoted == {lesson.qa}


def test_assets_are_shipped_once_per_page(built_book):
    html = (built_book / "book/lessons/01-who-is-the-compact-for.html").read_text(encoding="utf-8")
    assert html.count("_static/compact-quiz.js") == 1
    assert html.count("_static/compact-quiz.css") == 1
    assert html.count("_static/compact-manifest.js") == 1
    assert "THEBE_JS_URL" not in html
    assert (built_book / "_static" / "compact-manifest.js").is_file()
