"""Glossary definitions in place (issue 19 item 3; WCAG 1.4.13 content on hover or focus).

The unit tests hold the build-time data to data/glossary.yaml and to safe escaping; the
browser tests drive the built book in Chromium: hover, keyboard focus, Escape, moving onto the
definition, and no time-out.
"""

from __future__ import annotations

import json
import re

import pytest

from compact_course.book.glossary_terms import glossary_entries, glossary_script
from helpers import real_course

LESSON = "book/lessons/02-not-legally-binding.html"
TERM = "term-Accountability-and-Transparency-Guide"


def _anchor(term: str) -> str:
    return "term-" + re.sub(r"[^A-Za-z0-9]+", "-", term).strip("-")


def test_every_glossary_term_has_its_definition_keyed_by_its_anchor():
    course = real_course()
    entries = glossary_entries(course, _anchor)
    assert len(entries) == len(course.terms)
    for term in course.terms:
        entry = entries[_anchor(term.term)]
        assert entry == {"term": term.term, "expansion": term.expansion or "", "definition": term.definition}


def test_terms_missing_from_the_glossary_page_are_left_out():
    course = real_course()
    first = course.terms[0].term
    entries = glossary_entries(course, lambda term: None if term == first else _anchor(term))
    assert _anchor(first) not in entries and len(entries) == len(course.terms) - 1


def test_the_data_script_cannot_break_out_of_its_script_element():
    entries = {"term-x": {"term": "</script><b>", "expansion": "", "definition": "a & b <i>"}}
    script = glossary_script(entries)
    assert "<" not in script and "&" not in script
    assert json.loads(script.removeprefix("window.CompactGlossary = ").rstrip(";\n")) == entries


def _tip(page):
    link = page.locator(f"main a[href$='#{TERM}']").first
    tip_id = link.get_attribute("aria-describedby")
    assert tip_id, "the first link to the term is not described by a definition"
    return link, page.locator(f"#{tip_id}")


@pytest.mark.browser
def test_definition_shows_on_hover_stays_while_hovered_and_closes_on_escape(page):
    page.goto(LESSON)
    link, tip = _tip(page)
    assert tip.is_hidden()
    link.hover()
    assert tip.is_visible() and tip.get_attribute("role") == "tooltip"
    assert "Accountability and Transparency Guide" in tip.inner_text()
    assert "not being followed" in tip.inner_text()
    page.wait_for_timeout(2500)  # persistent: no time-out
    assert tip.is_visible()
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 5, steps=5)  # hoverable
    page.wait_for_timeout(600)
    assert tip.is_visible()
    page.keyboard.press("Escape")  # dismissible without moving the pointer
    assert tip.is_hidden()
    page.mouse.move(0, 0)
    link.hover()
    assert tip.is_visible()
    page.mouse.move(5, 5)
    page.wait_for_timeout(600)
    assert tip.is_hidden()
    assert link.get_attribute("href").endswith(f"glossary.html#{TERM}")
    assert not [error for error in page.errors if error.startswith("pageerror")]
    root = page.url.split("/book/")[0]
    assert all(url.startswith((root, "data:")) for url in page.requests)  # no network


@pytest.mark.browser
def test_definition_shows_on_keyboard_focus_and_only_for_the_first_use(page):
    page.goto(LESSON)
    link, tip = _tip(page)
    link.focus()
    assert tip.is_visible()
    page.wait_for_timeout(1000)
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(TERM)
    link.focus()
    page.keyboard.press("Tab")
    assert tip.is_hidden()
    described = page.locator(f"main a[href$='#{TERM}'][aria-describedby]")
    assert described.count() == 1
    link.click()
    assert page.url.endswith(f"glossary.html#{TERM}")
