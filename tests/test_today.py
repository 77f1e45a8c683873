"""Issue 13: every lesson ends with a Today box from data, and lesson 7's source row is labelled a heading.

The Today box (``page.today()``, the last cell of every lesson skeleton) shows the lesson's
``today`` note from data/lessons.yaml, cites its sources and links to the Compact today page.
That every lesson has a note of one or two sentences citing known sources is a ``check`` rule
(core/rules/today.py), tested in test_check_rules.py.
The Q&A row label comes from data (``question_label``), not from a sentence fixed in code.
"""

from __future__ import annotations

import pytest

from compact_course.book.notebooks import lesson_skeleton
from compact_course.book.pages import lesson
from compact_course.core.course import cached_course

LESSON_IDS = [lesson_.id for lesson_ in cached_course().lessons]


@pytest.fixture(scope="module")
def course():
    return cached_course()


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_the_today_box_shows_the_note_its_sources_and_links_to_the_compact_today_page(course, lesson_id):
    page = lesson(lesson_id, course)
    html = page.today().html
    today = course.lesson(lesson_id).today
    assert 'class="cc-block cc-today"' in html
    # Lesson pages live in book/lessons/, the Compact today page one folder up.
    assert 'href="../compact-today.html"' in html
    # Links besides glossary terms (issue 24 item 3): the sources and the Compact today page.
    assert html.count("<a ") - html.count('<a class="cc-term"') == 1 + sum(
        1 for s in today.sources if course.source(s).url
    )
    for source_id in today.sources:
        source = course.source(source_id)
        if source.url:
            assert f'href="{source.url.replace("&", "&amp;")}"' in html
    assert page.today().text == f"Today: {today.text}"


def test_the_today_box_escapes_its_text(course):
    lesson_id = LESSON_IDS[0]
    page = lesson(lesson_id, course)
    page.lesson = page.lesson.model_copy(
        update={"today": page.lesson.today.model_copy(update={"text": "<b>bold</b> & more", "sources": ()})}
    )
    html = page.today().html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html
    assert "Sources:" not in html  # no sources, no empty sources line


def test_a_lesson_without_a_today_note_is_an_error_not_an_empty_box(course):
    page = lesson(LESSON_IDS[0], course)
    page.lesson = page.lesson.model_copy(update={"today": None})
    with pytest.raises(LookupError, match="no 'today' note"):
        page.today()


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_every_lesson_skeleton_ends_with_the_today_box(course, lesson_id):
    cells = lesson_skeleton(course, lesson_id, "Intro.").cells
    assert cells[-1].cell_type == "code" and cells[-1].source == "page.today()"
    assert cells[-1].metadata["tags"] == ["remove-input"]


def test_lesson_7_labels_its_source_row_as_a_heading_not_a_question(course):
    lesson_7 = course.lessons[6]
    entry = course.qa_entry(lesson_7.qa)
    assert entry.question_label and "headed" in entry.question_label  # a topic as headed, not a question
    html = lesson(lesson_7.id, course).qa().html
    assert course.interface.lesson.question_label not in html
    assert f"<strong>{entry.question_label}:</strong>" in html
    headings = [c.source for c in lesson_skeleton(course, lesson_7.id, "Intro.").cells if c.cell_type == "markdown"]
    assert f"## {entry.question_label}" in headings
    assert "## The question as it was asked" not in headings


def test_other_lessons_keep_the_question_as_it_was_asked(course):
    for lesson_ in course.lessons:
        if lesson_.qa and course.qa_entry(lesson_.qa).question_label is None:
            assert f"<strong>{course.interface.lesson.question_label}:</strong>" in lesson(lesson_.id, course).qa().html


def test_the_source_s_slips_are_quoted_with_sic(course):
    sanctions = " ".join(p.text for p in course.qa_entry("qa-sanctions-for-breaches").answer)
    assert "this this [sic] is followed" in sanctions
    titles = [x.title for x in course.qa_entry("qa-commissioning-and-decommissioning").examples]
    assert any(t.endswith("negotiating contacts [sic]") for t in titles)
