"""A presenter that a clicker and a bad moment cannot break (issue 27, items 2 and 6).

In Chromium, on the facilitator edition: the clicker's keys move and blank the screen; counts
and the current slide survive a reload, Escape and reopen, and Back and Forward, until "New
session"; count boxes take whole numbers from 0 to 999 and never disagree with the chart;
counts typed in a meeting chat ("A3 B7 C2") are added; the session exports as CSV with every
polled question; the speaker view in a second window follows the main one; the participants'
link shows the lesson's address.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from compact_course import cached_course
from helpers import go_to_slide, presenter_status

LESSON_ID = "who-is-the-compact-for"
LESSON_1 = "book/lessons/01-who-is-the-compact-for.html"


def _counts(page) -> list[str]:
    return page.locator(".cc-presenter input.cc-poll-count").evaluate_all("boxes => boxes.map(b => b.value)")


def _chart(page) -> str:
    return page.locator(".cc-presenter .cc-poll-chart svg").text_content()


def _menu(page) -> None:
    """Open the presenter's "Session" menu if it is closed."""
    if not page.locator(".cc-presenter-menu").evaluate("m => m.open"):
        page.locator(".cc-presenter-menu summary").click()


def _open(page, url=LESSON_1 + "#present"):
    page.goto(url)
    page.locator(".cc-presenter").wait_for()


def test_counts_and_the_slide_survive_reload_escape_and_back_until_a_new_session(facilitator_page):
    page = facilitator_page
    page.set_viewport_size({"width": 1280, "height": 720})
    _open(page)
    go_to_slide(page, "Poll 1 of 5: the room’s answers")
    for key in ("1", "1", "2"):
        page.keyboard.press(key)
    where = presenter_status(page)
    assert _counts(page)[:2] == ["2", "1"]
    # Reload (F5, or a crash): the same slide and counts.
    page.reload()
    page.locator(".cc-presenter").wait_for()
    assert presenter_status(page) == where and _counts(page)[:2] == ["2", "1"]
    assert "2 votes (67%)" in _chart(page)
    # Escape, then "Present this lesson" again.
    page.keyboard.press("Escape")
    assert page.locator(".cc-presenter").count() == 0
    page.get_by_role("button", name="Present this lesson").click()
    page.locator(".cc-presenter").wait_for()
    assert presenter_status(page) == where and _counts(page)[:2] == ["2", "1"]
    # Back closes the view (the address loses #present); Forward brings it back as it was.
    page.go_back()
    page.wait_for_function("() => !document.querySelector('.cc-presenter')")
    page.go_forward()
    page.locator(".cc-presenter").wait_for()
    assert presenter_status(page) == where and _counts(page)[:2] == ["2", "1"]
    # Another lesson keeps its own place; lesson 1's counts are still there on return.
    _open(page, "book/lessons/02-not-legally-binding.html#present")
    assert presenter_status(page).startswith("Slide 1 of")
    _open(page)
    assert presenter_status(page) == where and _counts(page)[:2] == ["2", "1"]
    # New session, asked first: everything back to zero and the first slide.
    _menu(page)
    page.get_by_role("button", name="New session").click()
    assert "clears every count" in page.locator(".cc-presenter-ask").inner_text()
    page.get_by_role("button", name="Cancel").click()
    assert presenter_status(page) == where
    _menu(page)
    page.get_by_role("button", name="New session").click()
    page.get_by_role("button", name="Yes, start a new session").click()
    assert presenter_status(page).startswith("Slide 1 of")
    go_to_slide(page, "Poll 1 of 5: the room’s answers")
    assert set(_counts(page)) == {"0"}
    page.reload()
    page.locator(".cc-presenter").wait_for()
    assert set(_counts(page)) == {"0"}
    assert page.errors == []


def test_clicker_keys_blank_and_restore_the_screen(facilitator_page):
    page = facilitator_page
    _open(page)
    blank = page.locator(".cc-presenter-blank")
    assert blank.is_hidden()
    for key in ("b", "."):
        page.keyboard.press(key)
        assert blank.is_visible()
        assert page.evaluate(
            "() => { const b = document.querySelector('.cc-presenter-blank').getBoundingClientRect(); "
            "return b.width >= innerWidth && b.height >= innerHeight; }"
        )
        page.keyboard.press(key)
        assert blank.is_hidden()
    page.keyboard.press("PageDown")
    assert presenter_status(page).startswith("Slide 2 of")
    page.keyboard.press("b")
    page.reload()  # a blanked screen stays blank after a reload: the room must not see a flash of the slide
    page.locator(".cc-presenter").wait_for()
    assert blank.is_visible() and presenter_status(page).startswith("Slide 2 of")
    page.keyboard.press("Escape")  # Escape first shows the slide again, and only then leaves
    assert blank.is_hidden() and page.locator(".cc-presenter").count() == 1
    page.keyboard.press("p")
    assert presenter_status(page).startswith("Slide 1 of")
    assert page.errors == []


