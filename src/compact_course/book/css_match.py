"""Does a style rule's selector match anything on a set of built pages, now or once scripts ran?

``css_purge`` drops rules by the words they need (a class or ``data-*`` attribute no page or script
has); this module does the tighter test a page type's stylesheet needs (issue 30): the selector is
matched against the parsed pages, after it has been *relaxed* so that what a script or a reader
can change later does not count against it:

- state and structure pseudo-classes (``:hover``, ``:focus-visible``, ``:checked``, ``:target``,
  ``:first-child``, ``:empty``...) and pseudo-elements are left out, so the rules of an element's
  states are kept wherever the element is;
- ``:not(...)`` is left out (it can only narrow a match);
- attribute conditions are left out: scripts and readers set them (``aria-expanded``,
  ``data-theme``, ``hidden``, ``open``, an input's ``type`` on an element a script makes), so
  ``html[data-theme=dark] .x`` (dark mode) is kept for every ``.x`` on the pages (``css_purge``
  still drops a rule whose ``data-*`` attribute nothing writes);
- a class or id that scripts give (the ``script_classes`` given) is left out, and a tag name that
  scripts create matches any element, so markup the scripts build is matched by where it goes.

The selector lists inside ``:is()``, ``:where()`` and ``:has()`` are relaxed alike; a selector
that cannot be parsed, or nests such lists, counts as used.
``@media print`` and dark-mode rules are decided like the others: kept when their elements exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import soupsieve
from bs4 import BeautifulSoup

PSEUDO_ELEMENT = re.compile(r"::?(?:before|after|first-line|first-letter)\b|::[\w-]+(?:\([^()]*\))?")
NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
PSEUDO_CLASS = re.compile(r":[\w-]+(?:\((?:[^()]|\([^()]*\))*\))?")
# A selector list inside a pseudo-class is relaxed part by part; one nested deeper keeps the rule.
SELECTOR_LIST = re.compile(r":(is|where|has)\(([^()]*)\)")
KEEPS_WHOLE = re.compile(r":(?:is|where|has|matches|-webkit-any|-moz-any)\(")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
COMBINATOR = re.compile(r"\s*([>+~])\s*|\s+")
# A class or id outside attribute conditions (whose values may hold dots and hashes).
CLASS_OR_ID = re.compile(r"\[[^\]]*\]|([.#])(-?[A-Za-z_][\w-]*)")
TYPE = re.compile(r"(^|[\s>+~(,])([A-Za-z][\w-]*)")
CREATED_TAG = re.compile(r"""createElement(?:NS)?\(\s*(?:[^,()]*,\s*)?["'`]([A-Za-z][\w-]*)["'`]""")
# A helper's call with a tag name first (the course's ``el("li", ...)``, renamed when minified).
HELPER_TAG = re.compile(r"""[\w$]\(\s*["'`]([a-z][a-z0-9]*)["'`]""")
HTML_TAGS = set(
    [
        "a",
        "abbr",
        "article",
        "aside",
        "b",
        "blockquote",
        "br",
        "button",
        "caption",
        "circle",
        "code",
        "col",
        "colgroup",
        "dd",
        "defs",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "em",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "g",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "img",
        "input",
        "kbd",
        "label",
        "legend",
        "li",
        "line",
        "main",
        "mark",
        "nav",
        "ol",
        "optgroup",
        "option",
        "output",
        "p",
        "path",
        "pattern",
        "polygon",
        "pre",
        "progress",
        "rect",
        "section",
        "select",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "text",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "tspan",
        "u",
        "ul",
    ]
)
MARKUP_TAG = re.compile(r"""["'`][^"'`\n]*?<([A-Za-z][\w-]*)[\s>/]""")


def created_tags(scripts: Iterable[str]) -> set[str]:
    """Tag names the scripts create (``document.createElement("li")``, the course's ``el("li", ...)``,
    markup written as a string)."""
    tags: set[str] = set()
    for script in scripts:
        tags.update(name.lower() for name in CREATED_TAG.findall(script))
        tags.update(name for name in HELPER_TAG.findall(script) if name in HTML_TAGS)
        tags.update(name.lower() for name in MARKUP_TAG.findall(script))
    return tags


def relax(selector: str, script_classes: set[str], script_tags: set[str]) -> str | None:
    """The selector with what can become true later left out; None when it must count as used."""
    lists: list[str | None] = []

    def hold(match: re.Match[str]) -> str:  # set aside, so that the steps below leave it whole
        parts = [relax(part, script_classes, script_tags) for part in match.group(2).split(",")]
        lists.append(None if None in parts else f":{match.group(1)}({', '.join(str(p) for p in parts)})")
        return f"\x00{len(lists) - 1}\x00"

    text = SELECTOR_LIST.sub(hold, selector)
    if KEEPS_WHOLE.search(text) or None in lists:
        return None
    text = _relax_compounds(text, script_classes, script_tags)
    return re.sub(r"\x00(\d+)\x00", lambda m: str(lists[int(m.group(1))]), text)


def _relax_compounds(selector: str, script_classes: set[str], script_tags: set[str]) -> str:
    text = PSEUDO_ELEMENT.sub("", selector)
    text = NOT.sub("", text)
    text = PSEUDO_CLASS.sub("", text)
    text = ATTRIBUTE.sub("", text)
    text = CLASS_OR_ID.sub(lambda m: "" if m.group(1) and m.group(2) in script_classes else m.group(0), text)
    text = TYPE.sub(lambda m: m.group(1) + ("*" if m.group(2).lower() in script_tags else m.group(2)), text)
    return _fill_empty_compounds(text)


def _fill_empty_compounds(text: str) -> str:
    """``.shown > p`` without ``.shown`` is ``* > p``: a compound left empty matches any element."""
    parts = COMBINATOR.split(text.strip())
    compounds, combinators = parts[0::2], parts[1::2]
    out = compounds[0] or "*"
    for combinator, compound in zip(combinators, compounds[1:], strict=True):
        out += f" {combinator or ''} ".replace("  ", " ") + (compound or "*")
    return out


class Pages:
    """Parsed pages, asked whether a relaxed selector matches any element of any of them."""

    def __init__(self, html_texts: Iterable[str]) -> None:
        self.soups = [BeautifulSoup(text, "html.parser") for text in html_texts]
        self.answers: dict[str, bool] = {}

    def match(self, relaxed: str) -> bool:
        if relaxed not in self.answers:
            try:
                compiled = soupsieve.compile(relaxed)
            except Exception:  # a selector soupsieve does not know: keep the rule
                self.answers[relaxed] = True
            else:
                self.answers[relaxed] = any(compiled.select_one(soup) is not None for soup in self.soups)
        return self.answers[relaxed]


def selector_matches(selector: str, pages: Pages, script_classes: set[str], script_tags: set[str]) -> bool:
    relaxed = relax(selector, script_classes, script_tags)
    return relaxed is None or pages.match(relaxed)
