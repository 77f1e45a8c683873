"""Tests for ``compact-course export``: GIFT, Moodle XML and QTI 2.1 round trips.

Every format is read back with a real parser (GIFT with tests/gift_parser.py, XML with
xml.etree, HTML fields with html.parser) and compared, question by question, with the
quiz banks: structure, correct answers, weights, feedback and escaping. The same checks run
on a copy of the course whose texts are full of characters that are special in GIFT, XML
and HTML.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal
from html.parser import HTMLParser

import pytest
import yaml

from compact_course import cli
from compact_course.core import models as m
from compact_course.core.course import load_course
from compact_course.export import export
from compact_course.export.common import UnknownModuleError, moodle_category_path, select_modules
from compact_course.export.gift import gift_text
from compact_course.export.moodle_xml import moodle_xml
from compact_course.export.qti import qti_package
from gift_parser import GiftError, parse_gift
from helpers import COURSE_ROOT, course_copy, edit, fixture_copy, real_course

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"

# Moodle's grade list (question_bank::fraction_options_full) and its import tolerance, typed
# here independently of the exporter so a wrong table there cannot hide.
MOODLE_GRADES = [
    Decimal(x)
    for x in [
        "1",
        "0.9",
        "0.8333333",
        "0.8",
        "0.75",
        "0.7",
        "0.6666667",
        "0.6",
        "0.5",
        "0.4",
        "0.3333333",
        "0.3",
        "0.25",
        "0.2",
        "0.1666667",
        "0.1428571",
        "0.125",
        "0.1111111",
        "0.1",
        "0.05",
        "0",
    ]
]


# --- Reading HTML fields ----------------------------------------------------------------------


class _Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.tags: list[str] = []
        self.loose: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("p", "li"):
            assert self.current is None, "nested paragraph"
            self.current = []
        elif tag == "br":
            self.current.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("p", "li"):
            self.blocks.append("".join(self.current))
            self.current = None

    def handle_data(self, data):
        (self.loose if self.current is None else self.current).append(data)


def html_blocks(fragment: str) -> list[str]:
    """The text of each <p> and <li> of an HTML fragment (``<br>`` read as a line break)."""
    parser = _Html()
    parser.feed(fragment)
    parser.close()
    assert not "".join(parser.loose).strip(), f"text outside paragraphs in {fragment!r}"
    assert set(parser.tags) <= {"p", "ul", "li", "br"}, f"unexpected markup in {fragment!r}"
    return parser.blocks


def html_plain(fragment: str) -> str:
    """The text of an HTML fragment that must contain no markup at all."""
    parser = _Html()
    parser.feed(fragment)
    parser.close()
    assert parser.tags == [], f"markup in {fragment!r}"
    return "".join(parser.loose)


# --- What the banks say -----------------------------------------------------------------------


def exported(course, modules=None, part="all"):
    """(module number, module, Moodle category, question) in export order: every module's lesson
    banks, then every module's self-assessment pool (issue 29), as ``part`` asks."""
    chosen = select_modules(course, modules)
    if part in ("all", "lessons"):
        for module in chosen:
            number = course.module_number(module.id)
            for lesson in module.lessons:
                for question in course.quiz_for(lesson.id).questions:
                    yield number, module, f"$course$/top/Module {number}: {module.title}", question
    if part in ("all", "self-assessment"):
        for module in chosen:
            number = course.module_number(module.id)
            for question in course.pool_questions(module.id):
                yield number, module, f"$course$/top/Compact course/Module {number}", question


def stem(question) -> list[str]:
    scenario = getattr(question, "scenario", None)
    return [scenario, question.prompt] if scenario else [question.prompt]


def general_feedback(question) -> list[str]:
    lines = [question.explanation]
    if isinstance(question, m.Matching):
        lines += [f"{p.item} → {p.match}\n{p.feedback}" for p in question.pairs]
    return lines


