"""Session packs (``compact-course pack``): what each item holds, and how it prints.

The content tests read the HTML the command writes. The print tests (marked ``browser`` and
``book``, so ``--fast`` leaves them out) print every item of the three ready-made plans' packs
in Chromium and read the PDFs with pypdf: one-page items are one page, every lesson starts a
page, and no question is split from its options.
"""

from __future__ import annotations

import io
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from compact_course.cli import main
from compact_course.core.escaping import e
from compact_course.facilitator import pack, pack_items, pack_pages, ready_made
from helpers import COURSE_ROOT, course_copy, edit, real_course

CHROMIUM = Path("/usr/bin/chromium")
TASTER = ("--lessons", "1,7", "--minutes", "60", "--polls", "1", "--start", "09:30")


class _Text(HTMLParser):
    """Visible text of a page (style contents left out)."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], False

    def handle_starttag(self, tag, attrs):
        self._skip = tag == "style"

    def handle_endtag(self, tag):
        self._skip = False

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def taster_pack(tmp_path_factory):
    out = tmp_path_factory.mktemp("pack")
    assert main(["pack", *TASTER, "--out", str(out)]) == 0
    return {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()}


def plan_lessons(course, args=TASTER):
    return [course.lesson(lesson_id) for lesson_id in ("who-is-the-compact-for", "commissioning-and-decommissioning")]


def test_pack_writes_every_item_for_exactly_the_plans_lessons(taster_pack):
    course = real_course()
    assert sorted(taster_pack) == sorted(["index.html"] + [f"{name}.html" for name, _ in pack.ITEMS])
    other = [lesson for lesson in course.lessons if lesson not in plan_lessons(course)]
    for name in ("handout.html", "crib.html", "evaluation.html"):
        text = text_of(taster_pack[name])
        for lesson in plan_lessons(course):
            assert lesson.title in text, (name, lesson.id)
        for lesson in other:
            assert f"Lesson {course.lesson_number(lesson.id)}: " not in text, (name, lesson.id)


def test_the_handout_has_scenarios_prompts_and_questions_but_no_answers(taster_pack):
    course = real_course()
    html, text = taster_pack["handout.html"], text_of(taster_pack["handout.html"])
    for lesson in plan_lessons(course):
        assert lesson.in_practice.scenario in text and lesson.in_practice.takeaway not in text
        for prompt in lesson.discussion:
            assert prompt.prompt in text
        for question in course.quiz_for(lesson.id).questions:
            assert question.prompt in text and question.explanation not in text
            for choice in question.choices():
                assert not choice.feedback or choice.feedback not in text
    notes = course.notes_for(plan_lessons(course)[0].id)
    assert notes.misconceptions[0] not in text
    assert html.count('class="cc-question"') == sum(len(course.quiz_for(l.id).questions) for l in plan_lessons(course))
    assert 'class="cc-write' in html


def test_options_keep_the_display_order_and_the_answer_list_letters_them_so(taster_pack):
    course = real_course()
    text = text_of(taster_pack["answers.html"])
    for lesson in plan_lessons(course):
        for index, question in enumerate(course.quiz_for(lesson.id).questions, start=1):
            label = f"Question {course.lesson_number(lesson.id)}.{index}"
            assert f"{label} {pack_items.answer_letters(question)}" in text
            if not hasattr(question, "pairs"):
                choices = question.choices()
                block = re.search(rf'id="q-{question.id}".*?</div>', taster_pack["handout.html"], re.S).group(0)
                shown = re.findall(r'cc-letter">([A-Z])</span> (.*?)</li>', block)
                assert [letter for letter, _ in shown] == [pack_items.letter(i) for i in range(len(choices))]
                if question.type != "true-false":
                    assert [t for _, t in shown] == [e(c.text) for c in choices]


def test_the_crib_holds_timings_good_answers_misconceptions_and_suggestions(taster_pack):
    course = real_course()
    text = text_of(taster_pack["crib.html"])
    for lesson in plan_lessons(course):
        notes = course.notes_for(lesson.id)
        assert lesson.in_practice.takeaway in text
        for timing in notes.timings:
            assert timing.activity in text
        for item in notes.discussion:
            assert item.good_answers[0] in text
        for misconception in notes.misconceptions:
            assert misconception in text


def test_the_evaluation_asks_confidence_before_and_after_for_each_objective(taster_pack):
    course = real_course()
    html = taster_pack["evaluation.html"]
    form = course.plans.pack.evaluation
    objectives = [o for lesson in plan_lessons(course) for o in lesson.objectives]
    for objective in objectives:
        assert e(objective) in html
    assert html.count('class="cc-scale-point"') == 2 * len(form.scale) * len(objectives)
    for question in form.questions:
        assert e(question) in html


def test_voting_cards_have_a_to_d_at_least(taster_pack):
    assert re.findall(r'cc-card-letter">([A-Z])<', taster_pack["cards.html"])[:4] == ["A", "B", "C", "D"]


def test_pack_pages_are_self_contained_and_print_links_as_their_titles(taster_pack):
    for name, html in taster_pack.items():
        # A link prints as its words (a lesson's title), never as a relative path.
        assert "<style>" in html and "attr(href)" not in html, name
        assert not re.search(r'(src|href)="(https?:)?//', html), name
        assert "<script" not in html and '<link rel="stylesheet"' not in html, name


def test_the_cover_says_what_to_copy_participants_set_first_then_the_facilitator_s(taster_pack):
    course = real_course()
    texts = course.plans.pack
    cover = taster_pack["cover.html"]
    participants, facilitator = re.findall(r'<table class="cc-pack-copies">(.*?)</table>', cover)
    assert e(texts.cover.participants) in participants and e(texts.cover.facilitator) in facilitator
    copies = 12  # the taster's group (TASTER has no --participants: the plans' default)
    for name in ("handout", "agenda", "evaluation", "cards"):
        assert (
            f'<th scope="row">{e(getattr(texts, name).title)}</th><td data-copies="participants">{copies}</td>'
            in participants
        ), name
    for name in ("crib", "answers", "attendance", "tally"):
        assert (
            f'<th scope="row">{e(getattr(texts, name).title)}</th><td data-copies="facilitator">1</td>' in facilitator
        ), name
    names = [name for name, _ in pack.ITEMS]
    assert names[0] == "cover" and max(map(names.index, ("handout", "agenda", "evaluation", "cards"))) < min(
        map(names.index, ("crib", "answers", "attendance", "tally"))
    )


def test_only_the_book_s_pack_which_prints_as_one_document_has_page_ranges_to_fill(taster_pack):
    # `compact-course pack` writes a file an item, so page ranges would mean nothing there.
    assert "data-pages" not in taster_pack["cover.html"] and "data-set-pages" not in taster_pack["cover.html"]
    course = real_course()
    texts = course.plans.pack
    page = pack_pages.pack_page(course, ready_made.ready_made_plans(course)[0])
    names = [name for _, names in pack.SETS for name in names]
    assert re.findall(r'data-pages="([a-z]+)">', page) == names
    assert page.count(f'<th scope="col">{e(texts.cover.pages)}</th>') == 2
    assert re.findall(r'data-set-pages="([a-z]+)" hidden>', page) == ["participants", "facilitator"]


def test_the_attendance_sheet_and_the_evaluation_tally(taster_pack):
    course = real_course()
    attendance = taster_pack["attendance.html"]
    assert len(re.findall(r'<tr><th scope="row">\d+</th>', attendance)) == 12 + 2
    for label in ("name", "organisation", "signature"):
        assert e(getattr(course.plans.pack.attendance, label)) in attendance
    tally = taster_pack["tally.html"]
    scale = len(course.plans.pack.evaluation.scale)
    objectives = [o for lesson in plan_lessons(course) for o in lesson.objectives]
    rows = re.findall(r'<tr data-lesson="[^"]+"><th scope="row">([^<]*)</th>((?:<td></td>)*)</tr>', tally)
    assert [row[0] for row in rows] == [e(o) for o in objectives]
    assert {row[1].count("<td>") for row in rows} == {2 * scale}
    assert e(course.plans.pack.tally.returned) in tally


def test_pack_text_is_escaped_and_comes_from_the_data(tmp_path):
    root = course_copy(tmp_path)
    edit(root, "data/plans.yaml", 'title: "Answer list"', 'title: "Answers <b>& keys</b>"')
    out = tmp_path / "out"
    assert main(["--root", str(root), "pack", *TASTER, "--out", str(out)]) == 0
    html = (out / "answers.html").read_text(encoding="utf-8")
    assert "Answers &lt;b&gt;&amp; keys&lt;/b&gt;" in html and "<b>&" not in html


def test_pack_takes_the_plan_options_and_refuses_what_does_not_fit(tmp_path, capsys):
    status = main(["pack", "--lessons", "1,7,11", "--minutes", "60", "--out", str(tmp_path / "x")])
    assert status == 1 and "To fit, drop" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
    assert main(["pack", "--lessons", "1,7,11", "--minutes", "60", "--fit", "--out", str(tmp_path / "y")]) == 0
    assert "Left out to fit the time" in (tmp_path / "y" / "agenda.html").read_text(encoding="utf-8")


def test_the_ready_made_packs_are_book_pages_that_match_the_generator():
    course = real_course()
    pages = pack_pages.pages(course)
    assert sorted(pages) == sorted(f"book/facilitator/packs/{r.slug}.md" for r in ready_made.ready_made_plans(course))
    for path, text in pages.items():
        assert (COURSE_ROOT / path).read_text(encoding="utf-8") == text, f"{path}: run `compact-course generate`"
    toc = (COURSE_ROOT / "_toc-facilitator.yml").read_text(encoding="utf-8")  # packs are facilitator pages
    for docname in pack_pages.pack_docnames(course):
        assert f"file: {docname}\n" in toc


# --- Printing in Chromium -------------------------------------------------------------------------


def _pdf_pages(page, path: Path) -> list[str]:
    from pypdf import PdfReader

    page.goto(path.as_uri())
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    return [_squash(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def _squash(text: str) -> str:
    # Letters and digits only: PDF text extraction may change quotes, dashes, ligatures and spaces.
    return re.sub(r"[^A-Za-z0-9]", "", unicodedata.normalize("NFKC", text))


def _page_of(pages: list[str], snippet: str) -> int:
    found = [i for i, text in enumerate(pages) if _squash(snippet) in text]
    assert found, snippet
    return found[0]


@pytest.fixture
def printer(browser):
    # The session's Chromium (it fails in CI, and skips elsewhere, when Chromium is missing).
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.browser
@pytest.mark.book
@pytest.mark.parametrize("slug", ["plan-taster", "plan-half-day", "plan-full-day"])
def test_ready_made_packs_print_with_the_print_rules(printer, tmp_path, slug):
    course = real_course()
    ready = next(r for r in ready_made.ready_made_plans(course) if r.slug == slug)
    plan, dropped = ready_made.ready_made_fit(course, ready)
    pack.write_pack(course, plan, tmp_path, dropped)
    assert len(_pdf_pages(printer, tmp_path / "answers.html")) == 1
    assert len(_pdf_pages(printer, tmp_path / "agenda.html")) == 1
    assert len(_pdf_pages(printer, tmp_path / "cards.html")) == pack_items.polled_letters(course, plan)
    handout = _pdf_pages(printer, tmp_path / "handout.html")
    previous_last = -1
    for slot in pack_items.lesson_slots(plan):
        lesson = slot.lesson
        start = _page_of(handout, f"Lesson {slot.lesson_number}: {lesson.title}")
        assert start > previous_last, f"lesson {slot.lesson_number} does not start a new page"
        for label, question in pack_items.numbered_questions(course, lesson):
            first = _page_of(handout, f"{label}.")
            last_option = question.choices()[-1].text if question.type != "true-false" else "False"
            words = " ".join(last_option.split()[:4])
            assert first in [i for i, text in enumerate(handout) if _squash(words) in text], (
                f"{label} is split from its last option"
            )
            previous_last = max(previous_last, first)


@pytest.mark.browser
@pytest.mark.book
def test_the_book_s_pack_page_prints_every_title_whole_words_and_no_paths(facilitator_page):
    # Issue 27: the theme's rule that hides a page's first h1 took every item's title; links
    # printed as relative paths; the crib's table broke words in the middle.
    page = facilitator_page
    page.goto("book/facilitator/packs/plan-taster.html")
    page.emulate_media(media="print")
    titles = page.locator(".cc-pack h1")
    assert titles.count() >= 8
    assert titles.evaluate_all("hs => hs.filter(h => getComputedStyle(h).display === 'none').length") == 0
    after = page.locator(".cc-pack a[href]").evaluate_all(
        "links => links.map(a => getComputedStyle(a, '::after').content).filter(c => c !== 'none' && c !== 'normal')"
    )
    assert after == []
    wraps = page.locator(".cc-pack td, .cc-pack th").evaluate_all(
        "cells => [...new Set(cells.map(c => getComputedStyle(c).overflowWrap + ' ' + getComputedStyle(c).wordBreak))]"
    )
    assert wraps == ["break-word normal"]
    text = " ".join(_pdf_text(page))
    assert "../../lessons/" not in text and ".html" not in text
    order = [page.locator(f"#{name} h1").first.inner_text() for name in ("cover", "handout", "crib")]
    assert all(order)


def _pdf_text(page) -> list[str]:
    from pypdf import PdfReader

    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.browser
@pytest.mark.book
@pytest.mark.parametrize("slug", ["plan-taster", "plan-half-day"])
def test_the_printed_pack_has_no_near_empty_pages(facilitator_page, slug):
    # A page that starts no item (a voting card is one letter by design) carries a real amount
    # of text: no spill-over of one line, and no title left alone above a table moved on.
    page = facilitator_page
    page.goto(f"book/facilitator/packs/{slug}.html")
    titles = [_squash(t) for t in page.locator(".cc-pack h1").all_inner_texts()]
    printed = [_squash(text) for text in _pdf_text(page)]
    starts = [i for i, text in enumerate(printed) if any(text.startswith(t) for t in titles)]
    cards = [i for i, text in enumerate(printed) if re.fullmatch(r"[A-Z]", text)]
    short = [i for i, text in enumerate(printed) if i not in starts and i not in cards and len(text) < 300]
    assert short == [], [printed[i][:80] for i in short]
    thin_starts = [i for i in starts if len(printed[i]) < 60]  # a title with nothing under it
    assert thin_starts == [], [printed[i][:80] for i in thin_starts]
