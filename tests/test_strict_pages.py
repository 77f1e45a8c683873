"""The build's own defences for a strict Content-Security-Policy and valid pages (issue 30):
what ``strict_pages`` finds, rewrites and writes, and the meta descriptions of ``page_meta``."""

from __future__ import annotations

from compact_course.book.page_meta import first_paragraph, lesson_description, shorten
from compact_course.book.strict_pages import blocked, column_classes, column_rules, redirect_page
from helpers import real_course
from html_rules import page_problems


def test_blocked_finds_inline_scripts_handlers_and_styles_but_not_files_or_data():
    html = (
        '<script src="a.js"></script><script type="application/json">{"a": "<p style=x>"}</script>'
        '<script>run()</script><button onclick="go()">x</button><p style="color: red">y</p><style>p{}</style>'
        '<!-- <p style="ignored"> -->'
    )
    found = blocked(html)
    assert len(found) == 4, found
    assert found[0].startswith("<script>") and "onclick" in found[1] and "style=" in found[2] and found[3] == "<style"


def test_column_widths_become_classes_with_one_rule_each():
    widths: set[str] = set()
    body = column_classes('<colgroup><col style="width: 16.0%" /><col style="width: 33.5%" /></colgroup>', widths)
    assert body == '<colgroup><col class="cc-col-16" /><col class="cc-col-33-5" /></colgroup>'
    assert not blocked(body)
    assert column_rules(widths) == "col.cc-col-16 { width: 16.0%; }\ncol.cc-col-33-5 { width: 33.5%; }"


def test_the_redirect_page_is_a_whole_valid_document():
    page = redirect_page("book/index.html", "A <course>", "en-GB", "What it is & why.")
    assert page_problems(page) == []
    assert 'content="0; url=book/index.html"' in page and "A &lt;course&gt;" in page


def test_descriptions_come_from_the_page_and_are_cut_at_a_word():
    body = '<p class="caption">Table 1</p><p>Short.</p><p>This page explains <a href="#">how</a> the quizzes work &amp; more.</p>'
    assert first_paragraph(body) == "This page explains how the quizzes work & more."
    long = "word " * 60
    cut = shorten(long)
    assert len(cut) <= 160 and cut.endswith("…") and not cut[:-1].endswith(" ")
    course = real_course()
    lesson = course.lessons[0]
    assert lesson_description(course, course.lesson_docname(lesson.id)) == " ".join(lesson.questions)
    assert lesson_description(course, "book/about") == ""
