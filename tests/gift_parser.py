"""A small, strict GIFT reader for the export tests, following Moodle's importer rules.

It reads what ``compact_course.export.gift`` writes (and GIFT in general, for the question
types the course uses): blank lines separate questions, lines starting ``//`` are comments,
``$CATEGORY:`` switches category, ``::name::`` names a question, an optional ``[format]``
marker follows, and the first unescaped ``{ ... }`` holds the answers with ``####`` general
feedback at the end. Special characters count only when unescaped; a backslash before
anything but ``~ = # { } : \\ n`` is an error, so sloppy escaping cannot pass unnoticed.

It works on the raw text with an escape-aware scanner, not by re-using the exporter's code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = ("moodle", "html", "plain", "markdown")
ESCAPABLE = {"~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "\\": "\\", "n": "\n"}


class GiftError(ValueError):
    pass


@dataclass
class GiftAnswer:
    text: str
    weight: float  # percent of the mark; "=" counts as 100, plain "~" as 0
    feedback: str | None
    marker: str  # "=" or "~"


@dataclass
class GiftQuestion:
    category: str | None
    name: str | None
    text_format: str | None
    text: str
    kind: str  # "multichoice" | "truefalse" | "match"
    general_feedback: str | None = None
    answers: list[GiftAnswer] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (item, match); item "" = distractor
    truth: bool | None = None
    feedback_wrong: str | None = None
    feedback_right: str | None = None


def unescape(raw: str) -> str:
    out = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\":
            if index + 1 >= len(raw) or raw[index + 1] not in ESCAPABLE:
                raise GiftError(f"stray backslash in {raw!r} at {index}")
            out.append(ESCAPABLE[raw[index + 1]])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def find(raw: str, token: str, start: int = 0) -> int:
    """Index of the first unescaped ``token`` at or after ``start``, or -1."""
    index = 0
    while index < len(raw):
        if raw[index] == "\\":
            index += 2
            continue
        if index >= start and raw.startswith(token, index):
            return index
        index += 1
    return -1


def rfind(raw: str, token: str) -> int:
    found, at = -1, find(raw, token)
    while at != -1:
        found, at = at, find(raw, token, at + 1)
    return found


def split(raw: str, token: str) -> list[str]:
    parts, start = [], 0
    at = find(raw, token)
    while at != -1:
        parts.append(raw[start:at])
        start = at + len(token)
        at = find(raw, token, start)
    parts.append(raw[start:])
    return parts


def _text(raw: str) -> str:
    return unescape(raw.strip()).strip()


def _format_and_text(raw: str) -> tuple[str | None, str]:
    """A field's optional ``[format]`` marker and its text (Moodle's parse_text_with_format).

    As in Moodle, only a known format name counts as a marker; ``[other]`` stays in the text.
    """
    raw = raw.strip()
    if raw.startswith("[") and "]" in raw:
        end = raw.index("]")
        if raw[1:end] in FORMATS:
            return raw[1:end], _text(raw[end + 1 :])
    return None, _text(raw)


def _field(raw: str) -> str:
    """An answer or feedback field: Moodle strips a format marker from these too."""
    return _format_and_text(raw)[1]


def _choice_answers(section: str) -> list[GiftAnswer]:
    starts = sorted(i for token in ("=", "~") for i in _all(section, token))
    if not starts or section[: starts[0]].strip():
        raise GiftError(f"answers must start with = or ~: {section!r}")
    answers = []
    for begin, end in zip(starts, starts[1:] + [len(section)]):
        marker, body = section[begin], section[begin + 1 : end].strip()
        weight = 100.0 if marker == "=" else 0.0
        if marker == "~" and body.startswith("%"):
            close = body.index("%", 1)
            weight = float(body[1:close])
            body = body[close + 1 :]
        hash_at = find(body, "#")
        text, feedback = (body, None) if hash_at == -1 else (body[:hash_at], _field(body[hash_at + 1 :]))
        answers.append(GiftAnswer(text=_field(text), weight=weight, feedback=feedback, marker=marker))
    return answers


def _all(raw: str, token: str) -> list[int]:
    found, at = [], find(raw, token)
    while at != -1:
        found.append(at)
        at = find(raw, token, at + 1)
    return found


def parse_question(block: str, category: str | None) -> GiftQuestion:
    name = None
    if block.startswith("::"):
        end = find(block, "::", 2)
        if end == -1:
            raise GiftError(f"unclosed question name: {block[:60]!r}")
        name, block = _text(block[2:end]), block[end + 2 :].strip()
    opening, closing = find(block, "{"), find(block, "}")
    if opening == -1 or closing == -1 or closing < opening:
        raise GiftError(f"question {name}: no answer block")
    if block[closing + 1 :].strip():
        raise GiftError(f"question {name}: text after the answer block: {block[closing + 1 :]!r}")
    if find(block, "{", opening + 1) != -1:
        raise GiftError(f"question {name}: more than one answer block")
    text_format, text = _format_and_text(block[:opening])
    section = block[opening + 1 : closing].strip()
    general = None
    separator = rfind(section, "####")
    if separator != -1:
        general, section = _field(section[separator + 4 :]), section[:separator].strip()
    question = GiftQuestion(
        category=category, name=name, text_format=text_format, text=text, kind="", general_feedback=general
    )
    first_hash = find(section, "#")
    head = (section if first_hash == -1 else section[:first_hash]).strip()
    if find(section, "~") != -1:
        question.kind = "multichoice"
        question.answers = _choice_answers(section)
    elif find(section, "=") != -1 and find(section, "->") != -1:
        question.kind = "match"
        pieces = split(section, "=")
        if pieces[0].strip():
            raise GiftError(f"question {name}: matching pairs must start with =")
        for piece in pieces[1:]:
            arrow = find(piece, "->")
            if arrow == -1:
                raise GiftError(f"question {name}: pair without -> in {piece!r}")
            # Items are formatted text; matches are plain text in Moodle (no format marker).
            question.pairs.append((_field(piece[:arrow]), _text(piece[arrow + 2 :])))
    elif head in ("T", "TRUE", "F", "FALSE"):
        question.kind = "truefalse"
        parts = split(section, "#")
        if len(parts) != 3:
            raise GiftError(f"question {name}: true/false needs an answer and two feedbacks, got {len(parts)} parts")
        question.truth = head in ("T", "TRUE")
        question.feedback_wrong, question.feedback_right = _field(parts[1]), _field(parts[2])
    else:
        raise GiftError(f"question {name}: cannot tell the question type from {section[:60]!r}")
    return question


def parse_gift(text: str) -> list[GiftQuestion]:
    """Every question in a GIFT document, with the category it was filed under."""
    questions, category, block = [], None, []
    for line in text.split("\n") + [""]:
        if line.strip():
            if not line.strip().startswith("//"):
                block.append(line)
            continue
        if block:
            joined = "\n".join(block).strip()
            block = []
            if joined.startswith("$CATEGORY:"):
                category = joined[len("$CATEGORY:") :].strip()
            else:
                questions.append(parse_question(joined, category))
    return questions
