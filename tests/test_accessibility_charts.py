"""Charts stay readable in forced colours (Windows high contrast), issue 18.

Forced colours repaint text, borders and backgrounds of the page but not images: a lesson or
poll chart drawn as an SVG image must carry its own light background and dark text; charts
drawn inline must take their text and outlines from the forced text colour (the score chart
here; the room poll's browser chart in test_accessibility, which serves the facilitator
edition).
"""

from __future__ import annotations

import base64
import re

from compact_course.core.course import cached_course
from test_accessibility import CHART_LESSON, answer_every_quiz, browser_context, open_page


def _svg_images(page) -> list[str]:
    sources = page.evaluate(
        "() => [...document.querySelectorAll('.cc-chart img, .cc-poll-chart img')].map(i => i.getAttribute('src'))"
    )
    return [base64.b64decode(src.split(",", 1)[1]).decode("utf-8") for src in sources]


def test_lesson_charts_keep_a_light_background_and_dark_text_in_forced_colours(browser, book_server):
    context = browser_context(browser, book_server, 1280, forced_colors="active")
    page = context.new_page()
    open_page(page, CHART_LESSON)
    images = _svg_images(page)
    assert images, "no chart on the chart lesson"
    for svg in images:
        # Forced colours leave images alone; an image's own opaque white figure background keeps
        # its dark text readable on a black high-contrast page.
        assert re.search(r'<g id="patch_1">\s*<path [^>]*style="fill: #ffffff"', svg), "chart without a background"
        text_fills = set(re.findall(r"<text[^>]*style=\"[^\"]*fill: (#[0-9a-f]{6})", svg))
        assert text_fills <= {"#000000", "#1b1b1b", "#262626"}, text_fills
    shown = page.evaluate(
        "() => [...document.querySelectorAll('.cc-chart img')].map(i => i.naturalWidth > 0 && i.getBoundingClientRect().width > 0)"
    )
    context.close()
    assert all(shown)


def test_a_chart_data_table_scrolls_inside_its_own_labelled_focusable_region():
    from compact_course.book.charts import chart
    from compact_course.core.escaping import e

    course = cached_course()
    drawn = chart(course, course.charts[0].id)
    label = f"Data for: {e(drawn.title)}"
    region = f'<div class="cc-table-scroll" role="region" tabindex="0" aria-label="{label}"><table'
    assert drawn.table_html().startswith(region)


def test_score_chart_text_follows_the_forced_text_colour(browser, book_server):
    context = browser_context(browser, book_server, 1280, forced_colors="active")
    page = context.new_page()
    open_page(page, "book/self-assessment.html")
    answer_every_quiz(page)
    chart = page.locator(".cc-results svg[role=img]")
    assert chart.count() == 1
    colours = chart.evaluate(
        """svg => [...svg.querySelectorAll('text')].map(t => [getComputedStyle(t).fill, getComputedStyle(t).color])"""
    )
    context.close()
    assert colours and all(fill == colour for fill, colour in colours), colours[:3]


def test_on_a_phone_a_chart_keeps_a_readable_size_and_scrolls_in_its_own_region(browser, book_server):
    # Lesson 2's timeline shrank to the screen's width, its labels too small to read (issue 18).
    context = browser_context(browser, book_server, 390)
    page = context.new_page()
    open_page(page, "book/lessons/02-not-legally-binding.html")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.cc-chart-scroll')].map(box => ({
            role: box.getAttribute('role'), label: box.getAttribute('aria-label'), focusable: box.tabIndex >= 0,
            image: box.querySelector('img').getBoundingClientRect().width, box: box.clientWidth,
            scrolls: getComputedStyle(box).overflowX}))"""
    )
    rem = page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
    context.close()
    assert boxes, "no chart on lesson 2"
    for found in boxes:
        assert found["role"] == "region" and found["label"] and found["focusable"], found
        assert found["image"] >= 34 * rem - 1 > found["box"], found  # wider than the phone's column ...
        assert found["scrolls"] == "auto"  # ... so it scrolls inside its own box, not the page
