"""The stylesheet purge of issue 30: each page type's bundle keeps the rules its pages use.

A small site (HTML pages of two types, the theme's and the course's scripts, stylesheets) is
purged as the build does it (``theme_assets.write_bundles``): a rule whose selector matches an
element is kept, with its hover, focus, dark-mode and print forms; a rule for an element no page
of the type has is dropped, and so are its dark-mode and print forms; a class a script adds, and
markup a script builds, keep their rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compact_course.book.css_match import Pages, created_tags, relax, selector_matches
from compact_course.book.css_purge import purge, script_classes, used_words
from compact_course.book.theme_assets import BUNDLE, page_kind, write_bundles

DIGEST = "0123456789ab"
THEME_CSS = (
    ".kept{a:1}.gone{a:2}"
    "p.lead:hover{b:1}p.lead:focus-visible{b:2}aside.absent:hover{b:3}"
    "html[data-theme=dark] p.lead{c:1}html[data-theme=dark] aside.absent{c:2}"
    "@media print{p.lead{d:1}aside.absent{d:2}}"
    ".menu.show{e:1}.menu.never{e:2}"
    "table td{f:1}ul.results li.hit{f:2}"
    ".wrap :is(p,h6)>b{g:1}.wrap :is(h5,h6)>b{g:2}"
    "body:has(.kept) .wrap{h:1}body:has(.gone) .wrap{h:2}"
)
OWN_CSS = ".cc-feedback{i:1}.cc-quiz .cc-right{i:2}.cc-pack h1{i:3}"
LESSON = (
    '<!DOCTYPE html><html data-theme="light"><head>'
    '<link rel="stylesheet" href="../_static/compact-bundle-lesson.{digest}.css">'
    '<script src="../_static/theme.js"></script><script src="../_static/compact-quiz.js"></script>'
    '</head><body><div class="wrap"><p class="lead kept"><b>x</b></p><nav class="menu">m</nav>'
    '<section class="cc-quiz"><p>q</p></section></div></body></html>'
)
OTHER = (
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="_static/compact-bundle-page.{digest}.css">'
    '</head><body><div class="wrap"><table><tr><td>1</td></tr></table></div><p class="gone">g</p></body></html>'
)
THEME_JS = 'document.querySelector(".menu").classList.toggle("show"); el.setAttribute("class", "results");'
QUIZ_JS = 'const p = document.createElement("li"); p.className = "hit"; mark(p, "cc-feedback cc-right");'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "basic.css").write_text("", encoding="utf-8")
    (static / "styles" / "pydata-sphinx-theme.css").write_text(THEME_CSS, encoding="utf-8")
    (static / "compact-quiz.css").write_text(OWN_CSS, encoding="utf-8")
    (static / "theme.js").write_text(THEME_JS, encoding="utf-8")
    (static / "compact-quiz.js").write_text(QUIZ_JS, encoding="utf-8")
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "one.html").write_text(LESSON.replace("{digest}", DIGEST), encoding="utf-8")
    (tmp_path / "index.html").write_text(OTHER.replace("{digest}", DIGEST), encoding="utf-8")
    return tmp_path


def _bundles(site: Path) -> dict[str, str]:
    written = write_bundles(site, [("_static/compact-quiz.css", "all")], DIGEST)
    return {name.split(".")[0].removeprefix("compact-bundle-"): text for name, text in written.items()}


def test_each_page_type_gets_a_bundle_of_the_rules_its_pages_use(site):
    bundles = _bundles(site)
    assert sorted(bundles) == ["lesson", "page"]
    lesson = bundles["lesson"]
    assert ".kept{a:1}" in lesson and ".gone{a:2}" not in lesson  # used kept, unused dropped
    # An element that exists keeps its hover, focus, dark-mode and print rules; an absent one loses them.
    assert "p.lead:hover{b:1}" in lesson and "p.lead:focus-visible{b:2}" in lesson
    assert "html[data-theme=dark] p.lead{c:1}" in lesson and "@media print{p.lead{d:1}}" in lesson
    assert "aside.absent" not in lesson
    # A class a theme script adds to an element that exists; markup the course's script builds.
    assert ".menu.show{e:1}" in lesson and ".menu.never" not in lesson
    assert "ul.results li.hit{f:2}" not in lesson  # no list on the lesson for the script's items to join
    assert ".cc-feedback{i:1}" in lesson and ".cc-quiz .cc-right{i:2}" in lesson and ".cc-pack" not in lesson
    # Selector lists inside :is() and :has() are matched part by part.
    assert ".wrap :is(p,h6)>b{g:1}" in lesson and "h5,h6" not in lesson
    assert "body:has(.kept) .wrap{h:1}" in lesson and "body:has(.gone)" not in lesson
    assert "table td" not in lesson
    page = bundles["page"]
    assert "table td{f:1}" in page and ".gone{a:2}" in page and "p.lead" not in page
    assert ".cc-feedback" not in page  # the page loads no course script


def test_bundles_are_written_once_a_type_and_are_the_same_bytes_on_every_build(site):
    first = _bundles(site)
    files = sorted(p.name for p in (site / "_static").glob("compact-bundle-*.css"))
    assert files == [BUNDLE.format(kind=kind, digest=DIGEST) for kind in ("lesson", "page")]
    assert _bundles(site) == first
    assert (site / "_static" / files[0]).read_text(encoding="utf-8") == first["lesson"]


def test_page_kind_follows_the_documents_folder():
    assert page_kind("book/lessons/01-who-is-the-compact-for") == "lesson"
    assert page_kind("book/facilitator/packs/plan-taster") == "facilitator"
    assert page_kind("book/progress") == page_kind("search") == page_kind("index") == "page"


def test_relaxing_leaves_out_what_scripts_and_readers_change_and_keeps_structure():
    assert relax("a > b", set(), set()) == "a > b"
    assert relax(".x > .added:hover::after", {"added"}, set()) == ".x > *"
    assert relax("html[data-theme=dark] .nav[aria-expanded=true]", set(), set()) == "html .nav"
    assert relax("input[type=search]:not(.y)", set(), set()) == "input"
    # A file input a script makes inside a box it makes: kept wherever the script runs (it was lost once).
    assert selector_matches(".cc-import input[type=file]", Pages(["<p>x</p>"]), {"cc-import"}, {"input"})
    assert relax("ul.search li", set(), {"li"}) == "ul.search *"
    assert relax("div:has(> p:nth-child(2))", set(), set()) is None  # nested lists: counts as used
    assert relax("body:has(.x, .added) p", {"added"}, set()) == "body:has(.x, *) p"


def test_script_classes_are_the_classes_scripts_set_not_every_word_they_hold():
    theme = ['document.querySelector(".queried").classList.add("added"); log("a message")']
    own = ['x.className = "cc-built"; find("#id"); label("Next")']
    classes = script_classes(own, theme)
    assert {"added", "cc-built", "highlighted"} <= classes
    assert not {"queried", "message", "Next", "id"} & classes
    assert created_tags(['document.createElement("li"); l("table", t, "cc-x"); s = "<figure class=a>"']) == {
        "li",
        "table",
        "figure",
    }


def test_a_selector_soupsieve_cannot_read_keeps_its_rule():
    pages = Pages(["<p>x</p>"])
    assert selector_matches("p", pages, set(), set())
    assert not selector_matches("table", pages, set(), set())
    assert selector_matches("p:unknown-thing(((", pages, set(), set())
    # Without a matcher the purge is the word check alone, as before issue 30's page types.
    words = used_words(["<p class='a'>"], [])
    assert purge("table{x:1}.a{y:2}.b{z:3}", words) == "table{x:1}.a{y:2}"


def test_an_id_a_script_gives_keeps_its_rules_and_attribute_values_are_not_read_as_classes():
    classes = script_classes(['box.id = "cc-ready"; x.setAttribute("id", "made")'], [])
    assert {"cc-ready", "made"} <= classes
    pages = Pages(['<body><a href="a.pdf">x</a></body>'])
    assert relax("#cc-ready p", classes, set()) == "p"
    assert selector_matches("#cc-ready p", Pages(["<body><p>x</p></body>"]), classes, set())
    assert not selector_matches("#elsewhere p", Pages(["<body><p>x</p></body>"]), classes, set())
    assert relax('a.pdf[href$=".pdf"]', {"pdf"}, set()) == "a"
    assert relax('a[href$=".x"]#made', set(), set()) == "a#made"
    assert selector_matches('a[href$=".pdf"]', pages, set(), set())
