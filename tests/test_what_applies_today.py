"""Issue 24 item 1: the module "What applies today", whose lessons teach public sources, not a Q&A entry.

A source-based lesson has no ``qa`` and shows no "Compact Voice's answer" block; it lists its
dated sources and says it is the course's own summary, not legal advice. Its questions cite
``sources:``, and their "read more" link goes to that list.
"""

from __future__ import annotations

import re

import pytest

from compact_course.book.notebooks import lesson_skeleton
from compact_course.book.pages import lesson
from compact_course.book.presenter import lesson_slides
from compact_course.core import models as m
from compact_course.core.course import cached_course
from compact_course.core.links import SOURCES_ANCHOR, source_link
from compact_course.quiz.placement import lesson_of_question
from helpers import edit, find_problem, fixture_copy, line_of, load_problems

MODULE = "m5-what-applies-today"
LS = "data/lessons.yaml"
LESSONS = ("changing-or-ending-funding", "buying-services-today", "the-covenant-in-practice")


@pytest.fixture(scope="module")
def course():
    return cached_course()


def test_the_module_follows_the_four_qa_modules_with_lessons_20_to_22(course):
    assert [module.id for module in course.modules][-1] == MODULE
    assert course.module(MODULE).title == "What applies today"
    assert tuple(lesson_.id for lesson_ in course.module(MODULE).lessons) == LESSONS
    assert [course.lesson_number(lid) for lid in LESSONS] == [20, 21, 22]
    for lid in LESSONS:
        assert course.lesson(lid).qa is None and course.lesson(lid).sources


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_a_source_lesson_shows_its_dated_sources_and_no_quoted_answer(course, lesson_id):
    page = lesson(lesson_id, course)
    html = page.sources().html
    assert "not legal advice" in html and "own summary" in html
    assert f'id="{SOURCES_ANCHOR}"' in html
    for source_id in course.lesson(lesson_id).sources:
        source = course.source(source_id)
        assert source.title.replace("'", "&#x27;") in html or source.title in html
        when = source.date or source.year or source.archived
        assert when is not None, f"{source_id} has no date"
        assert str(when) in html
    with pytest.raises(LookupError, match="teaches sources"):
        page.qa()
    assert "not legal advice" in " ".join(course.lesson(lesson_id).key_points)


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_a_source_lesson_skeleton_has_the_sources_cell_not_the_qa(course, lesson_id):
    cells = lesson_skeleton(course, lesson_id, "Intro.").cells
    sources = [cell.source for cell in cells]
    assert f"## {course.interface.notebook.sources_heading}" in sources and "page.sources()" in sources
    assert "page.qa()" not in sources and "page.further_reading()" not in sources
    assert sources[-1] == "page.today()"


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_a_source_lesson_has_a_scenario_prompts_today_box_and_five_applied_questions(course, lesson_id):
    lesson_ = course.lesson(lesson_id)
    assert re.search(r"council|integrated care board|ICB|police and crime commissioner", lesson_.in_practice.scenario)
    assert len(lesson_.discussion) >= 2 and lesson_.today is not None and lesson_.objectives
    questions = course.quiz_for(lesson_id).questions
    assert len([q for q in questions if q.level in ("apply", "analyse")]) >= 5
    for question in questions:
        assert question.level is not None and question.sources
        for option in getattr(question, "options", ()):
            assert option.correct or option.misconception, f"{question.id}: wrong option without a misconception"
        if isinstance(question, m.TrueFalse):
            assert question.misconception


def test_the_reveal_and_the_presenter_say_what_the_sources_suggest(course):
    html = lesson(LESSONS[0], course).in_practice().html
    assert "What the sources suggest" in html and "What the Compact suggests" not in html
    slides = lesson_slides(course, LESSONS[0])["slides"]
    assert [s["heading"] for s in slides if s["kind"] == "suggestion"] == ["What the sources suggest"]
    # A Q&A lesson keeps the Compact's suggestion.
    assert "What the Compact suggests" in lesson("who-is-the-compact-for", course).in_practice().html


def test_a_question_citing_only_sources_links_to_its_lesson_s_source_list(course):
    question = next(q for q in course.pool_questions(MODULE) if not q.qa)
    href, label = source_link(course, question, "book/self-assessment")
    owner = lesson_of_question(course, question)
    assert owner.id in LESSONS and question.sources[0] in owner.sources
    assert href == f"lessons/{course.lesson_number(owner.id):02d}-{owner.id}.html#{SOURCES_ANCHOR}"
    assert label == f"Lesson {course.lesson_number(owner.id)}: {owner.title}"


def test_a_lesson_teaching_nothing_is_a_located_error(tmp_path):
    root = fixture_copy(tmp_path)
    line = line_of(root, LS, "qa: qa-alpha")
    edit(root, LS, "qa: qa-alpha", "sources: []")
    problems, _ = load_problems(root)
    assert any(p.file == LS and "teaches nothing" in p.message and abs(p.line - line) <= 2 for p in problems)


def test_a_lesson_citing_an_unknown_source_is_a_located_error(tmp_path):
    root = fixture_copy(tmp_path)
    line = edit(root, LS, "qa: qa-alpha", "qa: qa-alpha\n        sources: [no-such-source]")
    problems, _ = load_problems(root)
    find_problem(problems, LS, line + 1, "modules[0].lessons[0].sources[0]", "unknown source 'no-such-source'")
