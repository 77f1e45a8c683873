"""Two editions from one source: the learner edition has no answer keys or facilitator notes in
its menu or its search index; the facilitator edition has everything.

Both tables of contents are generated (and drift-checked with the other generated files).
"""

from __future__ import annotations

import re

import yaml

from compact_course.book.toc import FACILITATOR_TOC, LEARNER_TOC, facilitator_pages, toc_yaml
from helpers import COURSE_ROOT, real_course
from search_index import load_index, pages_matching

FACILITATOR_LINK = re.compile(r'href="[^"#]*facilitator/[^"]*"')


def toc_files(text: str) -> list[str]:
    toc = yaml.safe_load(text)
    return [toc["root"]] + [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]


def answer_key_sentence() -> str:
    """A sentence that only the answer keys print: the last one of their facilitator banner."""
    page = (COURSE_ROOT / "book/facilitator/answer-key-module-1.md").read_text(encoding="utf-8")
    banner = re.search(r'<div class="cc-facilitator"><p>(.*?)</p>', page)
    assert banner, "the answer key has no facilitator banner"
    return [s for s in re.split(r"(?<=\.) ", banner.group(1)) if s][-1]


def test_the_learner_table_of_contents_has_no_facilitator_page():
    files = toc_files(toc_yaml(real_course()))
    assert not [name for name in files if name.startswith("book/facilitator/")]
    assert "book/downloads" in files


def test_the_facilitator_table_of_contents_has_every_learner_page_and_the_facilitator_part():
    course = real_course()
    learner, facilitator = toc_files(toc_yaml(course)), toc_files(toc_yaml(course, facilitator=True))
    assert set(learner) < set(facilitator)
    assert set(facilitator) - set(learner) == set(facilitator_pages(course))
    assert "book/facilitator/downloads" in facilitator


def test_both_tables_of_contents_are_the_generated_ones():
    course = real_course()
    assert (COURSE_ROOT / LEARNER_TOC).read_text(encoding="utf-8") == toc_yaml(course)
    assert (COURSE_ROOT / FACILITATOR_TOC).read_text(encoding="utf-8") == toc_yaml(course, facilitator=True)


def test_the_learner_edition_has_no_facilitator_page_link_or_search_entry(built_book):
    assert not (built_book / "book" / "facilitator").exists()
    index = load_index(built_book)
    assert not [name for name in index["docnames"] if name.startswith("book/facilitator/")]
    assert pages_matching(index, answer_key_sentence()) == set()
    linking = [
        p.relative_to(built_book).as_posix()
        for p in built_book.rglob("*.html")
        if FACILITATOR_LINK.search(p.read_text(encoding="utf-8"))
    ]
    assert linking == []


def test_the_facilitator_edition_has_the_answer_keys_in_its_search_index(facilitator_book):
    index = load_index(facilitator_book)
    keys = {name for name in pages_matching(index, answer_key_sentence()) if "answer-key-module-" in name}
    assert keys == {f"book/facilitator/answer-key-module-{n}" for n in range(1, len(real_course().modules) + 1)}
    assert (facilitator_book / "book/facilitator/notes-module-1.html").is_file()
    assert "book/lessons/01-who-is-the-compact-for" in index["docnames"]


def test_a_link_into_a_page_the_edition_leaves_out_is_recognised_and_a_missing_page_is_not(tmp_path):
    from sphinx import addnodes

    from compact_course.book.editions import left_out, referenced_document

    (tmp_path / "book" / "facilitator").mkdir(parents=True)
    (tmp_path / "book" / "facilitator" / "index.md").write_text("# Facilitators")
    doc = addnodes.pending_xref(reftype="doc", reftarget="facilitator/index", refdoc="book/index")
    markdown = addnodes.pending_xref(reftype="myst", reftarget="../facilitator/index.md#top", refdoc="book/lessons/x")
    assert referenced_document(doc) == referenced_document(markdown) == "book/facilitator/index"
    assert left_out("book/facilitator/index", {"book/index"}, tmp_path, (".md",))
    assert not left_out("book/facilitator/index", {"book/facilitator/index"}, tmp_path, (".md",))
    assert not left_out("book/facilitator/typo", {"book/index"}, tmp_path, (".md",))  # still a build error
    assert referenced_document(addnodes.pending_xref(reftype="term", reftarget="Compact")) is None
