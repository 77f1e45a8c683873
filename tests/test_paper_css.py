"""The stylesheets' paper twins (book/paper_css.py), from which the pack's cover counts its pages."""

from __future__ import annotations

import pytest

from compact_course.book.paper_css import linked_stylesheets, paper_twin, write_paper_twins

CSS = """/* a } in a comment, @media print { not a block } */
.a { color: red; }
@media print {
  .a { color: black; }
  .item + .item { break-before: page; }
  .old { page-break-before: always; page-break-after: always; }
  .q::before { content: "}"; }
}
.b { break-after: page; }
@media screen { .c { display: none; } }
@media print and (max-width: 700px) { .d { font-size: 9pt; } }
.e { break-inside: avoid; }
"""


def test_print_blocks_open_in_place_so_the_cascade_keeps_its_order():
    twin = paper_twin(CSS)
    assert "@media print" not in twin.split("*/", 1)[1]
    # The print rule still comes after the screen rule it overrides, and before .b.
    assert twin.index(".a { color: red; }") < twin.index(".a { color: black; }") < twin.index(".b {")
    assert '.q::before { content: "}"; }' in twin
    assert "@media (max-width: 700px) { .d { font-size: 9pt; } }" in twin
    assert "@media screen { .c { display: none; } }" in twin  # the frame is a screen: left as it is


def test_forced_page_breaks_become_column_breaks_and_nothing_else_changes():
    twin = paper_twin(CSS)
    assert ".item + .item { break-before: column; }" in twin
    assert ".old { break-before: column; break-after: column; }" in twin
    assert ".b { break-after: column; }" in twin
    assert ".e { break-inside: avoid; }" in twin
    assert "page" not in twin.replace("@media print {", "").split("*/", 1)[1]


def test_an_unclosed_print_block_is_an_error_not_a_silent_cut():
    with pytest.raises(ValueError, match="unclosed"):
        paper_twin("@media print { .a { color: black; }")


def test_a_twin_is_written_beside_each_stylesheet_a_pack_page_links_and_nothing_else(tmp_path):
    page = (
        '<noscript><link rel="stylesheet" href="../../_static/compact-noscript.css"/></noscript>'
        '<link rel="stylesheet" type="text/css" href="../../_static/compact-bundle-facilitator.ab.css?v=1" />'
        '<link rel="stylesheet" href="https://example.org/other.css" />'
    )
    names = linked_stylesheets(page)
    assert names == {"compact-noscript.css", "compact-bundle-facilitator.ab.css"}
    (tmp_path / "compact-bundle-facilitator.ab.css").write_text(CSS)
    (tmp_path / "compact-noscript.css").write_text(".n { display: none }")
    (tmp_path / "unlinked.css").write_text("@media print { .x { break-before: page } }")
    written = write_paper_twins(tmp_path, names | {"compact-bundle-facilitator.ab.paper.css", "missing.css"})
    assert sorted(p.name for p in written) == ["compact-bundle-facilitator.ab.paper.css", "compact-noscript.paper.css"]
    assert (tmp_path / "compact-bundle-facilitator.ab.paper.css").read_text() == paper_twin(CSS)
    assert not (tmp_path / "unlinked.paper.css").exists()
