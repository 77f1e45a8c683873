"""``compact-course pdf`` (issue 19 item 4): the course and the facilitator pack, read back with pypdf.

Text extraction breaks lines (also after hyphens) and splits ligatures, so text is compared after NFKC
normalisation with all whitespace collapsed.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from compact_course.book import pdf
from compact_course.book.pdf_pages import split_docnames, toc_docnames
from helpers import COURSE_ROOT, real_course

WORDS = real_course().interface.book  # the headings the PDF adds (data/interface.yaml)


def normal(text: str) -> str:
    # A line broken after a hyphen comes back as "hard-to- reach".
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


def _pdf_command(*args: str) -> subprocess.CompletedProcess:
    # In a process of its own: the session's browser fixture already runs Playwright's sync API
    # in this one, and a second sync_playwright() in the same thread is refused.
    return subprocess.run(
        [sys.executable, "-m", "compact_course", "pdf", *args], cwd=COURSE_ROOT, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def pdfs(browser, built_book, facilitator_book, tmp_path_factory) -> dict[str, list[str]]:
    # `browser` fails in CI, and skips elsewhere, when Chromium is missing.
    out = tmp_path_factory.mktemp("pdf")
    done = _pdf_command("--html", str(built_book), "--facilitator-html", str(facilitator_book), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return {
        name: [normal(page.extract_text()) for page in PdfReader(str(out / name)).pages]
        for name in ("course.pdf", "facilitator-pack.pdf")
    }


def _contents(pages: list[str]) -> dict[str, int]:
    """Contents entries ("title page") from the first sheet."""
    entries = re.findall(r"(.+?) (\d+)(?= |$)", pages[0].removeprefix(WORDS.pdf_contents).strip())
    return {title.strip(): int(number) for title, number in entries}


@pytest.mark.browser
def test_the_course_pdf_has_every_lesson_title_and_question(pdfs):
    course = real_course()
    text = " ".join(pdfs["course.pdf"])
    for lesson in course.lessons:
        assert normal(lesson.title) in text, lesson.id
    for lesson in course.lessons:
        for question in course.quiz_for(lesson.id).questions:
            assert normal(question.prompt) in text, question.id


def _texts(built: str, css_class: str) -> list[str]:
    found = re.findall(rf'<[a-z]+ class="{css_class}">(.*?)</(?:span|p)>', built, re.S)
    return [normal(html.unescape(re.sub(r"<[^>]+>", "", text))) for text in found]


@pytest.mark.browser
def test_every_question_the_built_book_shows_is_printed_once_as_a_question(pdfs, built_book):
    pages = pdfs["course.pdf"]
    text = " ".join(pages)
    # The appendix starts on the sheet headed with its title (the contents, now over two sheets, list it too).
    first = next(number for number, sheet in enumerate(pages) if sheet.startswith(normal(WORDS.pdf_answers)))
    answers_start = len(" ".join(pages[:first])) + 1
    assert first > 1 and text[answers_start:].startswith(normal(WORDS.pdf_answers))
    questions, answers = text[:answers_start], text[answers_start:]
    for page in sorted((built_book / "book" / "lessons").glob("*.html")):
        built = page.read_text(encoding="utf-8")
        for shown in _texts(built, "cc-prompt"):
            assert shown in questions and shown in answers, (page.name, shown)
        for explanation in _texts(built, "cc-explanation"):
            assert explanation in answers, (page.name, explanation)
    # Answers are not left open under their questions (how-to-use mentions the label once).
    assert questions.count("Answer and explanation") <= 1


@pytest.mark.browser
def test_the_contents_list_gives_the_sheet_each_page_starts_on(pdfs):
    pages = pdfs["course.pdf"]
    contents = _contents(pages)
    lesson_two = next(title for title in contents if title.startswith("Lesson 2:"))
    assert pages[contents[lesson_two] - 1].startswith(lesson_two)
    numbers = list(contents.values())
    assert numbers == sorted(numbers) and numbers[-1] <= len(pages)
    assert re.search(rf"(^| ){len(pages)}$", pages[-1])  # every sheet is numbered in its footer


@pytest.mark.browser
def test_the_facilitator_pack_has_plans_notes_handouts_and_answer_keys(pdfs):
    course = real_course()
    pack = " ".join(pdfs["facilitator-pack.pdf"])
    course_text = " ".join(pdfs["course.pdf"])
    for module in course.modules:
        assert normal(module.title) in pack
    for question in course.all_questions():
        if question.id.startswith("q-sa-"):
            continue  # the self-assessment pool is not in the answer keys
        assert normal(question.prompt) in pack, question.id
    assert "Facilitator guide" in pack and "Facilitator guide" not in course_text[:2000]


def test_learner_and_facilitator_pages_split_in_book_order():
    learner, _ = split_docnames(toc_docnames(COURSE_ROOT))
    _, facilitator = split_docnames(toc_docnames(COURSE_ROOT, pdf.FACILITATOR_TOC))
    assert learner[0] == "book/index" and all(not name.startswith("book/facilitator/") for name in learner)
    assert facilitator and all(name.startswith("book/facilitator/") for name in facilitator)
    lessons = [name for name in learner if name.startswith("book/lessons/")]
    assert lessons == sorted(lessons) and len(lessons) == len(real_course().lessons)


def test_pdf_needs_a_built_book(tmp_path: Path):
    done = _pdf_command("--html", str(tmp_path / "nothing"), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "build the book first" in done.stderr


def test_the_printed_self_assessment_is_its_first_attempt_not_its_whole_pool(tmp_path: Path):
    from compact_course.book.pdf_pages import printable_section
    from compact_course.learner.assessment import self_assessment

    course = real_course()
    page = tmp_path / "self-assessment.html"
    page.write_text(f"<html><body><main><h1>SA</h1>{self_assessment(course).to_html()}</main></body></html>", "utf-8")
    printed = printable_section(page, answers_apart=True)
    asked = [label for label, _ in printed.answers]
    assert len(asked) == len(course.assessment.fixed)
    printed_ids = set(re.findall(r'<form[^>]* id="sa-(q-sa-[a-z0-9-]+)"', printed.html))
    assert printed_ids == set(course.assessment.fixed)
    assert len(course.pool_questions()) > len(printed_ids)
