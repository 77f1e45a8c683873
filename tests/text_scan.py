"""Find English written into the package's code: string literals a reader would read as words.

Issue 26 item 4: every sentence a learner or facilitator reads comes from ``data/`` (mostly
``data/interface.yaml``), never from a Python or JavaScript literal. This module lists every
string literal in ``src/compact_course/**/*.py`` (with :mod:`ast`; an f-string is one literal
whose values read ``{}``) and in ``src/compact_course/static/src/*.js`` (a small tokenizer that
knows comments, strings, template literals and regular expressions), and says which read as
English.

What reads as English (:func:`english`):

* The title of a MyST role ({doc}`title <target>`) counts as text; its target does not.
* Text between HTML tags in a literal that holds markup: any word of two or more letters
  (a heading, a label, a table header, even one word, is text a reader sees).
* A single word with a space before or after it: a piece of a sentence put together by
  concatenation ("Lesson " + number).
* Any other literal: two or more words (letters only, optionally ending in punctuation), at
  least one of them all lower case, making up at least half of its pieces. So "Key points" and
  "Choose one answer." are English; "cc-block cc-overview", "text/html", "%s", a CSS rule, a
  selector, a regular expression or a format such as "{} of {}" are not.

What is for developers, not readers, and so not reported:

* docstrings; the message of a ``raise``, an ``assert``, ``warnings.warn`` or a logger call, and
  an argparse ``help=`` or ``description=`` (the command line's own help); in JavaScript, a literal in a statement
  that throws or writes to the console. Errors and CLI messages are read by whoever runs the
  tools (a maintainer or a facilitator at a terminal), and locate a problem in data or code.
* modules listed under ``developer_modules`` in tests/text_in_code_allow.yaml (the ``check``
  rules and the command line), each with its reason.

Anything else must come from data/, or be listed under ``allowed`` in that file, with a reason.
Single words outside markup ("True", "Yes") look like identifiers and are not reported: keep
them in data/ by review.
"""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PLACEHOLDER = "{}"
TAG = re.compile(r"<[^<>]*>|<[^<>]*$|^[^<>]*>")
ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
# A MyST role such as {doc}`facilitator guide <index>`: its title is text, its target is not.
# A Markdown fence and its info string (```{raw} html, ```console): syntax, not text.
FENCE = re.compile(r"`{3,}[^\n`]*")
ROLE = re.compile(r"\{[a-z]+\}`([^`<]*?)\s*(?:<[^>`]*>)?`")
WORD = re.compile(r"^[(\"“‘]?[A-Za-z][A-Za-z’']*[)\"”’.,:;?!]*$")
MARKUP_WORD = re.compile(r"[A-Za-z]{2,}")
LOG_FORMAT = re.compile(r"%[sdr]")

# Calls whose words go to whoever runs the tools: warnings, logs, a command's printed output.
DEV_CALLS = {"warn", "warning", "debug", "info", "error", "exception", "critical", "log", "print", "exit"}
# A regular expression's pieces (a pattern is not prose, even when it matches prose).
REGEX_PIECES = re.compile(r"\\[bsdwS]|\.\*\??|\[\^|\(\?[:P<=!]")
# HTML element names: a literal made of these only is a CSS selector ("input, select").
ELEMENTS = set(
    [
        "a",
        "button",
        "input",
        "select",
        "textarea",
        "summary",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "table",
        "details",
        "option",
        "label",
    ]
)
JS_DEV = re.compile(r"\bthrow\b|\bnew (?:Type|Range)?Error\(|\bconsole\.")


@dataclass(frozen=True)
class Literal:
    file: str  # relative to the repository root
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.text!r}"


def has_markup(text: str) -> bool:
    return bool(re.search(r"</?[a-z][a-z0-9]*[\s>/]|<!DOCTYPE", text))


def english(text: str) -> bool:
    """Does this literal hold words a reader reads (see the module's docstring)?"""
    if LOG_FORMAT.search(text) or REGEX_PIECES.search(text):
        return False
    text = ROLE.sub(r" \1 ", FENCE.sub(" ", text))
    if has_markup(text):
        visible = ENTITY.sub(" ", TAG.sub(" ", text)).replace(PLACEHOLDER, " ")
        return bool(MARKUP_WORD.search(visible))
    pieces = text.replace(PLACEHOLDER, " ").split()
    words = [piece for piece in pieces if WORD.match(piece)]
    if len(pieces) == 1 and re.fullmatch(r"\s*[A-Za-z]{2,}\s*", text) and text != text.strip():
        return True  # a word with a space to join it to the next: a piece of a sentence ("Lesson " + number)
    if len(words) < 2 or len(words) * 2 < len(pieces):
        return False
    if all(re.sub(r"[^a-z]", "", word) in ELEMENTS for word in words):
        return False
    return any(re.sub(r"[^A-Za-z]", "", word).islower() and len(word) > 1 for word in words)