def check_weights(question, weights: list[Decimal]) -> None:
    """The scoring rules, whatever the exact numbers: full marks only for the right set."""
    choices = question.choices()
    assert len(weights) == len(choices)
    for weight in weights:
        assert any(abs(abs(weight) / 100 - grade) < Decimal("0.00001") for grade in MOODLE_GRADES), weight
    right = [w for w, c in zip(weights, choices) if c.correct]
    wrong = [w for w, c in zip(weights, choices) if not c.correct]
    if isinstance(question, m.MultipleSelect):
        assert sum(right) == 100, f"{question.id}: correct options add up to {sum(right)}"
        assert all(w > 0 for w in right) and max(right) - min(right) <= Decimal("0.00001")
        if wrong:
            assert all(w < 0 for w in wrong) and sum(wrong) == -100
            assert sum(weights) <= 0, "ticking every box must not score"
    else:
        assert right == [100] and all(w == 0 for w in wrong)


# --- GIFT -------------------------------------------------------------------------------------


def check_gift(course, text: str, modules=None, part="all") -> None:
    parsed = parse_gift(text)
    expected = list(exported(course, modules, part))
    assert [q.name for q in parsed] == [question.id for *_, question in expected]
    for gq, (_number, _module, category, question) in zip(parsed, expected):
        assert gq.category == category
        assert gq.text_format == "html"
        assert html_blocks(gq.text) == stem(question)
        assert html_blocks(gq.general_feedback) == general_feedback(question)
        if isinstance(question, m.TrueFalse):
            assert gq.kind == "truefalse" and gq.truth is question.answer
            right, wrong = (
                (question.feedback_true, question.feedback_false)
                if question.answer
                else (question.feedback_false, question.feedback_true)
            )
            assert html_blocks(gq.feedback_right) == [right]
            assert html_blocks(gq.feedback_wrong) == [wrong]
        elif isinstance(question, m.Matching):
            assert gq.kind == "match"
            pairs = [(html_plain(item), match) for item, match in gq.pairs]
            assert pairs == [(p.item, p.match) for p in question.pairs] + [("", d) for d in question.distractors]
        else:
            assert gq.kind == "multichoice"
            choices = question.choices()
            assert [html_plain(a.text) for a in gq.answers] == [c.text for c in choices]
            assert [html_plain(a.feedback) for a in gq.answers] == [c.feedback for c in choices]
            if isinstance(question, m.MultipleSelect):
                # No "=": Moodle would make it a one-answer question.
                assert {a.marker for a in gq.answers} == {"~"}
            else:
                assert [a.marker == "=" for a in gq.answers] == [c.correct for c in choices]
            check_weights(question, [Decimal(str(a.weight)) for a in gq.answers])


def test_gift_round_trips_every_question():
    course = real_course()
    text = gift_text(course)
    check_gift(course, text)
    assert len(parse_gift(text)) == len(course.all_questions()) + len(course.pool_questions())
    assert len(course.all_questions()) >= 91 and len(course.pool_questions()) >= 40


def test_gift_one_category_line_per_module():
    course = real_course()
    lines = [line for line in gift_text(course).splitlines() if line.startswith("$CATEGORY:")]
    assert lines == [f"$CATEGORY: $course$/top/Module {n}: {mod.title}" for n, mod in enumerate(course.modules, 1)] + [
        f"$CATEGORY: $course$/top/Compact course/Module {n}" for n, _ in enumerate(course.modules, 1)
    ]


def test_gift_weights_split_evenly_and_sum_to_exactly_100():
    course = real_course()
    by_name = {q.name: q for q in parse_gift(gift_text(course))}
    question = course.question("q-who-is-the-compact-for-01")
    assert [c.correct for c in question.choices()].count(True) == 3 and len(question.choices()) == 5
    # Right options share +100 (the first of them takes the odd 0.00001), wrong ones share -100, in display order.
    right, wrong = iter([33.33334, 33.33333, 33.33333]), iter([-50, -50])
    expected = [next(right) if choice.correct else next(wrong) for choice in question.choices()]
    assert [a.weight for a in by_name["q-who-is-the-compact-for-01"].answers] == expected


