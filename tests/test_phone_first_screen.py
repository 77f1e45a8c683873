"""The small things on a phone (issue 28, item 6): the course's length and "Start here" on the
first screen at 390 px; no icon-font glyph drawn (the font is not shipped, so it would be an empty
box); headings in the page's language with hyphenation, and no heading word split across lines at
320 to 430 px; the lesson 7 label a learner understands; with JavaScript off, a phone reaches every
page of the table of contents from plain links.
"""

from __future__ import annotations

import re

import pytest

from compact_course import cached_course
from compact_course.book.pages import question_label
from helpers import SPLIT_WORDS

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
GLYPHS = """() => Array.from(document.querySelectorAll("body *")).flatMap((el) => [null, "::before", "::after"].map((pseudo) => {
  const style = getComputedStyle(el, pseudo);
  const shown = el.getClientRects().length > 0 && style.display !== "none" && style.visibility !== "hidden";
  const text = pseudo ? style.content : Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.data).join("");
  return shown && /[\\ue000-\\uf8ff]/.test(text || "") ? el.tagName + "." + el.className + (pseudo || "") : null;
})).filter(Boolean)"""
HEADINGS = "main h1, main h2, main h3"


def test_length_and_start_here_are_on_the_first_phone_screen(browser, book_server):
    context = browser.new_context(viewport=PHONE, base_url=book_server)
    page = context.new_page()
    try:
        page.goto("book/index.html")
        length = page.get_by_text(re.compile(r"lessons take about .* in total"))
        start = page.locator(".cc-start-here a").first
        assert "lessons/01-" in (start.get_attribute("href") or "")
        for element in (length, start):
            box = element.bounding_box()
            assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    finally:
        context.close()


@pytest.mark.parametrize(
    "path", ["book/index.html", "search.html?q=Compact", "book/lessons/07-commissioning-and-decommissioning.html"]
)
def test_no_icon_font_glyph_is_drawn(page, path):
    page.set_viewport_size(PHONE)
    page.goto(path)
    page.wait_for_load_state("load")
    assert page.evaluate(GLYPHS) == []


@pytest.mark.parametrize("width", (320, 390, 430))
def test_lesson_headings_hyphenate_and_never_split_a_word(page, width, page_list):
    page.set_viewport_size({"width": width, "height": 844})
    lessons = [p for p in page_list if p.startswith("book/lessons/")]
    assert len(lessons) == len(cached_course().lessons)
    for path in lessons:
        page.goto(path)
        assert page.evaluate("document.documentElement.lang") == "en-GB"
        assert page.evaluate("getComputedStyle(document.querySelector('main h1')).hyphens") == "auto"
        assert page.evaluate(SPLIT_WORDS, HEADINGS)["split"] == [], f"{path} at {width} px"


def test_the_topic_heading_reads_as_a_learner_expects(built_book):
    course = cached_course()
    entry = course.qa_entry("qa-commissioning-and-decommissioning")
    assert question_label(course, entry) == "The topic as Compact Voice headed it"
    html = (built_book / "book/lessons/07-commissioning-and-decommissioning.html").read_text(encoding="utf-8")
    assert "The topic as Compact Voice headed it" in html and "The heading in the source" not in html


def test_without_javascript_a_phone_reaches_every_page(browser, book_server, page_list):
    context = browser.new_context(viewport=PHONE, base_url=book_server, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("book/lessons/07-commissioning-and-decommissioning.html")
        visible = page.evaluate(
            """() => Array.from(document.querySelectorAll("#pst-primary-sidebar nav a[href]"))
                 .filter((a) => a.getClientRects().length > 0 && getComputedStyle(a).visibility !== "hidden")
                 .map((a) => new URL(a.getAttribute("href"), location.href).pathname.replace(/^\\//, ""))"""
        )
        toc_pages = {p for p in page_list if p.startswith("book/") and p != "book/index.html"}
        reached = {v for v in visible} | {"book/lessons/07-commissioning-and-decommissioning.html"}
        assert toc_pages - reached == set()
        link = page.locator("#pst-primary-sidebar a", has_text="Glossary").first
        link.click()
        assert page.url.endswith("book/glossary.html")
    finally:
        context.close()


def test_page_contents_mark_the_section_being_read(browser, book_server):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, base_url=book_server)
    page = context.new_page()
    active = "() => Array.from(document.querySelectorAll('#pst-page-toc-nav a.active')).map((a) => a.hash)"
    try:
        page.goto("book/lessons/07-commissioning-and-decommissioning.html")
        page.evaluate("document.getElementById('in-practice').scrollIntoView()")
        page.wait_for_timeout(400)
        assert page.evaluate(active) == ["#in-practice"]
        # Back up into the key points, the "In practice" heading now low in the window.
        for _ in range(3):  # as a reader scrolls, a little at a time
            page.evaluate("window.scrollBy(0, -110)")
            page.wait_for_timeout(250)
        page.wait_for_timeout(400)
        tops = page.evaluate(
            "['key-points', 'in-practice'].map((id) => document.getElementById(id).getBoundingClientRect().top)"
        )
        assert tops[0] < 0 and 300 < tops[1] < 900, tops  # reading the key points; "In practice" lower down
        assert page.evaluate(active) == ["#key-points"]
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(400)
        assert page.evaluate(active) == ["#before-you-move-on"]
    finally:
        context.close()
