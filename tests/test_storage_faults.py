"""Progress in the static book when browser storage fails, and with two tabs (issue 17, items 1-3).

localStorage is stubbed before any script runs (``add_init_script``), switched on and off by a
flag in sessionStorage so one tab can go from working storage to failing storage and back:
refused (SecurityError, as in an LMS frame with third-party storage blocked), full
(QuotaExceededError) or throwing on read. Quizzes must still check and give feedback, a polite
notice must say that progress is not being saved and how to keep it, no script may raise an
error, and nothing saved before may be lost. Two pages in one context stand for two tabs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compact_course import cached_course
from test_browser import LESSON_1, check_by_mouse, correct_response, feedback, question_ids, spec_of, wrong_response

pytestmark = pytest.mark.browser

FAULTS = """
(() => {
  const fault = sessionStorage.getItem("cc-test-fault");
  if (!fault) { return; }
  const error = (name) => new DOMException("storage " + name, name);
  if (fault === "refused") {
    Object.defineProperty(window, "localStorage", { configurable: true, get() { throw error("SecurityError"); } });
    return;
  }
  const store = window.localStorage;
  const proto = Object.getPrototypeOf(store);
  const setItem = proto.setItem, getItem = proto.getItem;
  proto.setItem = function (key, value) {
    if (this === store && fault === "full") { throw error("QuotaExceededError"); }
    return setItem.call(this, key, value);
  };
  proto.getItem = function (key) {
    if (this === store && fault === "read") { throw error("SecurityError"); }
    return getItem.call(this, key);
  };
})();
"""
LESSON_KEY = "compact-course:v1:lesson:"


@pytest.fixture
def words():
    return cached_course().interface


@pytest.fixture
def faulty(page):
    page.context.add_init_script(FAULTS)
    return page


def set_fault(page, fault: str | None) -> None:
    page.evaluate(
        "f => f ? sessionStorage.setItem('cc-test-fault', f) : sessionStorage.removeItem('cc-test-fault')", fault
    )
    page.reload()


def saved(page, question_id: str):
    raw = page.evaluate("k => localStorage.getItem(k)", LESSON_KEY + question_id)
    return json.loads(raw) if raw else None


@pytest.mark.parametrize("fault", ["refused", "full", "read"])
def test_failing_storage_quizzes_still_work_with_a_polite_notice_and_nothing_saved_is_lost(faulty, words, fault):
    page = faulty
    page.goto(LESSON_1)
    first, second = question_ids(page)[:2]
    check_by_mouse(page, first, correct_response(spec_of(page, first)))
    before = saved(page, first)
    assert before is not None and before["correct"] is True
    assert not page.locator("#cc-storage-notice").count()  # storage works: no notice

    set_fault(page, fault)
    page.errors.clear()
    notice = page.locator("#cc-storage-notice")
    assert notice.is_visible() and words.storage.not_saved in notice.inner_text()  # before anything is lost
    check_by_mouse(page, second, correct_response(spec_of(page, second)))
    check_by_mouse(page, first, wrong_response(spec_of(page, first)))
    assert words.question.right in feedback(page, second)  # checking and feedback still work
    assert words.question.wrong in feedback(page, first)
    assert notice.get_attribute("role") == "status"  # polite, not an alert
    # The answers given while storage failed can be downloaded, to import later.
    with page.expect_download() as download_info:
        notice.get_by_role("button", name=words.storage.download).click()
    kept = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert LESSON_KEY + second in kept["records"]
    page.goto("book/progress.html")
    assert page.locator("#cc-storage-notice").is_visible()
    assert words.storage.not_saved_progress in page.locator("#cc-progress").inner_text()
    assert page.errors == []

    set_fault(page, None)  # storage works again
    page.goto(LESSON_1)
    assert saved(page, first) == before  # nothing saved before is lost
    assert words.question.right in feedback(page, first)
    assert not page.locator("#cc-storage-notice").count()
    assert page.errors == []


def test_two_tabs_answering_at_once_lose_nothing(page):
    tab_a = page
    tab_b = page.context.new_page()
    tab_a.goto(LESSON_1)
    tab_b.goto(LESSON_1)
    ids = question_ids(tab_a)
    check_by_mouse(tab_a, ids[0], wrong_response(spec_of(tab_a, ids[0])))
    check_by_mouse(tab_b, ids[1], correct_response(spec_of(tab_b, ids[1])))
    # Tab B still shows the first question unanswered; answering it there keeps tab A's first attempt.
    check_by_mouse(tab_b, ids[0], correct_response(spec_of(tab_b, ids[0])))
    record = saved(tab_a, ids[0])
    assert record["correct"] is True and record["first"]["correct"] is False
    assert saved(tab_a, ids[1])["correct"] is True
    tab_a.goto("book/progress.html")
    row = tab_a.locator("tr[data-lesson='who-is-the-compact-for']").inner_text()
    assert "2 of 5" in row
    tab_b.close()


def test_an_open_progress_page_updates_when_another_tab_saves(page):
    progress = page
    progress.goto("book/progress.html")
    row = progress.locator("tr[data-lesson='who-is-the-compact-for']")
    assert "0 of 5" in row.inner_text()
    lesson = page.context.new_page()
    lesson.goto(LESSON_1)
    first = question_ids(lesson)[0]
    check_by_mouse(lesson, first, correct_response(spec_of(lesson, first)))
    progress.wait_for_function(
        "() => document.querySelector(\"tr[data-lesson='who-is-the-compact-for']\").textContent.includes('1 of 5')"
    )
    lesson.close()
    assert progress.errors == []


def test_a_cleared_answer_counts_nowhere_but_its_first_attempt_is_kept(page, words):
    page.goto(LESSON_1)
    first = question_ids(page)[0]
    check_by_mouse(page, first, correct_response(spec_of(page, first)))
    page.locator(f"#{first} button[data-action=retry]").click()
    record = saved(page, first)
    assert record["answer"] is None and record["first"]["correct"] is True
    page.reload()
    assert words.question.right not in feedback(page, first)  # nothing restored as answered
    page.goto("book/progress.html")
    row = page.locator("tr[data-lesson='who-is-the-compact-for']").inner_text()
    assert "0 of 5" in row and "1 of 1" in row  # no answer counts; one first attempt, right
    with page.expect_download() as download_info:
        page.get_by_role("button", name=words.progress.export).click()
    exported = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert exported["version"] == 2 and exported["records"][LESSON_KEY + first]["answer"] is None
    assert page.errors == []
