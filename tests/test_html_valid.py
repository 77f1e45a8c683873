"""Every built page of both editions is valid HTML by the rules that matter (issue 30).

``html_rules`` parses each page and checks the document (doctype, ``lang``, title, charset,
description), the elements and attribute values, unique ids and the ids that labels, headers
and ARIA attributes name, button names and radio groups, and nothing a strict
Content-Security-Policy would block; then every link to a fragment inside the build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compact_course.book.strict_pages import blocked
from conftest import book_pages
from html_rules import broken_fragments, page_problems

BAD_PAGE = """<html><head><title></title></head><body>
<p id="x">a</p><p id="x">b</p><img src="a.png" alt="" width="100%"><frobnicate></frobnicate>
<form><input type="radio" name="a"></form><form><input type="radio" name="a"></form>
<label for="missing">l</label><button type="button"></button><th scope="everything"></th>
</body></html>"""


def test_the_rules_find_what_they_check():
    problems = "\n".join(page_problems(BAD_PAGE))
    for expected in (
        "no <!DOCTYPE html>",
        "<html> has no lang",
        "non-empty <title>",
        "no meta description",
        'id "x" used 2 times',
        '<img width="100%">',
        "unknown element <frobnicate>",
        'radio buttons named "a" in 2 forms',
        '<label for="missing">',
        "no text and no label",
        '<th scope="everything">',
    ):
        assert expected in problems, (expected, problems)


def test_a_good_page_passes():
    good = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>T</title>'
        '<meta name="description" content="d"></head><body><form aria-labelledby="l"><fieldset>'
        '<legend id="l">Q</legend><label><input type="radio" name="q1" value="a">A</label></fieldset></form>'
        '<svg viewBox="0 0 1 1"><path d="M0 0"/><rect width="100%" height="1"/></svg><button>Go</button></body></html>'
    )
    assert page_problems(good) == []


def test_broken_fragments_are_found(tmp_path: Path):
    (tmp_path / "a.html").write_text('<a href="b.html#here">x</a><a href="b.html#gone">y</a><a href="#self">z</a>')
    (tmp_path / "b.html").write_text('<p id="here"></p>')
    assert broken_fragments(tmp_path, ["a.html"]) == [
        "a.html: b.html#gone: no element with that id",
        "a.html: #self: no element with that id",
    ]


def _check(built: Path) -> dict[str, list[str]]:
    found = {}
    for page in ["index.html", *book_pages(built)]:
        html = (built / page).read_text(encoding="utf-8")
        problems = page_problems(html) + [f"blocked by a strict policy: {x}" for x in blocked(html)]
        if problems:
            found[page] = problems
    return found


@pytest.mark.book  # the edition is asked for by name, so conftest cannot see it among the fixtures
@pytest.mark.parametrize("edition", ["learner", "facilitator"])
def test_every_built_page_is_valid(edition, request):
    built = request.getfixturevalue("built_book" if edition == "learner" else "facilitator_book")
    assert _check(built) == {}


@pytest.mark.book
@pytest.mark.parametrize("edition", ["learner", "facilitator"])
def test_every_link_to_a_fragment_finds_its_element(edition, request):
    built = request.getfixturevalue("built_book" if edition == "learner" else "facilitator_book")
    assert broken_fragments(built, ["index.html", *book_pages(built)]) == []


FORM = re.compile(r'<form class="cc-question" id="([^"]+)"([^>]*)>(.*?)</form>', re.S)


def test_each_question_form_is_named_by_its_legend_and_its_radios_by_the_question(built_book):
    forms = [
        match.groups()
        for page in book_pages(built_book)
        for match in FORM.finditer((built_book / page).read_text(encoding="utf-8"))
    ]
    assert len(forms) > 50
    for form_id, attributes, body in forms:
        assert f'aria-labelledby="{form_id}-legend"' in attributes, form_id
        assert f'<legend id="{form_id}-legend">' in body, form_id
        names = set(re.findall(r'<input type="radio" name="([^"]*)"', body))
        assert names <= {form_id}, (form_id, names)


def test_the_evaluation_forms_answer_cells_name_their_headers(facilitator_book):
    tables = [
        table
        for page in book_pages(facilitator_book)
        for table in re.findall(
            r'<table class="cc-evaluation">.*?</table>', (facilitator_book / page).read_text(encoding="utf-8"), re.S
        )
    ]
    assert tables
    for table in tables:
        assert '<th scope="col"></th>' not in table  # no empty header
        cells = re.findall(r"<td( headers=\"[^\"]*\")?>", table.split("</thead>", 1)[1])
        assert cells and all(cells), "an answer cell without headers"
        for headers in re.findall(r'<td headers="([^"]*)"', table):
            before_or_after, lesson, objective = headers.split()
            assert f'id="{before_or_after}"' in table and f'id="{lesson}"' in table and f'id="{objective}"' in table