def test_count_boxes_take_0_to_999_and_never_disagree_with_the_chart(facilitator_page):
    page = facilitator_page
    page.set_viewport_size({"width": 1280, "height": 720})
    _open(page)
    go_to_slide(page, "Poll 1 of 5: the room’s answers")
    box = page.locator(".cc-presenter input.cc-poll-count").first
    box.fill("999")
    assert "999 votes (100%)" in _chart(page)
    for bad in ("1000", "-3", "2.5"):
        box.fill(bad)
        assert box.get_attribute("aria-invalid") == "true"
        assert "0 to 999" in page.locator(".cc-presenter .cc-poll-problem").inner_text()
        assert "999 votes (100%)" in _chart(page)  # the chart keeps the last whole count
        box.press("Tab")  # leaving the box puts back the count the chart shows
        assert box.input_value() == "999" and box.get_attribute("aria-invalid") is None
    box.fill("")
    box.press("Tab")
    assert box.input_value() == "999"
    page.locator(".cc-presenter input.cc-poll-count").nth(1).fill("1")
    assert "999 votes (100%)" in _chart(page) and "1 vote (0%)" in _chart(page)
    assert page.errors == []


def test_chat_counts_the_csv_export_and_the_participants_link(facilitator_page):
    page = facilitator_page
    course = cached_course()
    question = course.quiz_for(LESSON_ID).questions[0]
    _open(page)
    go_to_slide(page, "Poll 1 of 5: the room’s answers")
    chat = page.get_by_label("Counts from the chat (such as A3 B7 C2)")
    chat.fill("A3 B7 c2")
    chat.press("Enter")
    assert _counts(page)[:3] == ["3", "7", "2"]
    chat.fill("A1 Z9")  # nothing is added when a part is not understood
    page.get_by_role("button", name="Add", exact=True).click()
    assert _counts(page)[:3] == ["3", "7", "2"] and chat.get_attribute("aria-invalid") == "true"
    assert "Z9" in page.locator(".cc-presenter [aria-live=polite].cc-visually-hidden").inner_text()
    page.keyboard.press("r")
    _menu(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export session (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["Question"] == question.id and row["Prompt"] == question.prompt
    assert [row["Votes for A"], row["Votes for B"], row["Votes for C"]] == ["3", "7", "2"]
    assert row["Total votes"] == "12" and row["Answer revealed"] == "yes"
    letters = [chr(65 + i) for i, c in enumerate(question.choices()) if c.correct]
    assert row["Key (correct options)"] == " ".join(letters)
    assert re.match(r"\d{4}-\d\d-\d\dT", row["Time counted"]) and row["Lesson"].startswith("Lesson 1:")
    # The participants' link: never this facilitator edition's own address (it holds the answer
    # keys). With no learner edition address set, the view says what to share instead.
    where = presenter_status(page)
    _menu(page)
    page.get_by_role("button", name="Participants’ link").click()
    assert page.locator(".cc-presenter-address").count() == 0
    assert page.locator(".cc-presenter-private").inner_text() == course.interface.presenter.participants_private
    page.get_by_role("button", name="Back to the slides").click()
    # With it set (the build puts it in the manifest), the lesson's page in the learner edition, large.
    page.evaluate("() => { window.CompactCourseManifest.learnerAddress = 'https://learning.example.org/compact/'; }")
    _menu(page)
    page.get_by_role("button", name="Participants’ link").click()
    address = page.locator(".cc-presenter-address")
    assert address.inner_text() == "https://learning.example.org/compact/" + LESSON_1
    assert float(address.evaluate("a => getComputedStyle(a).fontSize").removesuffix("px")) >= 24
    page.get_by_role("button", name="Back to the slides").click()
    assert presenter_status(page) == where
    assert page.errors == []


def test_the_speaker_view_follows_the_main_window(facilitator_page):
    page = facilitator_page
    course = cached_course()
    lesson = course.lesson(LESSON_ID)
    _open(page)
    _menu(page)
    with page.context.expect_page() as info:
        page.get_by_role("button", name=re.compile("^Speaker view")).click()
    speaker = info.value
    speaker.wait_for_load_state()
    speaker.locator(".cc-speaker").wait_for()
    assert page.locator(".cc-presenter").count() == 1  # the main window still presents
    now = speaker.locator(".cc-speaker-now")
    coming = speaker.locator(".cc-speaker-next")
    assert "Slide 1 of" in now.inner_text() and lesson.questions[0] in now.inner_text()
    assert course.qa_entry(lesson.qa).question in coming.inner_text()
    page.locator(".cc-presenter").focus()
    page.keyboard.press("PageDown")
    speaker.wait_for_function("() => document.querySelector('.cc-speaker-now').innerText.includes('Slide 2 of')")
    assert lesson.in_practice.scenario in coming.inner_text()
    timer = speaker.locator(".cc-speaker-timer")
    assert re.fullmatch(r"\d+ min \d+ s", timer.inner_text())
    frame = speaker.locator("iframe.cc-speaker-frame")
    assert frame.get_attribute("src").endswith(f"#notes-{LESSON_ID}")
    assert page.errors == []