def test_gift_parser_reads_moodle_syntax_and_escapes():
    text = (
        "// a comment\n$CATEGORY: $course$/top/A: b\n\n"
        "::Q\\:1::[html]<p>1 \\{+\\} 1 \\= 2\\n \\\\ \\#</p>{T#<p>no</p>#<p>yes</p>####<p>why</p>}\n\n"
        "::Q2:: Pick {\n\t~%50%[plain]a \\~ b#fine\n\t~%-100%c#bad\n\t~%50%[x] d\n}\n"
    )
    first, second = parse_gift(text)
    assert first.category == second.category == "$course$/top/A: b"
    assert (first.name, first.text_format, first.text) == ("Q:1", "html", "<p>1 {+} 1 = 2\n \\ #</p>")
    assert (first.truth, first.feedback_wrong, first.feedback_right, first.general_feedback) == (
        True,
        "<p>no</p>",
        "<p>yes</p>",
        "<p>why</p>",
    )
    assert [(a.text, a.weight, a.feedback) for a in second.answers] == [
        ("a ~ b", 50, "fine"),
        ("c", -100, "bad"),
        ("[x] d", 50, None),
    ]


@pytest.mark.parametrize(
    "broken",
    [
        "::Q::A {brace} here {=a ~b}",  # an unescaped brace in the question text
        "::Q::A {=a#feed}back ~b}",  # an unescaped brace in feedback
        "::Q::A back\\slash {=a ~b}",  # a lone backslash
    ],
)
def test_gift_parser_rejects_unescaped_specials(broken):
    with pytest.raises(GiftError):
        parse_gift(broken)


# --- Moodle XML -------------------------------------------------------------------------------


def _field(element, tag: str, text_format: str | None = "html") -> str:
    child = element.find(tag)
    assert child is not None, f"no <{tag}>"
    assert child.get("format") == text_format, f"<{tag}> format {child.get('format')!r}"
    return child.findtext("text")


def check_moodle_xml(course, text: str, modules=None, part="all") -> None:
    root = ET.fromstring(text)
    assert root.tag == "quiz"
    elements = list(root.iter("question"))
    categories = [e for e in elements if e.get("type") == "category"]
    questions = [e for e in elements if e.get("type") != "category"]
    expected = list(exported(course, modules, part))
    paths = list(dict.fromkeys(category for _, _, category, _ in expected))
    assert [c.findtext("category/text") for c in categories] == paths
    infos = {
        **{f"$course$/top/Module {course.module_number(mod.id)}: {mod.title}": mod.summary for mod in course.modules},
        **{
            f"$course$/top/Compact course/Module {course.module_number(p.pool.module)}": p.pool.title
            for p in course.pools
        },
    }
    assert [html_blocks(_field(c, "info")) for c in categories] == [[infos[path]] for path in paths]
    # Each question comes under its own category.
    current, under = None, []
    for element in elements:
        if element.get("type") == "category":
            current = element.findtext("category/text")
        else:
            under.append(current)
    assert under == [category for _, _, category, _ in expected]
    assert len(questions) == len(expected)
    kinds = {
        "single": "multichoice",
        "scenario": "multichoice",
        "multiple": "multichoice",
        "true-false": "truefalse",
        "matching": "matching",
    }
    for element, (_, _, _bank, question) in zip(questions, expected):
        assert element.get("type") == kinds[question.type]
        assert element.findtext("name/text") == element.findtext("idnumber") == question.id
        assert html_blocks(_field(element, "questiontext")) == stem(question)
        assert html_blocks(_field(element, "generalfeedback")) == general_feedback(question)
        hints = [html_blocks(h.findtext("text")) for h in element.findall("hint")]
        assert hints == ([[question.hint]] if question.hint else [])
        answers = element.findall("answer")
        if isinstance(question, m.TrueFalse):
            got = {a.findtext("text"): (a.get("fraction"), html_blocks(_field(a, "feedback"))) for a in answers}
            assert got == {
                "true": ("100" if question.answer else "0", [question.feedback_true]),
                "false": ("0" if question.answer else "100", [question.feedback_false]),
            }
        elif isinstance(question, m.Matching):
            assert element.findtext("shuffleanswers") == "true"
            subs = [
                (html_plain(s.findtext("text") or ""), s.findtext("answer/text"))
                for s in element.findall("subquestion")
            ]
            assert all(s.get("format") == "html" for s in element.findall("subquestion"))
            assert subs == [(p.item, p.match) for p in question.pairs] + [("", d) for d in question.distractors]
        else:
            choices = question.choices()
            assert element.findtext("single") == ("false" if isinstance(question, m.MultipleSelect) else "true")
            assert element.findtext("shuffleanswers") == "true"  # display order, and shuffleable in Moodle
            assert all(a.get("format") == "html" for a in answers)
            assert [html_plain(a.findtext("text")) for a in answers] == [c.text for c in choices]
            assert [html_blocks(_field(a, "feedback")) for a in answers] == [[c.feedback] for c in choices]
            check_weights(question, [Decimal(a.get("fraction")) for a in answers])


