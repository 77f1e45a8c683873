"""Read a built book's Sphinx search index (searchindex.js) and search it as the book's search does.

A page matches a sentence when it holds every word of it (stemmed and filtered by the same
English rules the index was built with), in its text or its title.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.search.en import SearchEnglish

WORD = re.compile(r"\w+")


def load_index(html: Path) -> dict:
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def _postings(value) -> set[int]:
    if isinstance(value, int):
        return {value}
    return {item if isinstance(item, int) else item[0] for item in value}


def pages_matching(index: dict, sentence: str) -> set[str]:
    """The docnames whose text or title holds every searchable word of ``sentence``."""
    language = SearchEnglish({})
    found: set[int] | None = None
    for word in WORD.findall(sentence.lower()):
        stemmed = language.stem(word).lower()
        if not language.word_filter(stemmed):
            continue
        docs = _postings(index["terms"].get(stemmed, [])) | _postings(index["titleterms"].get(stemmed, []))
        found = docs if found is None else found & docs
    return {index["docnames"][n] for n in (found or set())}
