"""The text a learner reads on a lesson page, split into paragraphs and tagged by whose words they are.

A lesson page is its notebook's narrative (Markdown cells) and the blocks its one-line code
cells display. Rather than run the notebook, each code cell's call (``page.qa()``,
``page.chart("timeline")``) is made on :class:`~compact_course.book.pages.LessonPage` for the
course being checked, and the HTML it returns is split into paragraphs (block-level elements).

Each paragraph is a :class:`Unit` of one kind: ``own`` (the course's own words), ``quote``
(Compact Voice's Q&A, quoted word for word: excluded from plain-English figures, but read, so
counted in reading time), ``quiz`` (the lesson's questions: own words, timed per question) or
``heading``.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from compact_course.book.pages import LessonPage
from compact_course.core.course import Course

BLOCK_TAGS = frozenset(
    [
        "p",
        "li",
        "legend",
        "label",
        "summary",
        "figcaption",
        "caption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "div",
        "section",
        "blockquote",
        "ul",
        "ol",
        "details",
    ]
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# Subtrees the learner does not read as prose: code, images, data tables, form controls.
SKIP_TAGS = frozenset(["script", "style", "svg", "table", "button", "input", "select", "option", "datalist"])
# Classes of the parts that quote Compact Voice's Q&A: the question as asked and the answer.
# The list inside the further-reading block is the Q&A's own list of examples, so quoted too.
QUOTE_CLASSES = frozenset({"cc-asked", "cc-answer-quote"})
FURTHER_CLASS = "cc-further"
QUIZ_CLASSES = frozenset({"cc-quiz"})
# Parts of a quiz that are labels, not prose: question numbers, the options themselves.
SKIP_CLASSES = frozenset({"cc-number", "cc-options", "cc-controls", "cc-verdict"})
VOID_TAGS = frozenset(["br", "img", "hr", "meta", "link", "input", "wbr"])


@dataclass(frozen=True)
class Unit:
    """One paragraph, list item or heading of a page."""

    text: str
    kind: str  # own | quote | quiz | heading


class _Splitter(HTMLParser):
    """Collects the text of each block-level element, tagged by the kind of its nearest tagged ancestor."""

    def __init__(self, kind: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", kind, False)]  # (tag, kind, skipped)
        self.buffer: list[str] = []
        self.units: list[Unit] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text:
            kind = self.stack[-1][1]
            self.units.append(Unit(text, "own" if kind == "further" else kind))

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            if tag == "br":
                self.buffer.append(" ")
            return
        classes = set((dict(attrs).get("class") or "").split())
        _, kind, skipped = self.stack[-1]
        if tag in BLOCK_TAGS:
            self._flush()
        if classes & QUOTE_CLASSES or (kind == "further" and tag == "ul"):
            kind = "quote"
        elif FURTHER_CLASS in classes:
            kind = "further"
        elif classes & QUIZ_CLASSES:
            kind = "quiz"
        elif tag in HEADING_TAGS:
            kind = "heading"
        skipped = skipped or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self.stack.append((tag, kind, skipped))

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or not any(open_tag == tag for open_tag, _, _ in self.stack[1:]):
            return
        if tag in BLOCK_TAGS:
            self._flush()
        while len(self.stack) > 1 and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not self.stack[-1][2]:
            self.buffer.append(data)


def html_units(html: str, kind: str = "own") -> list[Unit]:
    splitter = _Splitter(kind)
    splitter.feed(html)
    splitter.close()
    splitter._flush()
    return splitter.units


ROLE = re.compile(r"\{[a-z]+\}`([^`<]*?)\s*(?:<[^>]*>)?`")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _plain(markdown: str) -> str:
    text = ROLE.sub(r"\1", markdown)
    text = LINK.sub(r"\1", text)
    return " ".join(EMPHASIS.sub("", text).split())


def markdown_units(source: str) -> list[Unit]:
    """Paragraphs, list items and headings of a Markdown cell (directive fences and options dropped)."""
    units: list[Unit] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            units.append(Unit(_plain(" ".join(paragraph)), "own"))
            paragraph.clear()

    for line in source.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("```", ":::", "<!--")) or re.match(r"^:[a-z-]+:", stripped):
            flush()
        elif stripped.startswith("#"):
            flush()
            units.append(Unit(_plain(stripped.lstrip("#")), "heading"))
        elif LIST_MARK.match(line):
            flush()
            paragraph.append(LIST_MARK.sub("", line))
        else:
            paragraph.append(stripped)
    flush()
    return [unit for unit in units if unit.text]


def _call_html(page: LessonPage, node: ast.expr) -> str:
    """The HTML of a ``page.method(literal, ...)`` call; empty for anything else (imports, assignments)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return ""
    if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "page"):
        return ""
    args = [ast.literal_eval(arg) for arg in node.args]
    shown = getattr(page, node.func.attr)(*args)
    if hasattr(shown, "to_html"):
        return shown.to_html()
    return shown.html


def code_cell_html(page: LessonPage, source: str) -> str:
    """What a lesson notebook's code cell displays: the value of its last expression."""
    body = ast.parse(source).body
    if not body or not isinstance(body[-1], ast.Expr):
        return ""
    return _call_html(page, body[-1].value)


def lesson_units(course: Course, lesson_id: str) -> list[Unit]:
    """Every paragraph of a lesson page, in page order."""
    page = LessonPage(course, lesson_id)
    notebook = json.loads((course.root / f"{page.docname}.ipynb").read_text(encoding="utf-8"))
    units: list[Unit] = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            units.extend(markdown_units(source))
        elif cell["cell_type"] == "code":
            units.extend(html_units(code_cell_html(page, source)))
    return units