def test_moodle_xml_round_trips_every_question():
    course = real_course()
    check_moodle_xml(course, moodle_xml(course))


def test_moodle_xml_weights_match_gift():
    course = real_course()
    gift = {q.name: [Decimal(str(a.weight)) for a in q.answers] for q in parse_gift(gift_text(course)) if q.answers}
    root = ET.fromstring(moodle_xml(course))
    xml = {
        e.findtext("name/text"): [Decimal(a.get("fraction")) for a in e.findall("answer")]
        for e in root.iter("question")
        if e.get("type") == "multichoice"
    }
    every = (*course.all_questions(), *course.pool_questions())
    assert gift == xml and len(xml) == sum(q.type in ("single", "scenario", "multiple") for q in every)


# --- QTI 2.1 ----------------------------------------------------------------------------------


def _qti_text(element) -> str:
    """Text of an element whose content is text, optionally with <br/> line breaks."""
    parts = [element.text or ""]
    for child in element:
        assert child.tag == f"{QTI}br", child.tag
        parts += ["\n", child.tail or ""]
    return "".join(parts)


def _qti_blocks(element) -> list[str]:
    """The text of each <p> and <li> inside a feedback element, in order."""
    blocks = []
    for child in element:
        assert child.tag in (f"{QTI}p", f"{QTI}ul"), child.tag
        blocks += [_qti_text(entry) for entry in child] if child.tag == f"{QTI}ul" else [_qti_text(child)]
    return blocks


def run_response_processing(item, response) -> dict:
    """Evaluate an item's responseProcessing for one response, as a QTI delivery engine would.

    Covers the operators the export uses: responseCondition (If/Else), isNull, variable,
    baseValue, mapResponse and setOutcomeValue. ``response`` is a key, a list of keys or
    directed pairs, or None for no answer.
    """
    declaration = item.find(f"{QTI}responseDeclaration")
    mapping = declaration.find(f"{QTI}mapping")
    variables: dict = {"RESPONSE": response}

    def value(expression):
        tag = expression.tag.removeprefix(QTI)
        if tag == "variable":
            return variables.get(expression.get("identifier"))
        if tag == "baseValue":
            return Decimal(expression.text) if expression.get("baseType") == "float" else expression.text
        if tag == "isNull":
            inner = value(expression[0])
            return inner is None or inner == []
        if tag == "mapResponse":
            keys = variables["RESPONSE"]
            keys = [keys] if isinstance(keys, str) else set(keys)
            entries = {e.get("mapKey"): Decimal(e.get("mappedValue")) for e in mapping}
            total = sum((entries.get(k, Decimal(mapping.get("defaultValue"))) for k in keys), Decimal(0))
            return min(max(total, Decimal(mapping.get("lowerBound"))), Decimal(mapping.get("upperBound")))
        raise AssertionError(f"operator {tag} not supported")

    def run(rules):
        for rule in rules:
            tag = rule.tag.removeprefix(QTI)
            if tag == "setOutcomeValue":
                variables[rule.get("identifier")] = value(rule[0])
            elif tag == "responseCondition":
                for branch in rule:
                    kind = branch.tag.removeprefix(QTI)
                    if kind == "responseElse" or value(branch[0]):
                        run(branch if kind == "responseElse" else list(branch)[1:])
                        break
            else:
                raise AssertionError(f"rule {tag} not supported")

    run(item.find(f"{QTI}responseProcessing"))
    return variables


