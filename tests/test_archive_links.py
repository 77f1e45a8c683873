"""Archived copies come from each source's own time (issue: content that says only what its sources say)."""

from __future__ import annotations

import pytest

from compact_course.book.pages import QA_SNAPSHOT_YEAR, archived
from compact_course.core import models as m
from compact_course.core.course import load_course
from compact_course.core.yamlmarks import CourseDataError
from helpers import edit, fixture_copy, line_of

SOURCES = "data/sources.yaml"


def _source(**fields) -> m.Source:
    return m.Source(id="s", title="T", publisher="P", kind="web-page", url="https://example.org/page", **fields)


def test_a_dated_source_links_the_archive_copy_of_its_own_year():
    assert archived(_source(date="2015-01")) == "https://web.archive.org/web/2015/https://example.org/page"
    assert archived(_source(year=2011)) == "https://web.archive.org/web/2011/https://example.org/page"
    assert archived(_source(archived=2025)) == "https://web.archive.org/web/2025/https://example.org/page"


def test_an_undated_address_of_the_qa_links_the_qas_time():
    assert archived(_source()) == f"https://web.archive.org/web/{QA_SNAPSHOT_YEAR}/https://example.org/page"


def test_the_real_sources_are_not_all_pinned_to_one_year():
    course = load_course()
    years = {source.snapshot_year(QA_SNAPSHOT_YEAR) for source in course.sources if source.url}
    assert {2012, 2015, 2024, 2025} <= years


def test_an_undated_address_the_qa_does_not_cite_is_reported(tmp_path):
    root = fixture_copy(tmp_path)
    line = line_of(root, SOURCES, '    date: "2013-09"\n')
    edit(root, SOURCES, '    date: "2013-09"\n', "")
    with pytest.raises(CourseDataError) as raised:
        load_course(root)
    assert f"{SOURCES}:{line}: sources[2].url: the Q&A does not cite this address, so say when" in str(raised.value)
