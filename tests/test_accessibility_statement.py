"""The accessibility statement stays true to what the tests ran (issue 18).

``data/accessibility.yaml``'s "how it was tested" must name the axe-core and Playwright versions
installed, the Chromium the browser tests run in, and exactly the rule tags, widths and colour
modes :mod:`test_accessibility` uses; the generated page keeps the model statement's sections.
"""

from __future__ import annotations

import importlib.metadata
import json

from compact_course.core.course import cached_course
from conftest import node_package_file
from helpers import edit, find_problem, fixture_copy, load_problems
from test_accessibility import MODES, ROOT, RULE_TAGS, WIDTHS


# The statement says what the tests ran ---------------------------------------------------------
def _statement_testing():
    return cached_course().accessibility.testing


def test_statement_names_the_axe_version_rule_tags_widths_and_modes_the_tests_use():
    testing = _statement_testing()
    tools = {tool.name: tool.version for tool in testing.tools}
    assert (
        tools["axe-core"]
        == json.loads(node_package_file("axe-core", "package.json").read_text(encoding="utf-8"))["version"]
    )
    assert tools["Playwright"] == importlib.metadata.version("playwright")
    assert list(testing.rule_tags) == RULE_TAGS
    assert list(testing.widths) == WIDTHS
    assert list(testing.colour_modes) == MODES


def test_statement_names_the_chromium_the_tests_ran_in(browser):
    versions = {b.name: b.version for b in _statement_testing().browsers}
    assert browser.version.split(".")[0] == versions["Chromium"]


def test_a_statement_sentence_with_an_unknown_placeholder_is_reported_at_its_line(tmp_path):

    root = fixture_copy(tmp_path)
    line = edit(root, "data/accessibility.yaml", "within {days} working", "within {day} working")
    problems, _ = load_problems(root)
    find_problem(problems, "data/accessibility.yaml", line, "wording.reply", "unknown placeholder(s) day")


def test_statement_page_is_in_the_book_with_the_model_sections():
    page = (ROOT / "book" / "accessibility.md").read_text(encoding="utf-8")
    for heading in (
        "## Feedback and contact information",
        "## Enforcement procedure",
        "### Compliance status",
        "## Non-accessible content",
        "## How we tested this course",
        "## Preparation of this accessibility statement",
    ):
        assert heading in page
    assert "Equality and Human Rights Commission" in page
    assert "book/accessibility" in (ROOT / "_toc.yml").read_text(encoding="utf-8")