def shown_feedback(item, outcomes) -> list[str]:
    """Identifiers of the modalFeedback a delivery engine shows for these outcomes."""
    shown = []
    for feedback in item.findall(f"{QTI}modalFeedback"):
        outcome = outcomes.get(feedback.get("outcomeIdentifier"))
        values = [outcome] if isinstance(outcome, str) else list(outcome or [])
        if (feedback.get("identifier") in values) == (feedback.get("showHide") == "show"):
            shown.append(feedback.get("identifier"))
    return shown


def check_qti_pool_tests(course, archive, resources, modules, part) -> None:
    """Each module's pool is a test of its own that draws the self-assessment's per_module at random."""
    chosen = select_modules(course, modules) if part in ("all", "self-assessment") else ()
    for module in chosen:
        questions = course.pool_questions(module.id)
        resource = resources[f"test-self-assessment-{module.id}"]
        assert [d.get("identifierref") for d in resource.iter(f"{CP}dependency")] == [f"item-{q.id}" for q in questions]
        test = ET.fromstring(archive.read(resource.get("href")))
        assert test.get("title") == f"Compact course/Module {course.module_number(module.id)}"
        (section,) = test.findall(f"{QTI}testPart/{QTI}assessmentSection")
        assert section.find(f"{QTI}selection").get("select") == str(course.assessment.draw.per_module)
        assert [r.get("identifier") for r in section.findall(f"{QTI}assessmentItemRef")] == [q.id for q in questions]
    tests = [r for r in resources.values() if r.get("type") == "imsqti_test_xmlv2p1"]
    lesson_tests = len(select_modules(course, modules)) if part in ("all", "lessons") else 0
    assert len(tests) == lesson_tests + len(chosen)


