"""Progress on another device without a file (issue 28, item 5): "Copy a progress code" on My
progress gives a line of text; pasted on another device (a fresh browser context) it merges the
progress in, as the file import does; a damaged code is refused with the interface's words and
changes nothing. The code's format and merging are unit-tested in tests/js/progress-code.test.mjs.
"""

from __future__ import annotations

import re

import pytest

from compact_course import cached_course
from compact_course.core.interface_models import fill
from test_browser import LESSON_1, check_by_mouse, correct_response, question_ids, spec_of

pytestmark = pytest.mark.browser
ROW = "tr[data-lesson='who-is-the-compact-for']"
RECORDS = """() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("compact-course:v1:"))
  .map((k) => [k, JSON.parse(localStorage.getItem(k))]))"""


def _message(page) -> str:
    return page.locator(".cc-progress-message").inner_text()


def test_a_code_moves_progress_to_another_browser_and_a_damaged_one_is_refused(browser, book_server):
    words = cached_course().interface.progress
    phone = browser.new_context(base_url=book_server, viewport={"width": 390, "height": 844})
    laptop = browser.new_context(base_url=book_server)
    try:
        page = phone.new_page()
        page.goto(LESSON_1)
        first = question_ids(page)[0]
        check_by_mouse(page, first, correct_response(spec_of(page, first)))
        page.goto("book/progress.html")
        page.get_by_role("button", name=words.code_copy).click()
        box = page.get_by_label(words.code_label)
        page.wait_for_function("() => document.getElementById('cc-code-out').value.startsWith('CC1.')")
        code = box.input_value()
        assert re.fullmatch(r"CC1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}", code)
        assert _message(page) in (words.code_copied, words.code_select)

        other = laptop.new_page()
        other.goto("book/progress.html")
        before = other.locator(ROW).inner_text()
        assert "0 of 5" in before
        paste = other.get_by_label(words.code_paste_label)
        damaged = code[:20] + ("A" if code[20] != "A" else "B") + code[21:]
        paste.fill(damaged)
        other.get_by_role("button", name=words.code_import).click()
        expected = fill(words.import_failed, why=words.code_damaged)
        other.wait_for_function(f"() => document.querySelector('.cc-progress-message').textContent === {expected!r}")
        assert other.locator(ROW).inner_text() == before

        paste.fill("")
        other.get_by_role("button", name=words.code_import).click()
        other.wait_for_function(
            "(t) => document.querySelector('.cc-progress-message').textContent === t",
            arg=fill(words.import_failed, why=words.code_empty),
        )

        # As an email would wrap it.
        paste.fill("\n".join(code[i : i + 50] for i in range(0, len(code), 50)))
        other.get_by_role("button", name=words.code_import).click()
        other.wait_for_function(
            "(t) => document.querySelector('.cc-progress-message').textContent === t",
            arg=fill(words.imported, added=1),
        )
        # The same record as on the phone, merged in; the table is drawn again from it. (Whether the
        # row reads "1 of 5" depends on the lesson page's stored fingerprint matching the manifest's.)
        assert other.evaluate(RECORDS) == page.evaluate(RECORDS) != {}
        assert other.locator(ROW).inner_text() != before
    finally:
        phone.close()
        laptop.close()
