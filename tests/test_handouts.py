"""Handouts, answer keys and facilitator notes, and keeping the notes off learner pages.

Every check is driven by the data: each question of a module must be on its handout with
its options, and nothing that gives an answer away (explanations, option feedback, the
facilitator's good answers and misconceptions) may appear on a learner page.
"""

from __future__ import annotations

from html import escape

import nbformat
import pytest

from compact_course.book.pages import lesson as lesson_page
from compact_course.book.toc import facilitator_pages
from compact_course.core import models as m
from compact_course.facilitator import handouts
from compact_course.facilitator.handouts import choice_label
from helpers import COURSE_ROOT, course_with_questions, real_course


@pytest.fixture(scope="module")
def course():
    return real_course()


@pytest.fixture(scope="module")
def generated(course):
    return handouts.pages(course)


def forms(text: str) -> tuple[str, str]:
    """A text as it may appear on a page: raw (Markdown) or HTML-escaped."""
    return text, escape(text, quote=True)


def appears(text: str, page: str) -> bool:
    return any(form in page for form in forms(text))


def module_questions(course, module):
    return [q for lesson in module.lessons for q in course.quiz_for(lesson.id).questions]


def answer_texts(question: m.QuestionBase) -> list[str]:
    """Texts that give an answer away: explanation, feedback of every option or pair."""
    texts = [question.explanation]
    if isinstance(question, m.TrueFalse):
        texts += [question.feedback_true, question.feedback_false]
    elif isinstance(question, m.Matching):
        texts += [pair.feedback for pair in question.pairs]
    else:
        texts += [option.feedback for option in question.options]
    return texts


def facilitator_texts(course, lesson_id: str) -> list[str]:
    notes = course.notes_for(lesson_id)
    return [text for prompt in notes.discussion for text in prompt.good_answers] + list(notes.misconceptions)


def all_facilitator_texts(course) -> list[str]:
    return [text for lesson in course.lessons for text in facilitator_texts(course, lesson.id)]


def page_of(generated, kind: str, number: int) -> str:
    return generated[f"book/facilitator/{kind}-module-{number}.md"]


# --- Learner handouts -----------------------------------------------------------------------------


def test_every_module_has_a_handout_an_answer_key_and_notes(course, generated):
    for number in range(1, len(course.modules) + 1):
        for kind in ("handout", "answer-key", "notes"):
            assert f"book/facilitator/{kind}-module-{number}.md" in generated
    assert len(generated) == 3 * len(course.modules)


def test_handouts_contain_every_question_of_their_module_with_its_options(course, generated):
    for number, module in enumerate(course.modules, start=1):
        page = page_of(generated, "handout", number)
        for question in module_questions(course, module):
            assert f'id="handout-{question.id}"' in page
            assert escape(question.prompt) in page, question.id
            if isinstance(question, m.ScenarioQuestion):
                assert escape(question.scenario) in page
            if isinstance(question, m.Matching):
                for pair in question.pairs:
                    assert escape(pair.item) in page and escape(pair.match) in page
                for distractor in question.distractors:
                    assert escape(distractor) in page
            elif not isinstance(question, m.TrueFalse):
                for option in question.options:
                    assert escape(option.text) in page


def test_handouts_list_each_lesson_s_key_points_and_discussion_prompts(course, generated):
    for number, module in enumerate(course.modules, start=1):
        page = page_of(generated, "handout", number)
        for lesson in module.lessons:
            for text in lesson.key_points + tuple(p.prompt for p in lesson.discussion):
                assert escape(text) in page


def test_learner_handouts_give_no_answers_away(course, generated):
    for number, module in enumerate(course.modules, start=1):
        page = page_of(generated, "handout", number)
        for question in module_questions(course, module):
            for text in answer_texts(question):
                assert not appears(text, page), f"answer text of {question.id} on the Module {number} handout"
            if question.hint:
                assert not appears(question.hint, page)
        for text in all_facilitator_texts(course):
            assert not appears(text, page)
        assert "(correct)" not in page and "cc-answer" not in page


def test_handout_bodies_sit_in_the_print_styled_container(course, generated):
    for number, module in enumerate(course.modules, start=1):
        page = page_of(generated, "handout", number)
        for lesson in module.lessons:
            assert f'<div class="cc-handout" id="handout-{lesson.id}">' in page


def test_handouts_escape_question_text():
    nasty = m.SingleChoice(
        type="single",
        id="q-fixture-01",
        prompt='Is <script>alert("x")</script> & co escaped?',
        qa=("qa-who-is-the-compact-for",),
        options=(
            m.Option(text="<b>yes</b>", feedback="fb <i>one</i>", correct=True),
            m.Option(text="no", feedback="fb two"),
        ),
        explanation="Because <em>escaping</em>.",
    )
    course = course_with_questions([nasty])
    module = course.module_of("who-is-the-compact-for")
    handout = handouts.learner_handout(course, module)
    key = handouts.answer_key(course, module)
    for page in (handout, key):
        assert "<script>" not in page and "<b>yes</b>" not in page
        assert escape(nasty.prompt) in page
    assert escape("Because <em>escaping</em>.") in key and "<em>escaping</em>" not in key