def check_qti(course, data: bytes, modules=None, part="all") -> None:
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert names == sorted(names) and names[0] == "imsmanifest.xml"
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    chosen = select_modules(course, modules) if part in ("all", "lessons") else ()
    expected = list(exported(course, modules, part))

    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    files = {f.get("href") for f in manifest.iter(f"{CP}file")}
    assert files == set(names) - {"imsmanifest.xml"}, "every packaged file is listed, and only those"
    check_qti_pool_tests(course, archive, resources, modules, part)
    for module in chosen:
        test_resource = resources[f"test-{module.id}"]
        assert test_resource.get("type") == "imsqti_test_xmlv2p1"
        deps = [d.get("identifierref") for d in test_resource.iter(f"{CP}dependency")]
        assert deps == [
            f"item-{q.id}" for _, mod, cat, q in expected if mod.id == module.id and "/Compact course/" not in cat
        ]
        assert all(resources[dep].get("type") == "imsqti_item_xmlv2p1" for dep in deps)

        test = ET.fromstring(archive.read(test_resource.get("href")))
        assert test.tag == f"{QTI}assessmentTest"
        assert test.get("title") == f"Module {course.module_number(module.id)}: {module.title}"
        sections = test.findall(f"{QTI}testPart/{QTI}assessmentSection")
        assert [s.get("title") for s in sections] == [course.quiz_for(l.id).quiz.title for l in module.lessons]
        for section, lesson in zip(sections, module.lessons):
            refs = section.findall(f"{QTI}assessmentItemRef")
            assert [r.get("identifier") for r in refs] == [q.id for q in course.quiz_for(lesson.id).questions]
            assert all(r.get("href") in names for r in refs)

    for _, _, _bank, question in expected:
        resource = resources[f"item-{question.id}"]
        item = ET.fromstring(archive.read(resource.get("href")))
        assert item.tag == f"{QTI}assessmentItem" and item.get("identifier") == question.id
        declaration = item.find(f"{QTI}responseDeclaration")
        correct = [v.text for v in declaration.iterfind(f"{QTI}correctResponse/{QTI}value")]
        mapping = {
            e.get("mapKey"): Decimal(e.get("mappedValue")) for e in declaration.iterfind(f"{QTI}mapping/{QTI}mapEntry")
        }
        body = item.find(f"{QTI}itemBody")
        explanation = item.find(f"{QTI}modalFeedback[@outcomeIdentifier='EXPLANATION']")
        assert _qti_blocks(explanation) == general_feedback(question)
        if isinstance(question, m.Matching):
            interaction = body.find(f"{QTI}matchInteraction")
            assert interaction.findtext(f"{QTI}prompt") == question.prompt
            sources, targets = interaction.findall(f"{QTI}simpleMatchSet")
            source_text = {c.get("identifier"): c.text for c in sources}
            target_text = {c.get("identifier"): c.text for c in targets}
            assert sorted(target_text.values()) == sorted(
                [p.match for p in question.pairs] + list(question.distractors)
            )
            pairs = [tuple(value.split(" ")) for value in correct]
            assert [(source_text[s], target_text[t]) for s, t in pairs] == [(p.item, p.match) for p in question.pairs]
            assert set(mapping) == set(correct) and sum(mapping.values()) == 1
            assert run_response_processing(item, correct)["SCORE"] == 1
            assert run_response_processing(item, correct[1:])["SCORE"] < 1
            assert run_response_processing(item, None)["SCORE"] == 0
            assert shown_feedback(item, run_response_processing(item, correct)) == ["EXPLANATION"]
        else:
            interaction = body.find(f"{QTI}choiceInteraction")
            choices = question.choices()
            *before, prompt = stem(question)
            assert [p.text for p in body.findall(f"{QTI}p")] == before
            assert interaction.findtext(f"{QTI}prompt") == prompt
            simple = interaction.findall(f"{QTI}simpleChoice")
            assert [(c.get("identifier"), c.text) for c in simple] == [(c.key, c.text) for c in choices]
            assert correct == [c.key for c in choices if c.correct]
            multiple = isinstance(question, m.MultipleSelect)
            assert declaration.get("cardinality") == ("multiple" if multiple else "single")
            assert interaction.get("maxChoices") == (str(len(choices)) if multiple else "1")
            check_weights(question, [mapping.get(c.key, Decimal(0)) * 100 for c in choices])
            feedback = {
                f.get("identifier"): _qti_blocks(f)
                for f in item.findall(f"{QTI}modalFeedback[@outcomeIdentifier='FEEDBACK']")
            }
            assert feedback == {c.key: [c.feedback] for c in choices}
            # Scoring and feedback when the item is actually answered.
            response = correct if multiple else correct[0]
            outcomes = run_response_processing(item, response)
            assert outcomes["SCORE"] == 1
            assert shown_feedback(item, outcomes) == [*correct, "EXPLANATION"]
            assert run_response_processing(item, None)["SCORE"] == 0
            for choice in choices:
                picked = run_response_processing(item, [choice.key] if multiple else choice.key)
                assert shown_feedback(item, picked) == [choice.key, "EXPLANATION"]
                if not multiple:
                    assert picked["SCORE"] == (1 if choice.correct else 0)
                elif not choice.correct:
                    assert picked["SCORE"] == 0, "a wrong tick alone scores nothing, and never below nothing"
            if multiple:
                everything = run_response_processing(item, [c.key for c in choices])
                assert everything["SCORE"] == (1 if all(c.correct for c in choices) else 0)


def test_qti_round_trips_every_question():
    course = real_course()
    check_qti(course, qti_package(course))


def test_qti_package_is_byte_for_byte_repeatable():
    course = real_course()
    assert qti_package(course) == qti_package(course)


# --- Hostile text -----------------------------------------------------------------------------

HOSTILE = "~ = # { } : \\ < > & \" ' </script> -> #### \\n"


def _yaml(text: str) -> str:
    """A YAML single-quoted scalar: backslashes are literal, a quote is doubled."""
    return "'" + text.replace("'", "''") + "'"


