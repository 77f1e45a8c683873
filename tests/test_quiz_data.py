"""The data contract between Python and the quiz script (compact_course.quiz.data): one data
block per quiz, read by the script, the SCORM indexer and the PDF step instead of the markup."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from compact_course.book.pdf_pages import _print_matching, _quiz_data, _take_answers
from compact_course.core import models as m
from compact_course.export.scorm_files import question_index
from compact_course.learner.assessment import self_assessment
from compact_course.quiz.data import course_manifest, question_data, quiz_data
from compact_course.quiz.html import render_quiz_html
from helpers import real_course

FIXTURES = Path(__file__).parent / "js" / "fixtures"


@pytest.fixture
def course():
    return real_course()


def data_block(html: str) -> dict:
    soup = BeautifulSoup(html, "html.parser")
    blocks = soup.select("script.cc-quiz-data")
    assert len(blocks) == 1 and blocks[0]["type"] == "application/json"
    return json.loads(blocks[0].get_text())


def test_each_question_ships_its_ids_type_options_in_display_order_keys_and_feedback(course):
    for question in course.all_questions():
        data = question_data(course, question, None)
        assert (data["id"], data["type"]) == (question.id, question.type)  # type: ignore[attr-defined]
        assert [c["key"] for c in data["choices"]] == [c.key for c in question.choices()]
        assert [c["text"] for c in data["choices"]] == [c.text for c in question.choices()]
        assert [c["correct"] for c in data["choices"]] == [c.correct for c in question.choices()]
        assert [c["feedback"] for c in data["choices"]] == [c.feedback for c in question.choices()]
        if isinstance(question, m.Matching):
            assert [(i["key"], i["answer"]) for i in data["items"]] == [(i.key, i.answer) for i in question.items()]
        assert data["explanation"] == question.explanation and data["hint"] == question.hint


def test_the_static_html_carries_one_data_block_written_by_quiz_data(course):
    lesson = course.lessons[6]
    bank = course.quiz_for(lesson.id)
    doc = course.lesson_docname(lesson.id)
    shipped = data_block(render_quiz_html(course, bank, doc))
    assert shipped == json.loads(json.dumps(quiz_data(course, bank.questions, bank.quiz.id, doc)))
    exam = data_block(self_assessment(course).to_html())
    assert (exam["mode"], exam["store"], exam["quiz"]) == ("exam", "assessment", "self-assessment")


def test_the_form_markup_no_longer_carries_what_the_data_holds(course):
    html = render_quiz_html(course, course.quiz_for(course.lessons[0].id))
    assert "data-fp=" not in html


def test_the_pass_mark_comes_from_the_assessment_data_before_the_attempt(course):
    mastery = course.assessment.mastery_score
    assert course_manifest(course)["mastery"] == mastery
    intro = BeautifulSoup(self_assessment(course).to_html(), "html.parser").select_one(".cc-quiz-intro").get_text()
    assert f"{mastery}%" in intro
    lesson_intro = render_quiz_html(course, course.quiz_for(course.lessons[0].id))
    assert f"{mastery}%" not in lesson_intro


def test_the_scorm_index_reads_the_data_block_not_the_controls(course):
    bank = course.quiz_for(course.lessons[0].id)
    html = render_quiz_html(course, bank)
    # Controls that disagree with the data: the index must follow the data.
    tampered = html.replace('value="a"', 'value="zz"')
    index = question_index({"book/page.html": tampered.encode("utf-8")})
    keys = [slot[0] for slot in index["slots"]]
    assert keys == sorted(f"lesson:{q.id}" for q in bank.questions)
    by_key = {slot[0]: slot for slot in index["slots"]}
    for question in bank.questions:
        slot = by_key[f"lesson:{question.id}"]
        assert slot[2] == question.type  # type: ignore[attr-defined]
        assert slot[3] == [c.key for c in question.choices()]
    sa_index = question_index({"book/sa.html": self_assessment(course).to_html().encode("utf-8")})
    assert sa_index["exams"] == [["self-assessment", "assessment"]]
    # every pool question has a slot, so any attempt's set is saved, resumed and scored in a platform
    assert [slot[0] for slot in sa_index["slots"]] == sorted(f"assessment:{q.id}" for q in course.pool_questions())


def test_the_self_assessment_holds_the_pool_and_shows_only_its_first_attempt_without_the_script(course):
    soup = BeautifulSoup(self_assessment(course).to_html(), "html.parser")
    section = soup.select_one("section.cc-quiz")
    draw = course.assessment.draw
    assert (section["data-draw-seed"], section["data-draw-per-module"]) == (str(draw.seed), str(draw.per_module))
    forms = section.select("form.cc-question")
    shown = [f["data-question"] for f in forms if not f.has_attr("hidden")]
    assert shown == list(course.assessment.fixed)  # first, in the data's order
    assert sorted(f["data-question"] for f in forms) == sorted(q.id for q in course.pool_questions())
    assert [q["id"] for q in data_block(str(section))["questions"]] == [f["data-question"] for f in forms]
    assert section.select_one(".cc-quiz-intro").get_text().startswith(f"{len(shown)} questions.")


def test_the_pdf_lists_a_matching_questions_choices_from_the_data(course):
    question = next(q for q in course.all_questions() if isinstance(q, m.Matching))
    bank = course.bank_of_question(question.id)
    html = render_quiz_html(course, bank).replace("<option value=", '<option title="x" value=')
    soup = BeautifulSoup(f"<article>{html}</article>", "html.parser")
    for option in soup.select("option"):
        option.string = "markup text"  # what the PDF must not read
    article = soup.article
    _print_matching(soup, article, _quiz_data(article))
    printed = [li.get_text() for li in article.select("ol.cc-pdf-choices li")]
    assert printed == [c.text for c in question.choices()]


def test_the_pdf_answers_repeat_a_prompt_with_a_glossary_link_as_it_reads(course):
    # A term linked inside a prompt (the lesson pages' glossary links) adds no space before the punctuation.
    bank = course.quiz_for(course.lessons[0].id)
    html = render_quiz_html(course, bank)
    soup = BeautifulSoup(f"<article>{html}</article>", "html.parser")
    prompt = soup.select_one(".cc-prompt")
    assert prompt is not None
    prompt.clear()
    prompt.append("Who keeps the ")
    link = soup.new_tag("a", attrs={"class": "cc-term", "href": "../glossary.html#term-x"})
    link.string = "local Compact"
    prompt.append(link)
    prompt.append(", and who signs it?")
    answers = _take_answers(soup.article, "Lesson 1")
    assert len(answers) == len(bank.questions)
    shown = BeautifulSoup(answers[0][1], "html.parser").select_one("p.cc-pdf-prompt")
    assert shown is not None and shown.get_text() == "Who keeps the local Compact, and who signs it?"


def test_the_node_tests_course_data_is_fresh():
    sys.path.insert(0, str(FIXTURES))
    try:
        from make_course_data import course_data
    finally:
        sys.path.remove(str(FIXTURES))
    stored = json.loads((FIXTURES / "course_data.json").read_text(encoding="utf-8"))
    assert stored == json.loads(json.dumps(course_data())), "run tests/js/fixtures/make_course_data.py"
