"""The files of the built book that go into the SCORM package, and the questions on its pages.

:func:`package_files` reads ``_build/html`` and returns ``{path: bytes}`` for every file the
package ships: every page and every asset, but no source maps (and no comment pointing to
one, so no browser asks for a missing file), no Sphinx build bookkeeping and no copies of the
page sources. :func:`question_index` lists every question form on those pages, in a fixed
order, for the launch page: the SCORM adapter stores answers by position in this list, which is
what keeps ``cmi.suspend_data`` compact.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

# Build bookkeeping and material no page needs in a learning platform: Sphinx's build stamp and
# cross-reference inventory, the page sources behind "download source" (the package is not
# for editing), and the theme's template macro files (never loaded by a page).
# compact-offline.js: the service worker, for the published book only (issue 28).
EXCLUDED_TOP = (".buildinfo", "objects.inv", "compact-offline.js")
# downloads/: the Downloads page's files (this package among them), made after the build.
EXCLUDED_DIRS = ("_sources/", ".doctrees/", "_static/__pycache__/", "downloads/")
EXCLUDED_SUFFIXES = (".map",)
EXCLUDED_NAMES = ("webpack-macros.html", "sbt-webpack-macros.html")
SOURCE_MAP_COMMENT = re.compile(rb"\n?(//|/\*)# sourceMappingURL=[^\n]*?(\*/)?[ \t]*(?=\n|$)")


def _shipped(relative: str) -> bool:
    if relative in EXCLUDED_TOP or relative.startswith(EXCLUDED_DIRS):
        return False
    name = relative.rsplit("/", 1)[-1]
    return not (name.endswith(EXCLUDED_SUFFIXES) or name in EXCLUDED_NAMES)


def package_files(html_dir: Path) -> dict[str, bytes]:
    """Every file of the built book the package ships, by POSIX path relative to the book."""
    files: dict[str, bytes] = {}
    for path in sorted(html_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(html_dir).as_posix()
        if not _shipped(relative):
            continue
        data = path.read_bytes()
        if relative.endswith((".js", ".css")):
            data = SOURCE_MAP_COMMENT.sub(b"", data)
        files[relative] = data
    return files


def start_page(files: dict[str, bytes]) -> str:
    """The page the book opens at: the target of the top index.html redirect, if it is one."""
    top = files.get("index.html", b"").decode("utf-8", "replace")
    match = re.search(r'http-equiv="Refresh"\s+content="\d+;\s*url=([^"]+)"', top, re.IGNORECASE)
    if match and match.group(1) in files:
        return match.group(1)
    return "index.html"


class _QuestionForms(HTMLParser):
    """Collects each question form's store, id, fingerprint and type, and its answer keys."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slots: list[dict] = []
        self.exam_stores: dict[str, str] = {}
        self._exam: str | None = None
        self._in_data = False
        self._data: list[str] = []
        self._in_form = False
        self._form_id = ""
        self._first_select = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "section" and "cc-quiz" in classes:
            self._exam = attributes.get("data-quiz") if attributes.get("data-mode") == "exam" else None
        if tag == "form" and "cc-question" in classes:
            if self._exam:
                self.exam_stores[self._exam] = attributes.get("data-store") or "lesson"
            self.slots.append(
                {
                    "key": f"{attributes.get('data-store') or 'lesson'}:{attributes.get('data-question') or attributes.get('id')}",
                    "fingerprint": attributes.get("data-fp") or attributes.get("data-fingerprint") or "",
                    "type": attributes.get("data-type") or "",
                }
            )
        # The answer keys, from the controls (quiz/html.py writes no data block any more).
        if tag == "form" and "cc-question" in classes:
            self._in_form = True
            self._form_id = attributes.get("id") or ""
        if self._in_form and tag == "input" and attributes.get("type") in ("radio", "checkbox"):
            self.slots[-1].setdefault("choices", []).append(attributes.get("value") or "")
        if self._in_form and tag == "select":  # a matching item's: id is the form's id, "-", the item's key
            self.slots[-1].setdefault("items", []).append(
                (attributes.get("id") or "").removeprefix(self._form_id + "-")
            )
            self._first_select = len(self.slots[-1]["items"]) == 1
        if self._in_form and tag == "option" and self._first_select and attributes.get("value"):
            self.slots[-1].setdefault("choices", []).append(attributes.get("value") or "")
        if tag == "script" and "cc-data" in classes and self.slots and "choices" not in self.slots[-1]:
            self._in_data = True
            self._data = []

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self._data.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        if tag == "script" and self._in_data:
            self._in_data = False
            spec = json.loads("".join(self._data))
            self.slots[-1]["choices"] = [choice["key"] for choice in spec.get("choices", ())]
            self.slots[-1]["items"] = [item["key"] for item in spec.get("items", ())]


def question_index(files: dict[str, bytes]) -> dict:
    """Every question on the book's pages (each storage key once, sorted) and the exam quizzes.

    ``slots``: ``[storage key, fingerprint, type, choice keys, item keys]``; ``exams``: each
    self-assessment (exam-mode quiz) with the storage its questions use.
    """
    slots: dict[str, dict] = {}
    exams: dict[str, str] = {}
    for relative in sorted(files):
        if not relative.endswith(".html") or relative.startswith("_static/"):
            continue
        parser = _QuestionForms()
        parser.feed(files[relative].decode("utf-8"))
        for slot in parser.slots:
            slots.setdefault(slot["key"], slot)
        exams.update(parser.exam_stores)
    ordered = [slots[key] for key in sorted(slots)]
    return {
        "slots": [[s["key"], s["fingerprint"], s["type"], s.get("choices", []), s.get("items", [])] for s in ordered],
        "exams": [[quiz, exams[quiz]] for quiz in sorted(exams)],
    }
