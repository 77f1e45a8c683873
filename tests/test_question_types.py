"""The question-type registry (core/question_types.py): every type has its entry everywhere.

A type added to the models but missing from the registry, the script's table, the labels, the
data contract, a renderer or an export makes one of these fail.
"""

from __future__ import annotations

import json
import re
import typing
from html import escape
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from compact_course.core import models as m
from compact_course.core.interface_models import TypeText
from compact_course.core.question_types import REGISTRY, question_type
from compact_course.export.gift import question_lines
from compact_course.export.moodle_xml import question_element
from compact_course.export.qti import item_xml
from compact_course.facilitator.handouts import question_html
from compact_course.facilitator.poll_data import poll_question
from compact_course.facilitator.poll_questions import poll_options, reveal_for
from compact_course.quiz.data import question_data
from compact_course.quiz.html import render_question_html
from helpers import course_with_questions

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "js" / "fixtures" / "scoring_cases.json"
SCRIPT_TABLE = ROOT / "src" / "compact_course" / "static" / "src" / "question-types.js"


def samples() -> dict[str, m.QuestionBase]:
    adapter = TypeAdapter(m.Question)
    out: dict[str, m.QuestionBase] = {}
    for case in json.loads(CASES.read_text(encoding="utf-8")):
        question = adapter.validate_python(case["question"])
        out.setdefault(question.type, question)  # type: ignore[attr-defined]
    return out


def test_the_registry_names_every_model_of_the_question_union_and_nothing_else():
    union = typing.get_args(typing.get_args(m.Question)[0])
    models = {typing.get_args(model.model_fields["type"].annotation)[0]: model for model in union}
    assert {name: entry.model for name, entry in REGISTRY.items()} == models
    assert set(REGISTRY) == set(m.QUESTION_TYPES)


def test_the_script_and_the_labels_have_every_type():
    script = dict(re.findall(r'^\s*"?([a-z-]+)"?: \{ response: "([a-z]+)" \}', SCRIPT_TABLE.read_text(), re.M))
    assert script == {name: entry.response for name, entry in REGISTRY.items()}
    # data/interface.yaml's form.types has a field for every type (and the model rejects others)
    assert {name.replace("_", "-") for name in TypeText.model_fields} == set(REGISTRY)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_type_renders_and_exports(name):
    question = samples().get(name)
    assert question is not None, f"tests/js/fixtures/scoring_cases.json has no {name} question"
    course = course_with_questions([question])
    entry = question_type(question)
    prompt = escape(question.prompt, quote=False)
    html = render_question_html(course, question, 1, 1)
    assert prompt in html.replace("&#x27;", "'")
    controls = {"radio": 'type="radio"', "checkbox": 'type="checkbox"', "select": "<select"}
    assert controls[entry.control] in html
    data = question_data(course, question, None)
    assert ("items" in data) == (entry.response == "pairs")
    assert prompt in question_html(course, question, "Question 1.1").replace("&#x27;", "'")
    assert poll_options(course, question) and reveal_for(course, question).answer
    assert poll_question(course, question)["type"] == name
    assert question_lines(question)
    assert question_element(question) is not None
    assert item_xml(question)