# --- Python ------------------------------------------------------------------------------


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _developer_nodes(tree: ast.AST) -> set[int]:
    """Ids of every node inside an error, an assertion, a warning or log call, or a CLI help."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            roots.append(node.exc)
        elif isinstance(node, ast.Assert) and node.msg is not None:
            roots.append(node.msg)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in DEV_CALLS:
                roots.append(node)
            roots.extend(keyword.value for keyword in node.keywords if keyword.arg in ("help", "description"))
    return {id(inner) for root in roots for inner in ast.walk(root)}


def _joined(node: ast.JoinedStr) -> str:
    parts = []
    for value in node.values:
        parts.append(value.value if isinstance(value, ast.Constant) else PLACEHOLDER)
    return "".join(str(part) for part in parts)


def python_literals(path: Path, name: str) -> Iterator[Literal]:
    """Every string literal of a Python module outside docstrings and developer messages."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = _docstrings(tree) | _developer_nodes(tree)
    inner = {id(value) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for value in node.values}
    for node in ast.walk(tree):
        if id(node) in skip or id(node) in inner:
            continue
        if isinstance(node, ast.JoinedStr):
            yield Literal(name, node.lineno, _joined(node))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield Literal(name, node.lineno, node.value)


# --- JavaScript --------------------------------------------------------------------------

REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^") | {""}
REGEX_KEYWORDS = {"return", "typeof", "case", "of", "in", "do", "else", "void", "yield"}


class _JsScanner:
    """A tokenizer just good enough to find string and template literals in the course's modules."""

    def __init__(self, source: str):
        self.src = source
        self.i = 0
        self.found: list[tuple[int, int, str]] = []  # (start offset, line, text)
        self.newlines = [i for i, c in enumerate(source) if c == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1

    def previous_significant(self) -> str:
        j = self.i - 1
        while j >= 0 and self.src[j].isspace():
            j -= 1
        if j < 0:
            return ""
        if self.src[j].isalnum() or self.src[j] in "_$":
            k = j
            while k >= 0 and (self.src[k].isalnum() or self.src[k] in "_$"):
                k -= 1
            word = self.src[k + 1 : j + 1]
            return "(" if word in REGEX_KEYWORDS else word
        return self.src[j]

    def scan(self, stop: str = "") -> None:
        src = self.src
        depth = 0
        while self.i < len(src):
            c = src[self.i]
            if stop and c == "}" and depth == 0:
                return
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            if src.startswith("//", self.i):
                self.i = src.find("\n", self.i) if "\n" in src[self.i :] else len(src)
            elif src.startswith("/*", self.i):
                self.i = src.index("*/", self.i) + 2
            elif c in "'\"":
                self.string(c)
            elif c == "`":
                self.template()
            elif c == "/" and self.previous_significant() in REGEX_AFTER | {"("}:
                self.regex()
            else:
                self.i += 1

    def string(self, quote: str) -> None:
        start = self.i
        self.i += 1
        out = []
        while self.src[self.i] != quote:
            if self.src[self.i] == "\\":
                self.i += 1
            out.append(self.src[self.i])
            self.i += 1
        self.i += 1
        self.found.append((start, self.line(start), "".join(out)))

    def template(self) -> None:
        start = self.i
        self.i += 1
        out = []
        while self.src[self.i] != "`":
            if self.src[self.i] == "\\":
                self.i += 1
                out.append(self.src[self.i])
                self.i += 1
            elif self.src.startswith("${", self.i):
                self.i += 2
                self.scan(stop="}")
                self.i += 1
                out.append(PLACEHOLDER)
            else:
                out.append(self.src[self.i])
                self.i += 1
        self.i += 1
        self.found.append((start, self.line(start), "".join(out)))

    def regex(self) -> None:
        self.i += 1
        in_class = False
        while self.src[self.i] != "/" or in_class:
            if self.src[self.i] == "\\":
                self.i += 1
            elif self.src[self.i] == "[":
                in_class = True
            elif self.src[self.i] == "]":
                in_class = False
            self.i += 1
        self.i += 1


def js_literals(path: Path, name: str) -> Iterator[Literal]:
    """Every string and template literal of a JavaScript module outside developer messages."""
    source = path.read_text(encoding="utf-8")
    scanner = _JsScanner(source)
    scanner.scan()
    for start, line, text in scanner.found:
        statement_start = max(source.rfind(";", 0, start), source.rfind("{", 0, start), source.rfind("}", 0, start))
        if JS_DEV.search(source[statement_start + 1 : start]):
            continue
        yield Literal(name, line, text)


# --- The package ------------------------------------------------------------------------


def package_literals(root: Path) -> Iterator[Literal]:
    """Every literal of the package's Python modules and the script's ES modules (not the bundles)."""
    package = root / "src" / "compact_course"
    for path in sorted(package.rglob("*.py")):
        yield from python_literals(path, path.relative_to(root).as_posix())
    for path in sorted((package / "static" / "src").glob("*.js")):
        yield from js_literals(path, path.relative_to(root).as_posix())


def english_literals(root: Path, developer_modules: tuple[str, ...] = ()) -> list[Literal]:
    return [
        literal
        for literal in package_literals(root)
        if not literal.file.startswith(developer_modules) and english(literal.text)
    ]
