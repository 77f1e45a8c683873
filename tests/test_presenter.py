"""The presenter view of a lesson and the room poll in the static book.

Unit tests check the slide data (book/presenter.py) and the lesson page's blocks: the
suggestion is a reveal on the page and its own later slide. Browser tests (Chromium, the built
book) run the presenter view and the poll page by keyboard only, read the chart's text, reveal,
download the summary CSV, and run axe in light and dark; no request may leave the book, and
neither view may read the answers saved in this browser.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from compact_course import cached_course
from compact_course.book import pages as lesson_pages
from compact_course.book.presenter import lesson_slides, notes_link
from helpers import go_to_slide, presenter_status

LESSON_ID = "who-is-the-compact-for"
LESSON_1 = "book/lessons/01-who-is-the-compact-for.html"
POLL_PAGE = "book/facilitator/room-poll-static.html"
SESSION_KEY = "compact-course-presenter:v1"  # static/src/presenter-session.js
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# Slide data and page blocks ----------------------------------------------------------------------
@pytest.mark.parametrize("lesson", cached_course().lessons, ids=lambda lesson: lesson.id)
def test_every_lesson_s_slides_think_first_then_answer(lesson):
    course = cached_course()
    deck = lesson_slides(course, lesson.id)
    kinds = [slide["kind"] for slide in deck["slides"]]
    quiz = course.quiz_for(lesson.id).questions
    # A lesson on a Q&A entry shows Compact Voice's answer; one that summarises public sources has none.
    answered = ["answer"] if lesson.qa else []
    assert kinds == ["title", *answered, "scenario", "suggestion"] + ["discussion"] * len(lesson.discussion) + [
        "poll"
    ] * len(quiz) + ["points"]
    title = deck["slides"][0]
    scenario, suggestion = deck["slides"][1 + len(answered) : 3 + len(answered)]
    if lesson.qa:
        answer = deck["slides"][1]
        entry = course.qa_entry(lesson.qa)
        assert answer["heading"] == entry.question and answer["items"][0] == entry.answer[0].text
        assert "Compact Voice" in answer["source"]
    assert title["items"] == list(lesson.questions)
    assert scenario["text"] == lesson.in_practice.scenario
    assert lesson.in_practice.takeaway not in json.dumps(scenario)
    assert suggestion["text"] == lesson.in_practice.takeaway
    assert [s["question"] for s in deck["slides"] if s["kind"] == "poll"] == [q.id for q in quiz]
    assert deck["slides"][-1]["items"] == list(lesson.key_points)
    assert deck["pollSet"] == f"lesson-{lesson.id}"


@pytest.mark.parametrize("lesson", cached_course().lessons, ids=lambda lesson: lesson.id)
def test_the_notes_link_points_at_the_lesson_s_block_of_facilitator_notes(lesson):
    course = cached_course()
    href = notes_link(course, lesson.id)
    page, anchor = href.split("#")
    assert page.startswith("../facilitator/notes-module-")
    notes = (course.root / "book" / "lessons" / page).resolve().with_suffix(".md").read_text(encoding="utf-8")
    assert f'id="{anchor}"' in notes


def test_the_suggestion_is_a_closed_reveal_under_the_scenario():
    page = lesson_pages.lesson(LESSON_ID)
    practice = page.lesson.in_practice
    html = page.in_practice().html
    reveal = re.search(r'<details class="cc-reveal">(.*?)</details>', html, re.S)
    # The texts as the page renders them (glossary terms linked at first use, issue 24 item 3).
    takeaway, scenario = page.link(practice.takeaway), page.link(practice.scenario)
    assert reveal and takeaway in reveal.group(1)
    assert html.count(takeaway) == 1
    assert html.index(scenario) < reveal.start()
    assert "<details open" not in html


def test_the_overview_carries_the_present_button_and_the_slides_as_escaped_json(monkeypatch):
    page = lesson_pages.lesson(LESSON_ID)
    block = re.search(r'<script type="application/json" class="cc-present-data">(.*?)</script>', page.overview().html)
    assert block and json.loads(block.group(1)) == lesson_slides(page.course, LESSON_ID)
    assert 'class="cc-button cc-present-open" hidden>Present this lesson</button>' in page.overview().html
    monkeypatch.setattr(lesson_pages, "lesson_slides", lambda course, lesson_id: {"title": "</script><b>&"})
    html = page.overview().html
    assert "</script><b>" not in html and "\\u003c/script\\u003e" in html


# Browser ------------------------------------------------------------------------------------------
def _focus_inside_dialog(page) -> bool:
    return page.evaluate("() => !!document.activeElement.closest('.cc-presenter')")


def _axe(page, axe_source) -> list[str]:
    page.add_script_tag(content=axe_source)
    return page.evaluate(
        """async tags => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return result.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }""",
        AXE_TAGS,
    )


def _external(page, origin) -> list[str]:
    return [r for r in page.requests if not r.startswith((origin, "data:", "blob:"))]


def _watch_storage_reads(page) -> None:
    page.evaluate(
        """() => { window.__storageReads = [];
            const get = Storage.prototype.getItem;
            Storage.prototype.getItem = function (key) { window.__storageReads.push(key); return get.call(this, key); }; }"""
    )


def _learner_reads(page) -> list[str]:
    # The presenter reads its own session record only, never the learner's saved answers.
    return [key for key in page.evaluate("() => window.__storageReads") if key != SESSION_KEY]


def test_presenter_view_by_keyboard_only(facilitator_page, facilitator_server):
    # The facilitator edition: its presenter view also links the lesson's facilitator notes.
    page, book_server = facilitator_page, facilitator_server
    course = cached_course()
    lesson = course.lesson(LESSON_ID)
    entry = course.qa_entry(lesson.qa)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(LESSON_1)
    # A learner's answer saved in this browser: the presenter view must not show it.
    first = page.locator("form.cc-question").first
    first.locator("button[data-action=reveal]").click()
    first.locator(".cc-confirm-reveal .cc-primary").click()  # "Show the answer": saved as seen
    page.reload()
    _watch_storage_reads(page)
    button = page.get_by_role("button", name="Present this lesson")
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator(".cc-presenter[role=dialog][aria-modal=true]")
    dialog.wait_for()  # the presenter's script loads on this first press
    assert dialog.is_visible()
    total = int(re.search(r"of (\d+):", presenter_status(page)).group(1))
    assert presenter_status(page).startswith(f"Slide 1 of {total}:")
    assert page.locator(".cc-presenter-status").get_attribute("aria-live") == "polite"
    assert lesson.questions[0] in dialog.inner_text()
    for _ in range(25):
        page.keyboard.press("Tab")
        assert _focus_inside_dialog(page)
    page.keyboard.press("Shift+Tab")
    assert _focus_inside_dialog(page)
    page.locator(".cc-presenter").focus()
    # Compact Voice's answer comes second, quoted with its source: the session's first activity.
    page.keyboard.press("ArrowRight")
    assert presenter_status(page).startswith(f"Slide 2 of {total}: {entry.question}")
    assert entry.answer[0].text in dialog.inner_text() and "Compact Voice" in dialog.inner_text()
    go_to_slide(page, lesson.in_practice.title)
    assert lesson.in_practice.scenario in dialog.inner_text()
    assert lesson.in_practice.takeaway not in dialog.inner_text()
    page.keyboard.press("PageDown")
    assert "What the Compact suggests" in presenter_status(page) and lesson.in_practice.takeaway in dialog.inner_text()
    here = presenter_status(page)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowUp")
    assert presenter_status(page) == here
    page.keyboard.press("End")
    assert presenter_status(page).startswith(f"Slide {total} of {total}: Key points")
    page.keyboard.press("Home")
    assert presenter_status(page).startswith(f"Slide 1 of {total}")
    go_to_slide(page, "Poll 1 of")
    # The first poll starts from zero and shows no answer, whatever this browser has saved.
    assert "Answer:" not in dialog.inner_text() and "Explanation" not in dialog.inner_text()
    question = course.quiz_for(LESSON_ID).questions[0]
    assert question.prompt in dialog.inner_text()
    for key in ("1", "1", "1", "2"):  # counted while the options are on screen
        page.keyboard.press(key)
    go_to_slide(page, "the room’s answers")
    assert dialog.locator("input.cc-poll-count").evaluate_all("boxes => boxes.map(b => b.value)")[:2] == ["3", "1"]
    chart = dialog.locator(".cc-poll-chart svg").text_content()
    assert "3 votes (75%)" in chart and "1 vote (25%)" in chart
    assert "(correct)" not in chart
    page.keyboard.press("r")
    assert "the answer" in presenter_status(page)
    reveal = dialog.inner_text()
    assert "Answer:" in reveal and question.explanation[:80] in " ".join(reveal.split())
    # Back to the counts: the chart now marks the right options, and kept its counts.
    page.keyboard.press("ArrowLeft")
    chart = dialog.locator(".cc-poll-chart svg").text_content()
    assert "(correct)" in chart and "3 votes (75%)" in chart
    assert dialog.locator(".cc-poll-correct").count() >= 1
    assert dialog.locator(".cc-poll-correct").first.get_attribute("style") is None
    notes = dialog.locator("a.cc-presenter-notes")
    assert notes.get_attribute("href") == notes_link(course, LESSON_ID)
    assert notes.get_attribute("target") not in (None, "", "_self")
    assert "Facilitator notes for lesson 1" in notes.text_content()
    page.keyboard.press("Escape")
    assert page.locator(".cc-presenter").count() == 0
    assert page.evaluate("() => document.activeElement.classList.contains('cc-present-open')")
    assert page.evaluate("() => [...document.body.children].every(n => !n.inert)")
    assert _learner_reads(page) == []
    assert page.locator("[style]").evaluate_all("nodes => nodes.filter(n => n.closest('.cc-presenter')).length") == 0
    assert _external(page, book_server) == [] and page.errors == []


def test_the_lesson_address_with_present_opens_the_view_and_escape_closes_it(page):
    page.goto(LESSON_1 + "#present")
    assert page.locator(".cc-presenter[role=dialog]").is_visible()
    page.keyboard.press("Escape")
    assert page.locator(".cc-presenter").count() == 0
    assert not page.evaluate("() => location.hash")
    assert page.errors == []


def test_room_poll_page_by_keyboard_only_with_summary_csv(facilitator_page, facilitator_server):
    # The room poll page is a facilitator page: only the facilitator edition has it.
    page, book_server = facilitator_page, facilitator_server
    page.goto(POLL_PAGE)
    _watch_storage_reads(page)
    app = page.locator("#cc-room-poll")
    assert "R: reveal the answer" in app.locator(".cc-poll-keys").inner_text()
    page.locator("#cc-poll-set").focus()
    page.keyboard.press("End")  # the last set: a lesson's questions
    page.locator("body").focus()
    page.evaluate("() => document.activeElement.blur()")
    prompts = app.locator(".cc-poll-prompt")
    first_prompt = prompts.inner_text()
    for key in ("1", "1", "2"):
        page.keyboard.press(key)
    chart = app.locator(".cc-poll-chart svg")
    assert "2 votes (67%)" in chart.text_content() and "1 vote (33%)" in chart.text_content()
    assert "in all" in chart.locator("title").text_content()
    box = app.locator("input.cc-poll-count").nth(1)
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("6")
    assert "6 votes (75%)" in chart.text_content()
    page.keyboard.press("r")  # typed into the box: not a shortcut
    assert app.locator(".cc-poll-reveal").count() == 0
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("R")
    assert "Explanation:" in app.locator(".cc-poll-reveal").inner_text()
    page.keyboard.press("N")
    assert prompts.inner_text() != first_prompt
    page.keyboard.press("ArrowRight")
    page.keyboard.press("P")
    page.keyboard.press("ArrowLeft")
    assert prompts.inner_text() == first_prompt and "6 votes (75%)" in chart.text_content()
    page.get_by_role("button", name="Show summary").focus()
    page.keyboard.press("Enter")
    rows = app.locator("table.cc-poll-summary tbody tr")
    assert "of 8 votes on correct options" in rows.first.inner_text()
    page.get_by_role("button", name="Download the counts (CSV)").focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename.startswith("room-poll-lesson-")
    table = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    # Every question counted, with the show of hands per option, the key and the time.
    assert table[0][:5] == ["Session started", "Lesson", "Question", "Prompt", "Votes for A"]
    head = {name: i for i, name in enumerate(table[0])}
    assert len(table) == 2 and table[1][head["Prompt"]] == first_prompt
    assert [table[1][head["Votes for A"]], table[1][head["Votes for B"]]] == ["2", "6"]
    assert table[1][head["Total votes"]] == "8" and table[1][head["Answer revealed"]] == "yes"
    assert re.fullmatch(r"[A-E]( [A-E])*", table[1][head["Key (correct options)"]])
    assert table[1][head["Time counted"]].startswith("20")
    assert page.evaluate("() => window.__storageReads") == []
    assert _external(page, book_server) == [] and page.errors == []


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_presenter_and_poll_pass_axe_in_light_and_dark(browser, facilitator_server, axe_source, mode):
    # The facilitator edition holds both the presenter view (with its notes link) and the poll page.
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=facilitator_server, color_scheme=mode
    )
    context.add_init_script(f"window.localStorage.setItem('mode', '{mode}');")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    problems = []
    page.goto(LESSON_1 + "#present")
    assert page.evaluate("() => document.documentElement.dataset.theme") == mode
    problems += [f"presenter title: {v}" for v in _axe(page, axe_source)]
    while "Poll 1 of" not in page.locator(".cc-presenter-status").inner_text():
        page.keyboard.press("ArrowRight")
    page.keyboard.press("1")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    problems += [f"presenter counts: {v}" for v in _axe(page, axe_source)]
    page.keyboard.press("r")
    problems += [f"presenter answer: {v}" for v in _axe(page, axe_source)]
    page.locator(".cc-presenter-menu summary").click()
    problems += [f"presenter menu: {v}" for v in _axe(page, axe_source)]
    page.goto(POLL_PAGE)
    page.keyboard.press("2")
    page.keyboard.press("r")
    page.get_by_role("button", name="Show summary").click()
    problems += [f"poll page: {v}" for v in _axe(page, axe_source)]
    context.close()
    assert problems == []
    assert [r for r in requests if not r.startswith((facilitator_server, "data:", "blob:"))] == []


def test_the_notes_link_shows_only_in_the_facilitator_edition(browser, book_server, facilitator_server):
    # The learner edition has no facilitator notes, so its presenter view must not link to them.
    for base, expected in ((book_server, 0), (facilitator_server, 1)):
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto(LESSON_1 + "#present")
        assert page.locator(".cc-presenter[role=dialog]").is_visible()
        assert page.locator(".cc-presenter-notes").count() == expected, base
        context.close()
