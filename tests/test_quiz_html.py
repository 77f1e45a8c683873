"""Static quiz HTML: snapshots of each question type, structure and accessibility, escaping.

Snapshots use small fixture questions (not the real banks) in a fixture module, so editing
course content does not change them. They are kept by syrupy, one HTML file per question
type in tests/__snapshots__/test_quiz_html/; after an intended change, run pytest with
``--snapshot-update`` and review the diff. Structural checks run on every real bank.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from pydantic import TypeAdapter
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from compact_course.core import models as m
from compact_course.core.escaping import e
from compact_course.quiz.html import render_questions_html, render_quiz_html
from helpers import course_with_questions, isolated_course, real_course

FROM_DOC = "book/lessons/01-who-is-the-compact-for"
QUESTION = TypeAdapter(m.Question)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- A small DOM built with html.parser ---------------------------------------------------------


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def elements(self) -> list[Node]:
        return [child for child in self.children if isinstance(child, Node)]

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self):
        for child in self.elements:
            yield child
            yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag) and (cls is None or cls in node.attrs.get("class", "").split())
        ]

    def one(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert len(found) == 1, f"expected one <{tag} class={cls}>, found {len(found)}"
        return found[0]


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {}, None)
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {key: value if value is not None else "" for key, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        if self.current.tag == "script":
            self.scripts.append(data)
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


# --- Fixture questions -------------------------------------------------------------------------


def q(data: dict) -> m.QuestionBase:
    return QUESTION.validate_python({"qa": ["qa-fixture"], **data})


FIXTURE_BANKS = {
    "single": [
        q(
            {
                "id": "q-fixture-single-01",
                "type": "single",
                "prompt": "Which fruit is the fixture's answer?",
                "options": [
                    {"text": "Apple", "feedback": "Not apple."},
                    {"text": "Pear", "correct": True, "feedback": "Right: pear."},
                    {"text": "Plum", "feedback": "Not plum."},
                ],
                "explanation": "The answer is pear.",
                "hint": "Not a stone fruit.",
            }
        ),
        q(
            {
                "id": "q-fixture-single-02",
                "type": "single",
                "prompt": "Which number is odd?",
                "options": [
                    {"text": "Three", "correct": True, "feedback": "Right: three is odd."},
                    {"text": "Four", "feedback": "Four is even."},
                ],
                "explanation": "Three is the odd one.",
            }
        ),
    ],
    "scenario": [
        q(
            {
                "id": "q-fixture-scenario-01",
                "type": "scenario",
                "scenario": "A fixture scenario: the bridge is closed.",
                "prompt": "Which route do you take?",
                "options": [
                    {"text": "The bridge", "feedback": "It is closed."},
                    {"text": "The ferry", "correct": True, "feedback": "Right: the ferry runs."},
                ],
                "explanation": "Only the ferry runs.",
            }
        ),
    ],
    "multiple": [
        q(
            {
                "id": "q-fixture-multiple-01",
                "type": "multiple",
                "prompt": "Which are even? Select all that apply.",
                "options": [
                    {"text": "Two", "correct": True, "feedback": "Two is even."},
                    {"text": "Three", "feedback": "Three is odd."},
                    {"text": "Four", "correct": True, "feedback": "Four is even."},
                ],
                "explanation": "Two and four.",
                "hint": "Divide by two.",
            }
        ),
    ],
    "true-false": [
        q(
            {
                "id": "q-fixture-true-false-01",
                "type": "true-false",
                "prompt": "The fixture statement is true.",
                "answer": False,
                "feedback_true": "No: it is false.",
                "feedback_false": "Right: it is false.",
                "explanation": "The statement is false.",
            }
        ),
    ],
    "matching": [
        q(
            {
                "id": "q-fixture-matching-01",
                "type": "matching",
                "prompt": "Match each colour with its fruit.",
                "pairs": [
                    {"item": "Yellow", "match": "Banana", "feedback": "Bananas are yellow."},
                    {"item": "Red", "match": "Apple", "feedback": "Apples are often red."},
                ],
                "distractors": ["Kiwi"],
                "explanation": "Banana and apple; kiwi is left over.",
            }
        ),
    ],
}


def render_fixture(qtype: str) -> str:
    questions = FIXTURE_BANKS[qtype]
    course = isolated_course(questions)
    return render_questions_html(
        course, questions, f"quiz-fixture-{qtype}", f"Fixture quiz: {qtype}", from_doc=FROM_DOC
    )


class HTMLSnapshot(SingleFileSnapshotExtension):
    """Each snapshot is a readable .html file, so a review shows the markup diff itself."""

    file_extension = "html"
    _write_mode = WriteMode.TEXT


@pytest.fixture
def html_snapshot(snapshot):
    return snapshot.use_extension(HTMLSnapshot)


@pytest.mark.parametrize("qtype", list(FIXTURE_BANKS))
def test_snapshot(qtype, html_snapshot):
    assert [question.type for question in FIXTURE_BANKS[qtype]] == [qtype] * len(FIXTURE_BANKS[qtype])
    assert render_fixture(qtype) == html_snapshot


# --- Structure and accessibility ------------------------------------------------------------------


def check_structure(html: str, questions) -> Node:
    page = parse(html)
    ids = [node.attrs["id"] for node in page.iter() if "id" in node.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids on the page"
    known = set(ids)

    forms = page.find_all("form", "cc-question")
    assert [form.attrs["id"] for form in forms] == [question.id for question in questions]
    for form, question in zip(forms, questions):
        assert "data-question" not in form.attrs, "the form's id is the question's: no need to repeat it"
        assert form.attrs["data-type"] == question.type
        form_ids = [node.attrs["id"] for node in form.iter() if "id" in node.attrs]
        assert all(i == question.id or i.startswith(question.id + "-") for i in form_ids), form_ids

        fieldset = form.one("fieldset")
        legend = fieldset.elements[0]
        assert legend.tag == "legend"
        assert form.attrs["aria-labelledby"] == legend.attrs["id"], "the form is named by its legend (issue 30)"
        assert legend.one("span", "cc-prompt").text() == question.prompt
        assert real_course().interface.form.types.of(question.type) in legend.text()
        if isinstance(question, m.ScenarioQuestion):
            assert fieldset.attrs["aria-describedby"] == form.one("p", "cc-scenario").attrs["id"]
        for ref in fieldset.attrs.get("aria-describedby", "").split():
            assert ref in known, f"aria-describedby names missing id {ref}"

        controls = form.find_all("input") + form.find_all("select")
        assert controls, "a question needs form controls"
        labels = form.find_all("label")
        if isinstance(question, m.Matching):
            for control in controls:
                matching = [label for label in labels if label.attrs.get("for") == control.attrs["id"]]
                assert len(matching) == 1 and matching[0].text().strip(), f"{control.attrs['id']} needs one label"
            assert [label.text() for label in labels] == [item.text for item in question.items()]
            assert all(control.tag == "select" for control in controls)
        else:
            # Each label wraps its one control, in the choices' order, lettered A, B, C... (True/False too).
            kind = "checkbox" if isinstance(question, m.MultipleSelect) else "radio"
            assert [label.elements for label in labels] == [[control] for control in controls]
            assert {control.attrs["type"] for control in controls} == {kind}
            # Radios are grouped under the question's own name (issue 30: no two groups share one).
            assert [control.attrs.get("name") for control in controls] == [
                (form.attrs["id"] if kind == "radio" else None)
            ] * len(controls)
            assert [label.text() for label in labels] == [
                f"{chr(65 + n)}. {c.text}" for n, c in enumerate(question.choices())
            ]

        details = form.one("details", "cc-answer")
        assert details.elements[0].tag == "summary" and details.elements[0].text().strip()
        assert question.explanation in details.text()
        assert not form.find_all("button") and not form.find_all("script"), "the script adds the buttons"

    tools = page.one("template", "cc-tools")
    feedback = tools.one("div", "cc-feedback")
    assert feedback.attrs.get("role") == "status" and feedback.attrs.get("aria-live") == "polite"
    for button in tools.find_all("button"):
        assert button.attrs.get("type") in ("button", "submit") and button.text().strip()
    score = page.one("p", "cc-score")
    assert score.attrs.get("role") == "status" and score.attrs.get("aria-live") == "polite"
    return page


@pytest.mark.parametrize("qtype", list(FIXTURE_BANKS))
def test_fixture_structure(qtype):
    check_structure(render_fixture(qtype), FIXTURE_BANKS[qtype])


def test_every_real_bank_is_well_formed_and_accessible():
    course = real_course()
    assert course.quizzes
    for bank in course.quizzes:
        html = render_quiz_html(course, bank, course.lesson_docname(bank.quiz.lesson))
        check_structure(html, bank.questions)


def test_rendering_is_deterministic():
    course = real_course()
    for bank in course.quizzes:
        doc = course.lesson_docname(bank.quiz.lesson)
        assert render_quiz_html(course, bank, doc) == render_quiz_html(course, bank, doc)
    assert render_fixture("matching") == render_fixture("matching")


def test_two_quizzes_on_one_page_have_distinct_ids_with_prefixes():
    course = real_course()
    bank = course.quizzes[0]
    page = "".join(
        render_questions_html(course, bank.questions, bank.quiz.id, bank.quiz.title, FROM_DOC, id_prefix=prefix)
        for prefix in ("first-", "second-")
    )
    ids = [node.attrs["id"] for node in parse(page).iter() if "id" in node.attrs]
    assert len(ids) == len(set(ids))
    assert f"first-{bank.questions[0].id}" in ids and f"second-{bank.questions[0].id}" in ids


def test_read_more_link_points_at_the_lesson_section():
    page = parse(render_fixture("single"))
    link = page.find_all("details", "cc-answer")[0].elements[-1].one("a")
    assert link.attrs["href"] == "01-fixture-lesson.html#qa-fixture"
    assert link.text() == "Lesson 1: Fixture lesson"


def test_matching_select_offers_every_match():
    question = FIXTURE_BANKS["matching"][0]
    page = parse(render_fixture("matching"))
    for select in page.find_all("select"):
        options = [(o.attrs["value"], o.text()) for o in select.find_all("option")]
        assert options == [("", "Choose a match")] + [(c.key, c.text) for c in question.choices()]


# --- Escaping ----------------------------------------------------------------------------------


def evil(label: str) -> str:
    return f"{label} <script>alert(1)</script> \"double\" 'single' </script> & <b>bold</b>"


def evil_questions() -> list[m.QuestionBase]:
    def options(name, correct_count=1):
        return [
            {"text": evil(f"{name} option {n}"), "correct": n < correct_count, "feedback": evil(f"{name} feedback {n}")}
            for n in range(3)
        ]

    common = lambda name: {
        "prompt": evil(f"{name} prompt"),
        "explanation": evil(f"{name} explanation"),
        "hint": evil(f"{name} hint"),
    }
    return [
        q({"id": "q-evil-single", "type": "single", "options": options("single"), **common("single")}),
        q(
            {
                "id": "q-evil-scenario",
                "type": "scenario",
                "scenario": evil("scenario text"),
                "options": options("scenario"),
                **common("scenario"),
            }
        ),
        q({"id": "q-evil-multiple", "type": "multiple", "options": options("multiple", 2), **common("multiple")}),
        q(
            {
                "id": "q-evil-true-false",
                "type": "true-false",
                "answer": True,
                "feedback_true": evil("tf true"),
                "feedback_false": evil("tf false"),
                **common("true-false"),
            }
        ),
        q(
            {
                "id": "q-evil-matching",
                "type": "matching",
                "pairs": [
                    {"item": evil(f"item {n}"), "match": evil(f"match {n}"), "feedback": evil(f"pair feedback {n}")}
                    for n in range(3)
                ],
                "distractors": [evil("distractor")],
                **common("matching"),
            }
        ),
    ]


def render_evil() -> tuple[str, list[m.QuestionBase], object]:
    questions = evil_questions()
    course = isolated_course(questions)
    return render_questions_html(course, questions, "quiz-evil", evil("title"), from_doc=FROM_DOC), questions, course


def as_text(text: str) -> str:
    """Text as html.py writes it between tags: escaped, with quotes left as they are."""
    return e(text).replace("&#x27;", "'").replace("&quot;", '"')


def test_one_inert_data_block_and_no_text_written_twice_in_the_markup():
    full, questions, _ = render_evil()
    # The one script element is the quiz's data (JSON, never run); it holds no raw "<" to end it early.
    assert full.lower().count("<script") == 1
    start = full.index('<script type="application/json" class="cc-quiz-data">')
    end = full.index("</script>", start)
    block = full[start:end]
    assert "<" not in block[block.index(">") + 1 :]
    data = json.loads(block[block.index(">") + 1 :])
    assert [q["id"] for q in data["questions"]] == [q.id for q in questions]
    html = full[:start] + full[end + len("</script>") :]  # the markup: what no-JavaScript readers get
    assert "<b>bold" not in html and "&lt;b&gt;bold" in html
    for question in questions:
        # The question's own text appears once in the markup; the script reads the data block.
        assert html.count(as_text(question.explanation)) == 1
        for choice in question.choices():
            if not isinstance(question, m.TrueFalse):
                # A match: once in each select, and in the answer line of the item it matches.
                expected = len(question.items()) + choice.correct if isinstance(question, m.Matching) else 1
                assert html.count(as_text(choice.text)) == expected, choice.text


def test_answer_lines_carry_the_right_answers_and_feedback_in_the_form_s_order():
    html, questions, _ = render_evil()
    page = parse(html)
    for form, question in zip(page.find_all("form", "cc-question"), questions):
        lines = [li for li in form.one("details", "cc-answer").find_all("li") if li.attrs.get("class") != "cc-verdict"]
        if isinstance(question, m.Matching):
            assert [li.attrs["data-answer"] for li in lines] == [item.answer for item in question.items()]
            assert [li.children[-1] for li in lines] == [". " + item.feedback for item in question.items()]
            continue
        assert ["data-ok" in li.attrs for li in lines] == [c.correct for c in question.choices()]
        assert [li.children[-1] for li in lines] == [" " + c.feedback for c in question.choices()]
        verdict = form.one("li", "cc-verdict").text()
        letters = [
            f"{chr(65 + n)}. {c.text}" if isinstance(question, m.TrueFalse) else chr(65 + n)
            for n, c in enumerate(question.choices())
        ]
        assert verdict == "Correct: " + ", ".join(x for x, c in zip(letters, question.choices()) if c.correct) + "."


def test_text_and_attributes_round_trip_through_the_parser():
    html, questions, _ = render_evil()
    page = parse(html)
    assert page.one("section", "cc-quiz").attrs["aria-label"] == f"Quiz: {evil('title')}"
    for form, question in zip(page.find_all("form", "cc-question"), questions):
        assert form.one("span", "cc-prompt").text() == question.prompt
        answer = form.one("details", "cc-answer").text()
        assert question.explanation in answer and question.hint in answer
        labels = [label.text() for label in form.find_all("label")]
        if isinstance(question, m.Matching):
            assert labels == [pair.item for pair in question.pairs]
            for pair in question.pairs:
                assert pair.match in answer and pair.feedback in answer
            assert [o.text() for o in form.find_all("option")][1 : 1 + len(question.choices())] == [
                c.text for c in question.choices()
            ]
        else:
            assert [label.removeprefix(f"{chr(65 + n)}. ") for n, label in enumerate(labels)] == [
                c.text for c in question.choices()
            ]
            for choice in question.choices():
                assert choice.feedback in answer
        if isinstance(question, m.ScenarioQuestion):
            assert question.scenario in form.one("p", "cc-scenario").text()


def test_fixture_questions_work_in_the_real_course_too():
    # Questions outside the real banks render once added to the course (the browser test relies on this).
    questions = [evil_questions()[0].model_copy(update={"qa": ("qa-who-is-the-compact-for",)})]
    course = course_with_questions(questions)
    html = render_questions_html(course, questions, "quiz-evil", "Evil", from_doc=FROM_DOC)
    # One lesson's questions: the section names it once, the forms do not repeat it.
    page = parse(html)
    assert page.one("section", "cc-quiz").attrs["data-lesson"] == "who-is-the-compact-for"
    assert "data-lesson" not in page.one("form", "cc-question").attrs


def test_a_pool_from_several_lessons_names_each_question_s_lesson():
    course = real_course()
    questions = [course.quizzes[0].questions[0], course.quizzes[1].questions[0]]
    page = parse(render_questions_html(course, questions, "pool", "Pool", from_doc=FROM_DOC, id_prefix="p-"))
    assert "data-lesson" not in page.one("section", "cc-quiz").attrs
    forms = page.find_all("form", "cc-question")
    assert [f.attrs["data-lesson"] for f in forms] == [b.quiz.lesson for b in course.quizzes[:2]]
    assert [f.attrs["data-question"] for f in forms] == [q.id for q in questions]