# Where hostile text goes in the fixture course's alpha bank: (question index, field path).
HOSTILE_FIELDS = {
    "prompt": (0, ("prompt",)),
    "option": (0, ("options", 1, "text")),
    "feedback": (0, ("options", 1, "feedback")),
    "multiple option": (1, ("options", 2, "text")),
    "scenario": (3, ("scenario",)),
    "true feedback": (2, ("feedback_true",)),
    "item": (4, ("pairs", 1, "item")),
    "match": (4, ("pairs", 1, "match")),
    "distractor": (4, ("distractors", 0)),
}
HOSTILE_TEXT = {
    "prompt": f"Prompt {HOSTILE}",
    "option": f"[html] Option {HOSTILE}",
    "feedback": f"Feedback {HOSTILE}",
    "multiple option": f"Wrong {HOSTILE}",
    "scenario": f"Scenario {HOSTILE}",
    "true feedback": f"True {HOSTILE}",
    "item": f"Item {HOSTILE}",
    "match": f"Match {HOSTILE}",
    "distractor": f"Distractor {HOSTILE}",
}
ALPHA_BANK = "quizzes/alpha-lesson.yaml"


def _set(node, path, value):
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _get(node, path):
    for key in path:
        node = node[key]
    return node


@pytest.fixture(scope="module")
def hostile_course(tmp_path_factory):
    root = fixture_copy(tmp_path_factory.mktemp("hostile"))
    bank = yaml.safe_load((root / ALPHA_BANK).read_text(encoding="utf-8"))
    for name, (index, path) in HOSTILE_FIELDS.items():
        _set(bank["questions"][index], path, HOSTILE_TEXT[name])
    (root / ALPHA_BANK).write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    course = load_course(root)
    # The edits really landed, so the round trips below really carry the hostile text.
    questions = course.quiz_for("alpha-lesson").questions
    for name, (index, path) in HOSTILE_FIELDS.items():
        assert _get(questions[index].model_dump(), path) == HOSTILE_TEXT[name]
    return course


def test_hostile_text_survives_gift(hostile_course):
    text = gift_text(hostile_course, select_modules(hostile_course, ["1"]))
    check_gift(hostile_course, text, ["1"])
    parsed = {q.name: q for q in parse_gift(text)}
    assert html_blocks(parsed["q-alpha-01"].text) == [f"Prompt {HOSTILE}"]
    assert ("", f"Distractor {HOSTILE}") in parsed["q-alpha-05"].pairs


def test_hostile_text_survives_moodle_xml(hostile_course):
    text = moodle_xml(hostile_course, select_modules(hostile_course, ["1"]))
    check_moodle_xml(hostile_course, text, ["1"])
    assert "</script>" not in text


def test_hostile_text_survives_qti(hostile_course):
    data = qti_package(hostile_course, select_modules(hostile_course, ["1"]))
    check_qti(hostile_course, data, ["1"])
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert all(b"</script>" not in archive.read(name) for name in archive.namelist())


def test_gift_refuses_text_that_moodle_would_rewrite(tmp_path):
    root = course_copy(tmp_path)
    edit(
        root,
        "quizzes/small-groups.yaml",
        '"Joining the local Compact group to network"',
        '"Colon &&058; here"',
    )
    course = load_course(root)
    with pytest.raises(ValueError, match=r"q-small-groups-01.*&&058;"):
        gift_text(course)
    # Moodle XML has no such placeholders, so it keeps the text as it is.
    assert "Colon &amp;&amp;058; here" in moodle_xml(course)


def test_slash_in_a_module_title_stays_one_category():
    course = real_course()
    module = course.modules[0].model_copy(update={"title": "Funding / grants"})
    # Moodle splits category paths on "/" and reads "//" as a literal slash.
    assert moodle_category_path(course, module) == "$course$/top/Module 1: Funding // grants"


# --- Module selection and the command ---------------------------------------------------------