# --- Answer keys ----------------------------------------------------------------------------------


def test_answer_keys_give_every_answer_and_explanation(course, generated):
    for number, module in enumerate(course.modules, start=1):
        page = page_of(generated, "answer-key", number)
        for question in module_questions(course, module):
            assert f'id="key-{question.id}"' in page
            assert escape(question.explanation) in page
            if isinstance(question, m.Matching):
                for pair in question.pairs:
                    assert escape(pair.match) in page and escape(pair.feedback) in page
            else:
                for choice in question.choices():
                    line = escape(choice_label(question, choice))  # lettered by display position
                    assert line in page
                    assert f"<strong>{line}</strong> ({'correct' if choice.correct else 'incorrect'})" in page


def test_question_labels_match_between_handout_and_answer_key(course, generated):
    for number, module in enumerate(course.modules, start=1):
        handout, key = page_of(generated, "handout", number), page_of(generated, "answer-key", number)
        for lesson in module.lessons:
            for index, question in enumerate(course.quiz_for(lesson.id).questions, start=1):
                label = (
                    f"<strong>Question {course.lesson_number(lesson.id)}.{index}.</strong> {escape(question.prompt)}"
                )
                assert label in handout and label in key


def test_answer_keys_mark_the_discussion_starters(course, generated):
    for number, module in enumerate(course.modules, start=1):
        page = page_of(generated, "answer-key", number)
        blocks = {block.split('"', 1)[0]: block for block in page.split('id="key-')[1:]}
        for lesson in module.lessons:
            sparks = set(course.notes_for(lesson.id).spark_questions)
            for question in course.quiz_for(lesson.id).questions:
                marked = "Discussion starter" in blocks[question.id]
                assert marked == (question.id in sparks), question.id


# --- Facilitator notes ----------------------------------------------------------------------------


def test_notes_pages_hold_every_note_of_their_module(course, generated):
    for number, module in enumerate(course.modules, start=1):
        page = page_of(generated, "notes", number)
        for lesson in module.lessons:
            notes = course.notes_for(lesson.id)
            for timing in notes.timings:
                assert f'<th scope="row">{escape(timing.activity)}</th><td>{timing.minutes}</td>' in page
            assert (
                f"<caption>Timings for lesson {course.lesson_number(lesson.id)} ({lesson.minutes} minutes)</caption>"
                in page
            )
            for text in facilitator_texts(course, lesson.id):
                assert escape(text) in page
            for question_id in notes.spark_questions:
                assert f'#key-{question_id}"' in page
                assert escape(course.question(question_id).prompt) in page


def test_facilitator_notes_are_absent_from_the_learner_view_of_every_lesson(course):
    secrets = all_facilitator_texts(course)
    assert secrets, "the course should have facilitator notes to keep apart"
    for lesson in course.lessons:
        page = lesson_page(lesson.id, course)
        rendered = "".join(
            [
                page.overview().html,
                page.qa().html if lesson.qa else page.sources().html,
                page.key_points().html,
                page.in_practice().html,
                page.further_reading().html if lesson.qa else "",
                page.discussion().html,
                page.quiz().to_html(),
                page.reflection().html,
            ]
        )
        for text in secrets:
            assert not appears(text, rendered), f"facilitator note shown on lesson {lesson.id}: {text[:60]}"


def test_lesson_notebooks_contain_no_facilitator_notes(course):
    secrets = all_facilitator_texts(course)
    notebooks = sorted((COURSE_ROOT / "book" / "lessons").glob("*.ipynb"))
    assert len(notebooks) == len(course.lessons)
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        texts = [cell.source for cell in notebook.cells]
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                texts += [str(value) for value in output.get("data", {}).values()]
                texts.append(str(output.get("text", "")))
        everything = "\n".join(texts)
        for text in secrets:
            assert not appears(text, everything), f"{path.name} shows a facilitator note: {text[:60]}"


def test_the_learner_view_check_would_catch_a_leak(course):
    # Guard against a vacuous test: the same needles are found on the notes pages.
    notes_pages = "".join(
        handouts.pages(course)[f"book/facilitator/notes-module-{n}.md"] for n in range(1, len(course.modules) + 1)
    )
    assert all(appears(text, notes_pages) for text in all_facilitator_texts(course))


# --- Generated files and the table of contents ----------------------------------------------------


def test_generated_pages_match_the_files_in_the_book(generated):
    for path, text in generated.items():
        target = COURSE_ROOT / path
        assert target.is_file(), f"{path} is missing: run `compact-course generate`"
        assert target.read_text(encoding="utf-8") == text, f"{path} has drifted: run `compact-course generate`"


def test_every_generated_facilitator_page_is_in_the_table_of_contents(generated):
    from compact_course.facilitator import ready_made

    docnames = {path.removesuffix(".md") for path in list(generated) + list(ready_made.pages(real_course()))}
    in_toc = facilitator_pages(real_course())
    assert docnames <= set(in_toc)
    assert in_toc[0] == "book/facilitator/index"
    assert "book/facilitator/room-poll" in in_toc
