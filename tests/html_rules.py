"""A small HTML checker for the rules that matter to the course's pages (issue 30).

It parses a page with the standard library's tolerant parser and reports, as
``page: rule: detail``, what an HTML validator or a second accessibility engine would flag:
- the document: a doctype first, ``<html lang>``, one non-empty ``<title>``, a charset and a
  meta description;
- elements: known HTML elements only (SVG and MathML inside their roots), no end tag for a void
  element, no element left open at the end of ``<body>`` that must be closed (``<a>``, ``<div>``...);
- attributes: unique ids; ``width`` and ``height`` of images and frames whole numbers; ``scope``,
  ``button type`` and ``input type`` from their lists; every id that ``for``, ``headers``,
  ``aria-labelledby``, ``aria-describedby`` and ``aria-controls`` name exists in the page;
- names: each button has text or a label; radio buttons share a name only within one form.
Links between pages are checked by :func:`broken_fragments` over a whole build.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HTML_ELEMENTS = VOID | set(
    [
        "a",
        "abbr",
        "address",
        "article",
        "aside",
        "audio",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "body",
        "button",
        "canvas",
        "caption",
        "cite",
        "code",
        "colgroup",
        "data",
        "datalist",
        "dd",
        "del",
        "details",
        "dfn",
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
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "html",
        "i",
        "iframe",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "main",
        "map",
        "mark",
        "menu",
        "meter",
        "nav",
        "noscript",
        "object",
        "ol",
        "optgroup",
        "option",
        "output",
        "p",
        "picture",
        "pre",
        "progress",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "script",
        "search",
        "section",
        "select",
        "slot",
        "small",
        "span",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "u",
        "ul",
        "var",
        "video",
    ]
)
FOREIGN_ROOTS = {"svg", "math"}
MUST_CLOSE = {"a", "div", "section", "article", "main", "nav", "form", "fieldset", "table", "ul", "ol", "button"}
SCOPES = {"row", "col", "rowgroup", "colgroup"}
BUTTON_TYPES = {"submit", "reset", "button"}
INPUT_TYPES = set(
    [
        "button",
        "checkbox",
        "color",
        "date",
        "datetime-local",
        "email",
        "file",
        "hidden",
        "image",
        "month",
        "number",
        "password",
        "radio",
        "range",
        "reset",
        "search",
        "submit",
        "tel",
        "text",
        "time",
        "url",
        "week",
    ]
)
ID_REFERENCES = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")
WHOLE_NUMBER = re.compile(r"^\d+$")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.doctype = False
        self.started = False
        self.ids: Counter[str] = Counter()
        self.references: list[tuple[str, str, str]] = []
        self.titles: list[str] = []
        self.meta: dict[str, str] = {}
        self.lang = ""
        self.stack: list[str] = []
        self.foreign = 0
        self.buttons: list[list] = []  # [attributes, text]
        self.radios: dict[str, set[int]] = {}
        self.forms = 0
        self.in_title = False

    def handle_decl(self, decl: str) -> None:
        if decl.lower() == "doctype html" and not self.started:
            self.doctype = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.started = True
        attributes = {name: value or "" for name, value in attrs}
        if self.foreign == 0 and tag not in HTML_ELEMENTS and tag not in FOREIGN_ROOTS and "-" not in tag:
            self.problems.append(f"unknown element <{tag}>")
        if tag in FOREIGN_ROOTS:
            self.foreign += 1
        self._attributes(tag, attributes)
        if tag == "title" and self.foreign == 0:
            self.in_title = True
            self.titles.append("")
        if tag == "button":
            self.buttons.append([attributes, ""])
        if tag == "form":
            self.forms += 1
        if tag == "input" and attributes.get("type") == "radio":
            self.radios.setdefault(attributes.get("name", ""), set()).add(self.forms)
        if tag == "meta":
            key = attributes.get("name") or ("charset" if "charset" in attributes else "")
            if key:
                self.meta[key] = attributes.get("content", attributes.get("charset", ""))
        if tag not in VOID and not (self.foreign and self.get_starttag_text().rstrip().endswith("/>")):
            self.stack.append(tag)

    def _attributes(self, tag: str, attributes: dict[str, str]) -> None:
        if "id" in attributes:
            self.ids[attributes["id"]] += 1
        if tag == "html":
            self.lang = attributes.get("lang", "")
        for name in ID_REFERENCES:
            for target in attributes.get(name, "").split():
                self.references.append((tag, name, target))
        if self.foreign:
            return
        for name in ("width", "height"):
            if tag in ("img", "iframe", "video", "canvas") and not WHOLE_NUMBER.match(attributes.get(name, "0")):
                self.problems.append(f'<{tag} {name}="{attributes[name]}">: not a whole number of pixels')
        checks = (("scope", ("th",), SCOPES), ("type", ("button",), BUTTON_TYPES), ("type", ("input",), INPUT_TYPES))
        for name, tags, allowed in checks:
            if tag in tags and name in attributes and attributes[name] not in allowed:
                self.problems.append(f'<{tag} {name}="{attributes[name]}">: not one of {sorted(allowed)}')

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"</{tag}>: a void element has no end tag")
            return
        if tag == "title":
            self.in_title = False
        if tag == "button" and self.buttons:
            attributes, text = self.buttons.pop()
            if not text.strip() and not attributes.get("aria-label") and not attributes.get("aria-labelledby"):
                self.problems.append(f'<button class="{attributes.get("class", "")}">: no text and no label')
        if tag in FOREIGN_ROOTS:
            self.foreign = max(0, self.foreign - 1)
        if tag in self.stack:
            while self.stack:
                open_tag = self.stack.pop()
                if open_tag == tag:
                    break
                if open_tag in MUST_CLOSE:
                    self.problems.append(f"<{open_tag}> left open inside <{tag}>")

    def handle_data(self, data: str) -> None:
        if self.in_title and self.titles:
            self.titles[-1] += data
        for button in self.buttons:
            button[1] += data


def page_problems(html: str) -> list[str]:
    """Every problem of one page, as "rule: detail"."""
    page = _Page()
    page.feed(html)
    page.close()
    problems = list(page.problems)
    if not page.doctype:
        problems.append("no <!DOCTYPE html> before the first element")
    if not page.lang:
        problems.append("<html> has no lang")
    if len(page.titles) != 1 or not page.titles[0].strip():
        problems.append(f"needs one non-empty <title>, found {page.titles}")
    for key in ("charset", "description"):
        if not page.meta.get(key, "").strip():
            problems.append(f"no meta {key}")
    problems += [f'id "{name}" used {count} times' for name, count in page.ids.items() if count > 1]
    problems += [
        f'<{tag} {name}="{target}">: no element has that id'
        for tag, name, target in page.references
        if target not in page.ids
    ]
    problems += [
        f'radio buttons named "{name}" in {len(forms)} forms' for name, forms in page.radios.items() if len(forms) > 1
    ]
    return problems


ID_OR_NAME = re.compile(r'\sid="([^"]+)"')
HREF = re.compile(r'<a\b[^>]*\shref="([^"]+)"')


def broken_fragments(root: Path, pages: list[str]) -> list[str]:
    """Links to ``page.html#fragment`` (or ``#fragment`` on the same page) inside the build whose
    page or element does not exist."""
    ids: dict[str, set[str]] = {}

    def ids_of(relative: str) -> set[str] | None:
        if relative not in ids:
            path = root / relative
            ids[relative] = set(ID_OR_NAME.findall(path.read_text(encoding="utf-8"))) if path.is_file() else set()
            if not path.is_file():
                return None
        return ids[relative]

    broken = []
    for page in pages:
        for href in HREF.findall((root / page).read_text(encoding="utf-8")):
            parts = urlsplit(href.replace("&amp;", "&"))
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
            )
            found = ids_of(target)
            if found is None:
                broken.append(f"{page}: {href}: no page {target}")
            elif unquote(parts.fragment) not in found:
                broken.append(f"{page}: {href}: no element with that id")
    return broken
