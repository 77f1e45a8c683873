"""The quiz bank as Moodle GIFT text: one ``$CATEGORY`` per module, questions named by id.

Written to match how Moodle's GIFT importer (``qformat_gift``) reads a file:

- questions are separated by blank lines and never contain one (newlines become ``\\n``);
- every GIFT special character in course text (``~ = # { } :`` and backslash) is escaped
  with a backslash, so no text can open an answer block or end a feedback;
- question text starts with ``[html]``: Moodle then reads the text, options and feedback as
  HTML, and the course text inside is HTML-escaped, so ``<``, ``&`` and quotes show as typed;
- matching *matches* are plain text in Moodle (only items are HTML), so they are not
  HTML-escaped; a distractor is written as ``= -> match`` with a blank item, the form
  Moodle's own GIFT export uses for extra wrong answers;
- the ``$CATEGORY:`` line is read raw (no escapes), so a module title must not contain a
  backslash.

GIFT has no place for hints or per-item feedback in matching questions: the pair feedback is
appended to the general feedback, and hints are left out (Moodle XML keeps them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.export.common import (
    choice_weights,
    export_groups,
    format_percent,
    general_feedback_html,
    paragraph_html,
    question_html,
    select_modules,
)
from compact_course.export.licence import licence_lines

SPECIAL = "\\~=#{}:"

# Moodle swaps escaped characters for these placeholders while it parses, then swaps them
# back; text that already contains one would come out changed. HTML-escaped text cannot
# (its "&" becomes "&amp;"), so only plain-text fields are checked.
MOODLE_PLACEHOLDER = re.compile(r"&&(?:058;|035;|061;|123;|125;|126;|092;|010)")


def escape_gift(text: str) -> str:
    """Backslash-escape GIFT's special characters; newlines become ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join("\\" + char if char in SPECIAL else "\\n" if char == "\n" else char for char in text)


def html_field(html: str) -> str:
    """An HTML fragment as a GIFT field.

    Moodle treats a field that starts with ``[word]`` as a format marker, so a leading
    ``[`` is written as the character reference ``&#91;``.
    """
    if html.startswith("["):
        html = "&#91;" + html[1:]
    return escape_gift(html)


def plain_field(text: str, question: m.QuestionBase) -> str:
    placeholder = MOODLE_PLACEHOLDER.search(text)
    if placeholder:
        raise ValueError(
            f"question {question.id}: {text!r} contains {placeholder.group()!r}, "
            "which Moodle's GIFT importer would turn into another character; use Moodle XML for this question"
        )
    return escape_gift(text)


def _comment(text: str) -> str:
    return "// " + " ".join(text.split())


def _head(question: m.QuestionBase) -> str:
    return f"::{escape_gift(question.id)}::[html]{html_field(question_html(question))}"


def _general(question: m.QuestionBase) -> str:
    return "####" + html_field(general_feedback_html(question))


def _choice_question(question: m.QuestionBase) -> list[str]:
    lines = [_head(question) + "{"]
    multiple = isinstance(question, m.MultipleSelect)
    for choice, weight in zip(question.choices(), choice_weights(question)):
        marker = f"~%{format_percent(weight)}%" if multiple else "=" if choice.correct else "~"
        lines.append(f"\t{marker}{html_field(e(choice.text))}#{html_field(e(choice.feedback))}")
    lines += [f"\t{_general(question)}", "}"]
    return lines


def _true_false(question: m.TrueFalse) -> list[str]:
    # Moodle reads {T#a#b} as: a = feedback for the wrong choice, b = for the right one.
    if question.answer:
        answer, wrong, right = "T", question.feedback_false, question.feedback_true
    else:
        answer, wrong, right = "F", question.feedback_true, question.feedback_false
    return [
        _head(question)
        + f"{{{answer}#{html_field(paragraph_html(wrong))}#{html_field(paragraph_html(right))}{_general(question)}}}"
    ]


def _matching(question: m.Matching) -> list[str]:
    lines = [_head(question) + "{"]
    for pair in question.pairs:
        lines.append(f"\t={html_field(e(pair.item))} -> {plain_field(pair.match, question)}")
    for distractor in question.distractors:
        lines.append(f"\t= -> {plain_field(distractor, question)}")
    lines += [f"\t{_general(question)}", "}"]
    return lines


def question_lines(question: m.QuestionBase) -> list[str]:
    if isinstance(question, m.TrueFalse):
        return _true_false(question)
    if isinstance(question, m.Matching):
        return _matching(question)
    return _choice_question(question)


def gift_text(course: Course, modules: Sequence[m.Module] | None = None, part: str = "all") -> str:
    """The questions of ``modules`` (default: all) as one GIFT file, UTF-8 text.

    ``part``: the lesson banks (``lessons``), the self-assessment pool (``self-assessment``) or both.
    """
    if modules is None:
        modules = select_modules(course, None)
    blocks = [
        [
            _comment("Quiz bank in Moodle GIFT format, UTF-8."),
            _comment("Generated by `compact-course export --format gift`; edit the quiz banks, not this file."),
            _comment("Import with 'Get category from file' ticked: each module becomes a category."),
            *(_comment(line) for line in licence_lines(course)),
        ]
    ]
    for group in export_groups(course, modules, part):
        if "\\" in group.name or "\n" in group.name:
            raise ValueError(
                f"module {group.module.id}: a GIFT category cannot hold a backslash or line break in its title"
            )
        blocks.append([_comment(group.name), f"$CATEGORY: {group.moodle_path}"])
        for section in group.sections:
            for number, question in enumerate(section.questions, start=1):
                comment = _comment(f"{section.title} ({section.id}), question {number}: {question.type}")  # type: ignore[attr-defined]
                blocks.append([comment, *question_lines(question)])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
