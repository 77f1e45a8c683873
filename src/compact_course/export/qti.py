"""The quiz bank as an IMS QTI 2.1 content package (a zip with ``imsmanifest.xml``).

Package layout::

    imsmanifest.xml              IMS Content Packaging 1.1 manifest listing every resource
    items/<question id>.xml      one assessmentItem per question
    test-<module id>.xml         one assessmentTest per module, a section per lesson quiz
    test-self-assessment-<module id>.xml
                                 one per module's self-assessment pool, one section that
                                 selects the self-assessment's draw (per_module) at random

Single, scenario and true/false questions become a one-choice ``choiceInteraction``
(a scenario is a paragraph before the interaction); multiple-select a many-choice one;
matching a ``matchInteraction`` whose second set also holds the distractors. Scores come
from a response mapping with the same weights as the Moodle formats. Option feedback is a
``modalFeedback`` per choice (shown for the choices picked) and the explanation one more,
always shown; for matching it also lists each right match with its feedback.

Text goes into XML elements through :mod:`xml.etree.ElementTree`, so it is escaped for XML
and stays plain text (no HTML layer). The zip is deterministic: sorted entries, fixed
1980-01-01 timestamps, fixed permissions.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.export.common import (
    Group,
    choice_weights,
    export_groups,
    fraction_text,
    pair_notes,
    select_modules,
    split_percent,
    stem_parts,
)
from compact_course.export.licence import add_ieee_lom_rights

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
EXPLANATION = "EXPLANATION"


def _q(tag: str) -> str:
    # Elements are left unqualified and the root carries a literal xmlns attribute: that
    # puts them all in the QTI namespace without prefixes (ElementTree's default_namespace
    # option rejects unqualified attributes, which QTI uses throughout).
    return tag


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _q(tag), attributes)
    if text is not None:
        element.text = text
    return element


def _serialise(root: ET.Element, namespace: str) -> bytes:
    root.set("xmlns", namespace)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def item_path(question: m.QuestionBase) -> str:
    return f"items/{question.id}.xml"


def test_path(group: Group) -> str:
    return f"test-{group.id}.xml"


def match_item_id(key: str) -> str:
    """QTI identifiers cannot start with a digit, so item ``1`` becomes ``item-1``."""
    return f"item-{key}"


# --- Items ----------------------------------------------------------------------------------


def _declarations(
    item: ET.Element,
    cardinality: str,
    base_type: str,
    entries: list[tuple[str, str]],
    correct: list[str],
    feedback_cardinality: str | None,
) -> None:
    response = _sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    correct_response = _sub(response, "correctResponse")
    for value in correct:
        _sub(correct_response, "value", value)
    mapping = _sub(response, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
    for key, value in entries:
        _sub(mapping, "mapEntry", mapKey=key, mappedValue=value)
    score = _sub(
        item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float", normalMaximum="1"
    )
    _sub(_sub(score, "defaultValue"), "value", "0")
    if feedback_cardinality:
        _sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality=feedback_cardinality, baseType="identifier")
    _sub(item, "outcomeDeclaration", identifier=EXPLANATION, cardinality="single", baseType="identifier")


def _response_processing(item: ET.Element, with_feedback: bool) -> None:
    processing = _sub(item, "responseProcessing")
    condition = _sub(processing, "responseCondition")
    unanswered = _sub(condition, "responseIf")
    _sub(_sub(unanswered, "isNull"), "variable", identifier="RESPONSE")
    _sub(_sub(unanswered, "setOutcomeValue", identifier="SCORE"), "baseValue", "0", baseType="float")
    answered = _sub(condition, "responseElse")
    _sub(_sub(answered, "setOutcomeValue", identifier="SCORE"), "mapResponse", identifier="RESPONSE")
    if with_feedback:
        # FEEDBACK holds the chosen identifiers, so the matching modalFeedback elements show.
        _sub(_sub(processing, "setOutcomeValue", identifier="FEEDBACK"), "variable", identifier="RESPONSE")
    _sub(_sub(processing, "setOutcomeValue", identifier=EXPLANATION), "baseValue", EXPLANATION, baseType="identifier")


def _explanation(item: ET.Element, question: m.QuestionBase) -> None:
    feedback = _sub(item, "modalFeedback", outcomeIdentifier=EXPLANATION, identifier=EXPLANATION, showHide="show")
    _sub(feedback, "p", question.explanation)
    if isinstance(question, m.Matching):
        notes = _sub(feedback, "ul")
        for note in pair_notes(question):
            # Text before the <br/> keeps ElementTree's indenting out of the list entry.
            entry = _sub(notes, "li", f"{note.item} → {note.match}")
            _sub(entry, "br").tail = note.feedback


def _choice_item(item: ET.Element, question: m.QuestionBase) -> None:
    choices = question.choices()
    multiple = isinstance(question, m.MultipleSelect)
    weights = choice_weights(question)
    _declarations(
        item,
        "multiple" if multiple else "single",
        "identifier",
        [(choice.key, fraction_text(weight)) for choice, weight in zip(choices, weights) if weight],
        [choice.key for choice in choices if choice.correct],
        "multiple" if multiple else "single",
    )
    body = _sub(item, "itemBody")
    *before, prompt = stem_parts(question)
    for paragraph in before:
        _sub(body, "p", paragraph)
    interaction = _sub(
        body,
        "choiceInteraction",
        responseIdentifier="RESPONSE",
        shuffle="false" if isinstance(question, m.TrueFalse) else "true",
        maxChoices=str(len(choices) if multiple else 1),
    )
    _sub(interaction, "prompt", prompt)
    for choice in choices:
        _sub(interaction, "simpleChoice", choice.text, identifier=choice.key)
    _response_processing(item, with_feedback=True)
    for choice in choices:
        feedback = _sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=choice.key, showHide="show")
        _sub(feedback, "p", choice.feedback)
    _explanation(item, question)


def _matching_item(item: ET.Element, question: m.Matching) -> None:
    items = question.items()
    pairs = [f"{match_item_id(entry.key)} {entry.answer}" for entry in items]
    shares = split_percent(100, len(items))
    _declarations(
        item,
        "multiple",
        "directedPair",
        [(pair, fraction_text(share)) for pair, share in zip(pairs, shares)],
        pairs,
        None,
    )
    body = _sub(item, "itemBody")
    interaction = _sub(
        body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="false", maxAssociations=str(len(items))
    )
    _sub(interaction, "prompt", question.prompt)
    sources = _sub(interaction, "simpleMatchSet")
    for entry in items:
        _sub(sources, "simpleAssociableChoice", entry.text, identifier=match_item_id(entry.key), matchMax="1")
    targets = _sub(interaction, "simpleMatchSet")
    for choice in question.choices():
        _sub(targets, "simpleAssociableChoice", choice.text, identifier=choice.key, matchMax="1")
    _response_processing(item, with_feedback=False)
    _explanation(item, question)


def item_xml(question: m.QuestionBase) -> bytes:
    """One question as a QTI 2.1 assessmentItem document."""
    item = ET.Element(
        _q("assessmentItem"),
        {
            XSI_LOCATION: f"{QTI_NS} {QTI_XSD}",
            "identifier": question.id,
            "title": question.id,
            "adaptive": "false",
            "timeDependent": "false",
        },
    )
    if isinstance(question, m.Matching):
        _matching_item(item, question)
    else:
        _choice_item(item, question)
    return _serialise(item, QTI_NS)


# --- Tests and manifest ---------------------------------------------------------------------


def test_xml(course: Course, group: Group) -> bytes:
    """A group as an assessmentTest: one section per lesson quiz (or the pool), scores summed.

    A pool's section selects as many questions as each new self-assessment attempt draws
    from each module (data/assessment.yaml ``draw.per_module``), at random.
    """
    test = ET.Element(
        _q("assessmentTest"),
        {XSI_LOCATION: f"{QTI_NS} {QTI_XSD}", "identifier": f"test-{group.id}", "title": group.name},
    )
    score = _sub(test, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _sub(_sub(score, "defaultValue"), "value", "0")
    part = _sub(
        test, "testPart", identifier=f"part-{group.id}", navigationMode="nonlinear", submissionMode="individual"
    )
    pool = group.id != group.module.id
    for section in group.sections:
        element = _sub(part, "assessmentSection", identifier=section.id, title=section.title, visible="true")
        if pool:
            draw = min(course.assessment.draw.per_module, len(section.questions))
            _sub(element, "selection", select=str(draw), withReplacement="false")
        for question in section.questions:
            _sub(element, "assessmentItemRef", identifier=question.id, href=item_path(question))
    total = _sub(_sub(test, "outcomeProcessing"), "setOutcomeValue", identifier="SCORE")
    _sub(_sub(total, "sum"), "testVariables", variableIdentifier="SCORE")
    return _serialise(test, QTI_NS)


def manifest_xml(course: Course, modules: Sequence[m.Module], groups: Sequence[Group]) -> bytes:
    def cp(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, tag, attributes)
        element.text = text
        return element

    numbers = "-".join(str(course.module_number(module.id)) for module in modules)
    kinds = {"quiz" if group.id == group.module.id else "self-assessment" for group in groups}
    kind = kinds.pop() if len(kinds) == 1 else "quiz-and-self-assessment"
    manifest = ET.Element(
        "manifest",
        {
            XSI_LOCATION: f"{CP_NS} {CP_XSD}",
            "identifier": f"compact-course-{kind}-modules-{numbers}",
        },
    )
    metadata = cp(manifest, "metadata")
    cp(metadata, "schema", "QTIv2.1 Package")
    cp(metadata, "schemaversion", "1.0.0")
    add_ieee_lom_rights(metadata, course)  # the licence (data/licence.yaml)
    cp(manifest, "organizations")
    resources = cp(manifest, "resources")
    for group in groups:
        test = cp(
            resources, "resource", identifier=f"test-{group.id}", type="imsqti_test_xmlv2p1", href=test_path(group)
        )
        cp(test, "file", href=test_path(group))
        for question in group.questions:
            cp(test, "dependency", identifierref=f"item-{question.id}")
    for group in groups:
        for question in group.questions:
            resource = cp(
                resources,
                "resource",
                identifier=f"item-{question.id}",
                type="imsqti_item_xmlv2p1",
                href=item_path(question),
            )
            cp(resource, "file", href=item_path(question))
    return _serialise(manifest, CP_NS)


def package_files(course: Course, modules: Sequence[m.Module], part: str = "all") -> dict[str, bytes]:
    groups = export_groups(course, modules, part)
    files = {"imsmanifest.xml": manifest_xml(course, modules, groups)}
    for group in groups:
        files[test_path(group)] = test_xml(course, group)
        for question in group.questions:
            files[item_path(question)] = item_xml(question)
    return files


def qti_package(course: Course, modules: Sequence[m.Module] | None = None, part: str = "all") -> bytes:
    """The questions of ``modules`` (default: all) as a QTI 2.1 content package (zip bytes).

    ``part``: the lesson banks (``lessons``), the self-assessment pool (``self-assessment``) or both.
    """
    if modules is None:
        modules = select_modules(course, None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in sorted(package_files(course, modules, part).items()):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds the package
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
