"""The plain-English check and reading times (``compact-course readability``, issue 19 items 1 and 2).

The page text is what a learner reads (built from data through the page renderers), with
Compact Voice's quoted words left out of the figures but counted in reading time.
"""

from __future__ import annotations

import pytest

from compact_course.book import readability as r
from compact_course.book.page_text import html_units, lesson_units, markdown_units
from compact_course.cli import main
from helpers import real_course


@pytest.fixture(scope="module")
def course():
    return real_course()


def test_sentences_split_at_full_stops_but_not_inside_abbreviations():
    text = "Sign up. A colleague says no, e.g. Bob disagrees. Does it matter? “Yes.” Then stop"
    assert r.sentences(text) == [
        "Sign up.",
        "A colleague says no, e.g. Bob disagrees.",
        "Does it matter?",
        "“Yes.”",
        "Then stop",
    ]


def test_longer_words_and_sentences_raise_the_grade():
    plain = "The Compact is a deal. Both sides keep to it. It is not the law."
    hard = (
        "The Compact constitutes an intergovernmental undertaking, establishing comprehensive "
        "expectations regarding consultation, commissioning and organisational independence."
    )
    assert r.fk_grade(plain) < 3 < 12 < r.fk_grade(hard)


def test_quotations_are_left_out_of_the_prose_but_read(course):
    lesson = course.lessons[1]
    units = lesson_units(course, lesson.id)
    prose = " ".join(unit.text for unit in units if unit.kind in r.PROSE_KINDS)
    quoted = " ".join(unit.text for unit in units if unit.kind == "quote")
    for point in course.qa_entry(lesson.qa).answer:
        assert " ".join(point.text.split()) in quoted
        assert " ".join(point.text.split()) not in prose
    for key_point in lesson.key_points:
        assert any(unit.kind == "own" and unit.text == key_point for unit in units)


def test_labels_and_controls_are_not_prose():
    html = (
        '<section class="cc-quiz"><legend><span class="cc-number">Question 1 of 2</span> '
        '<span class="cc-prompt">Who signs?</span></legend><select><option>Choose a match</option></select>'
        '<div class="cc-options"><label>True</label></div><button>Check answer</button>'
        '<script type="application/json">{"a": 1}</script></section>'
    )
    assert [(unit.text, unit.kind) for unit in html_units(html)] == [("Who signs?", "quiz")]


def test_markdown_roles_links_and_directives_become_plain_text():
    units = markdown_units(
        "## Key points\n\nRead the {term}`local Compact <local-compact>` and [the guide](x.html).\n\n"
        "```{note}\n:class: tip\nKeep it **short**.\n```\n- one item\n- two item\n"
    )
    assert [(unit.text, unit.kind) for unit in units] == [
        ("Key points", "heading"),
        ("Read the local Compact and the guide.", "own"),
        ("Keep it short.", "own"),
        ("one item", "own"),
        ("two item", "own"),
    ]


def _figures(grade: float, long_sentences: int = 0, sentences: int = 100, words: int = 2000, minutes: int = 15):
    return r.PageFigures(
        lesson_id=f"lesson-{grade}",
        title="A lesson",
        median_grade=grade,
        sentences=tuple(f"Sentence {n}." for n in range(sentences)),
        long_sentences=long_sentences,
        own_words=words,
        reading_words=words,
        questions=5,
        stated_minutes=minutes,
    )


def test_the_check_fails_on_each_target_separately():
    assert r.CourseFigures((_figures(7.0), _figures(8.0), _figures(7.5))).failures() == []
    assert "median" in r.CourseFigures((_figures(8.5), _figures(8.2), _figures(7.0))).failures()[0]
    assert r.CourseFigures((_figures(7.0), _figures(10.4), _figures(7.0))).failures() == [
        "lesson-10.4: grade 10.4 is over 10"
    ]
    too_long = r.CourseFigures((_figures(7.0, long_sentences=6), _figures(7.0, long_sentences=5)))
    assert too_long.failures() == ["5.5% of sentences run past 25 words (at most 5%)"]


def test_reading_time_warns_when_it_is_out_by_more_than_half():
    # 2000 words at 200 a minute plus 5 questions: about 15 minutes.
    assert r.CourseFigures((_figures(7.0, words=2000, minutes=15),)).timing_warnings() == []
    assert r.CourseFigures((_figures(7.0, words=2000, minutes=25),)).timing_warnings() == []
    (warning,) = r.CourseFigures((_figures(7.0, words=200, minutes=15),)).timing_warnings()
    assert warning.startswith("lesson-7.0: states 15 minutes") and warning.endswith("about 6")


def test_the_command_reports_every_lesson_and_warns_without_failing(course, capsys, monkeypatch):
    good = r.CourseFigures((_figures(7.0, words=100),))
    monkeypatch.setattr(r, "course_figures", lambda loaded: good)
    assert main(["readability", "--check"]) == 0
    out, err = capsys.readouterr()
    assert "lesson-7.0: grade 7.0" in out and "warning: reading time: lesson-7.0" in err

    bad = r.CourseFigures((_figures(11.0),))
    monkeypatch.setattr(r, "course_figures", lambda loaded: bad)
    assert main(["readability"]) == 0  # a report only
    assert main(["readability", "--check"]) == 1
    assert "FAIL: lesson-11.0: grade 11.0 is over 10" in capsys.readouterr().err


def test_real_figures_cover_every_lesson_page(course):
    figures = r.course_figures(course)
    assert [page.lesson_id for page in figures.pages] == [lesson.id for lesson in course.lessons]
    for page in figures.pages:
        assert page.sentences and 0 < page.median_grade < 20
        assert page.reading_words > 0 and page.questions > 0
        assert all(len(r.words(s)) <= len(r.words(page.longest(1)[0])) for s in page.sentences)
