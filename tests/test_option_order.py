"""Option order: derived from the question id, spread evenly, and the same in every rendering."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from compact_course import cached_course
from compact_course.core import models as m
from compact_course.core.option_order import arrange_shuffled, arrange_single_answer, key_position
from compact_course.export.moodle_xml import question_element
from compact_course.export.qti import item_xml
from compact_course.facilitator.handouts import question_html
from compact_course.facilitator.poll_questions import poll_options
from compact_course.quiz.data import question_data
from compact_course.quiz.html import render_question_html

MAX_POSITION_SHARE = 0.35
CHOICE_TYPES = (m.SingleChoice, m.ScenarioQuestion, m.MultipleSelect)


def _choice_questions() -> list[m.QuestionBase]:
    return [q for q in cached_course().all_questions() if isinstance(q, CHOICE_TYPES)]


def _keys(choices) -> list[str]:
    return [choice.key for choice in choices]


def test_order_is_a_repeatable_permutation_of_the_bank():
    for question in _choice_questions():
        shown = _keys(question.choices())
        assert shown == _keys(question.choices())
        assert sorted(shown) == [chr(ord("a") + i) for i in range(len(question.options))]


def test_the_key_is_where_the_id_puts_it():
    for question in _choice_questions():
        if isinstance(question, (m.SingleChoice, m.ScenarioQuestion)):
            shown = question.choices()
            assert [c.correct for c in shown].index(True) == key_position(question.id, len(shown))


def test_consecutive_ids_put_their_keys_in_consecutive_places():
    positions = [key_position(f"q-some-lesson-{n:02d}", 4) for n in range(1, 9)]
    assert sorted(positions[:4]) == [0, 1, 2, 3]
    assert positions[4:] == positions[:4]


def test_arrangement_helpers_keep_every_option_once():
    options = ["right", "w1", "w2", "w3"]
    arranged = arrange_single_answer("q-x-03", options, [True, False, False, False])
    assert sorted(arranged) == sorted(options)
    assert arranged.index("right") == key_position("q-x-03", 4)
    assert sorted(arrange_shuffled("q-x-03", options)) == sorted(options)
    assert arrange_shuffled("q-x-03", options) == arrange_shuffled("q-x-03", options)


def test_keys_are_spread_over_the_positions():
    four = [
        q for q in _choice_questions() if isinstance(q, (m.SingleChoice, m.ScenarioQuestion)) and len(q.options) == 4
    ]
    assert len(four) >= 20
    positions = Counter([c.correct for c in q.choices()].index(True) for q in four)
    assert max(positions.values()) / len(four) <= MAX_POSITION_SHARE, positions


def test_multi_select_mixes_right_and_wrong():
    multi = [q for q in _choice_questions() if isinstance(q, m.MultipleSelect)]
    right_first = 0
    for question in multi:
        flags = [c.correct for c in question.choices()]
        right_first += flags == sorted(flags, reverse=True)  # every right option before every wrong one
    assert right_first / len(multi) <= 1 / 3, f"{right_first} of {len(multi)} show their right options first"


def test_the_data_the_script_scores_goes_by_key_not_position():
    course = cached_course()
    for question in _choice_questions():
        in_bank = {chr(ord("a") + n) for n, option in enumerate(question.options) if option.correct}  # type: ignore[attr-defined]
        data = question_data(course, question, None)
        assert {c["key"] for c in data["choices"] if c["correct"]} == in_bank


def _texts_in(markup: str, texts: list[str]) -> list[str]:
    """The given option texts in the order they occur in ``markup`` (entities decoded)."""
    plain = html.unescape(markup)
    return sorted(texts, key=lambda text: plain.index(text))


@pytest.mark.parametrize("question", _choice_questions()[:40], ids=lambda q: q.id)
def test_every_rendering_shows_the_same_order(question):
    course = cached_course()
    shown = [c.text for c in question.choices()]
    form = render_question_html(course, question, 1, 1)
    values = re.findall(r'<input type="(?:radio|checkbox)"(?: name="[^"]+")? value="([a-z])"', form)
    assert values == _keys(question.choices()), "static page"
    assert [c["key"] for c in question_data(course, question, None)["choices"]] == values, "the script's data"
    assert [o.text for o in poll_options(course, question)] == shown, "room poll"
    handout = question_html(course, question, "Question 1.1")
    assert _texts_in(handout, shown) == shown, "handout"
    moodle = question_element(question)
    moodle_texts = [a.findtext("text") or "" for a in moodle.findall("answer")]
    assert _texts_in(" ".join(moodle_texts), shown) == shown, "Moodle XML"
    assert moodle.findtext("shuffleanswers") == "true"
    qti = item_xml(question).decode("utf-8")
    assert _texts_in(qti, shown) == shown, "QTI"
    assert 'shuffle="true"' in qti


def test_the_answer_key_letters_the_options_as_the_handout_does():
    from compact_course.facilitator.handouts import answer_html, choice_label

    course = cached_course()
    for question in _choice_questions():
        shown = question.choices()
        for position, choice in enumerate(shown):
            assert choice_label(question, choice) == f"{chr(ord('A') + position)}. {choice.text}"
        key = answer_html(course, question, "Question 1.1", False, "book/facilitator/answer-key-module-1")
        answer = key.split("<p><strong>Answer:</strong></p>", 1)[1].split("<p><strong>Why:</strong></p>", 1)[0]
        for position, choice in enumerate(shown):
            letter = f"{chr(ord('A') + position)}. "
            assert (html.escape(letter + choice.text) in answer) == choice.correct, (question.id, letter)


def test_the_room_poll_letters_the_options_by_position_too():
    course = cached_course()
    for question in _choice_questions():
        labels = [option.label for option in poll_options(course, question)]
        assert labels == [f"{chr(ord('A') + i)}. {c.text}" for i, c in enumerate(question.choices())], question.id
