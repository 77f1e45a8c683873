"""The files of the built book that go into the SCORM package, and the questions on its pages.

:func:`package_files` reads ``_build/html`` and returns ``{path: bytes}`` for every file the
package ships: every page and every asset, but no source maps (and no comment pointing to
one, so no browser asks for a missing file), no Sphinx build bookkeeping and no copies of the
page sources. :func:`question_index` lists every question on those pages, from each quiz's data
block (never its markup), in a fixed order, for the launch page: the SCORM adapter stores answers by position in this list, which is
what keeps ``cmi.suspend_data`` compact.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from compact_course.quiz.data import DATA_CLASS

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


class _QuizData(HTMLParser):
    """Collects every quiz's data block (:func:`compact_course.quiz.data.quiz_data`) on a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.quizzes: list[dict] = []
        self._in_data = False
        self._data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "script" and DATA_CLASS in classes:
            self._in_data = True
            self._data = []

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self._data.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_data:
            self._in_data = False
            self.quizzes.append(json.loads("".join(self._data)))


def _slot(store: str, question: dict) -> dict:
    return {
        "key": f"{store}:{question['id']}",
        "fingerprint": question["fingerprint"],
        "type": question["type"],
        "choices": [choice["key"] for choice in question["choices"]],
        "items": [item["key"] for item in question.get("items", ())],
    }


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
        parser = _QuizData()
        parser.feed(files[relative].decode("utf-8"))
        for quiz in parser.quizzes:
            for question in quiz["questions"]:
                slot = _slot(quiz["store"], question)
                slots.setdefault(slot["key"], slot)
            if quiz["mode"] == "exam":
                exams[quiz["quiz"]] = quiz["store"]
    ordered = [slots[key] for key in sorted(slots)]
    return {
        "slots": [[s["key"], s["fingerprint"], s["type"], s["choices"], s["items"]] for s in ordered],
        "exams": [[quiz, exams[quiz]] for quiz in sorted(exams)],
    }