def test_modules_by_number_or_id_in_course_order():
    course = real_course()
    ids = [mod.id for mod in course.modules]
    assert [mod.id for mod in select_modules(course, ["3,1"])] == [ids[0], ids[2]]
    assert [mod.id for mod in select_modules(course, [ids[3], "2", "2"])] == [ids[1], ids[3]]
    assert select_modules(course, None) == course.modules
    with pytest.raises(UnknownModuleError, match=rf"unknown module.*: {len(ids) + 1}, nope"):
        select_modules(course, [f"1,{len(ids) + 1}", "nope"])


def test_export_of_selected_modules_holds_only_their_questions():
    course = real_course()
    check_gift(course, export(course, "gift", ["2"]), ["2"])
    check_moodle_xml(course, export(course, "moodle-xml", ["4"]), ["4"])
    check_qti(course, export(course, "qti", ["1,3"]), ["1,3"])


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti"])
def test_command_writes_the_export(tmp_path, capsys, fmt):
    course = real_course()
    out = tmp_path / "sub" / f"bank.{fmt}"
    assert (
        cli.main(["--root", str(COURSE_ROOT), "export", "--format", fmt, "--out", str(out), "--modules", "1", "3"]) == 0
    )
    data = out.read_bytes()
    expected = export(course, fmt, ["1", "3"])
    assert data == (expected if isinstance(expected, bytes) else expected.encode("utf-8"))
    count = sum(1 for _ in exported(course, ["1", "3"]))
    assert f"wrote {count} questions from 2 module(s)" in capsys.readouterr().out


def test_command_rejects_unknown_modules_with_exit_code_2(tmp_path, capsys):
    out = tmp_path / "bank.txt"
    code = cli.main(["--root", str(COURSE_ROOT), "export", "--format", "gift", "--out", str(out), "--modules", "1,9"])
    assert code == 2
    assert not out.exists()
    error = capsys.readouterr().err
    assert "unknown module(s): 9" in error and "1 (" in error


# --- The final self-assessment's pool (issue 29) ------------------------------------------------


@pytest.mark.parametrize("part", ["lessons", "self-assessment"])
def test_either_part_alone_reads_back_in_every_format(part):
    course = real_course()
    check_gift(course, export(course, "gift", None, part), None, part)
    check_moodle_xml(course, export(course, "moodle-xml", None, part), None, part)
    check_qti(course, export(course, "qti", None, part), None, part)
    ids = {q.name for q in parse_gift(export(course, "gift", None, part))}
    pool = {q.id for q in course.pool_questions()}
    assert (ids == pool) if part == "self-assessment" else not (ids & pool)


def test_each_pool_category_can_supply_the_self_assessment():
    """A Moodle quiz drawing per_module random questions from each category reproduces the draw."""
    course = real_course()
    by_category: dict[str, list[str]] = {}
    for question in parse_gift(export(course, "gift", None, "self-assessment")):
        by_category.setdefault(question.category, []).append(question.name)
    assert list(by_category) == [f"$course$/top/Compact course/Module {n}" for n in range(1, len(course.modules) + 1)]
    for number, module in enumerate(course.modules, start=1):
        held = by_category[f"$course$/top/Compact course/Module {number}"]
        assert held == [q.id for q in course.pool_questions(module.id)]
        assert len(held) >= course.assessment.draw.per_module
        fixed_here = [q for q in course.assessment.fixed if q in held]
        assert fixed_here, f"Module {number} has no question of the fixed self-assessment"
    assert sorted(q for ids in by_category.values() for q in ids if q in course.assessment.fixed) == sorted(
        course.assessment.fixed
    )


@pytest.mark.parametrize("part", ["all", "lessons", "self-assessment"])
def test_command_writes_the_part_asked_for(tmp_path, capsys, part):
    course = real_course()
    out = tmp_path / "bank.xml"
    args = ["--root", str(COURSE_ROOT), "export", "--format", "moodle-xml", "--out", str(out)]
    assert cli.main([*args, "--questions", part] if part != "all" else args) == 0
    assert out.read_text(encoding="utf-8") == export(course, "moodle-xml", None, part)
    count = sum(1 for _ in exported(course, None, part))
    assert f"wrote {count} questions from {len(course.modules)} module(s)" in capsys.readouterr().out
