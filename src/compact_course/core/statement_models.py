"""The accessibility statement (``data/accessibility.yaml``): what the book page says, as data.

The page (``book/accessibility.md``) follows the model statement UK public sector bodies publish
under the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
Regulations 2018: the standard met, what is not accessible and why, how the site was tested,
how to report a problem, and the enforcement procedure. The "how it was tested" part is
checked against what the browser tests really ran (``tests/test_accessibility.py``), so the
statement cannot claim a tool, version, rule set or width the tests did not use.
"""

from __future__ import annotations

import string
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from compact_course.core.fields import Count, DateText, Model, Text, Url


class Tool(Model):
    name: Text
    version: Text
    url: Url | None = None


class Browser(Model):
    name: Text
    version: Text  # the major version the tests ran in


class Problem(Model):
    """One thing that is not accessible: what, the WCAG 2.2 success criteria it fails, the plan."""

    summary: Text
    criteria: tuple[Text, ...] = Field(min_length=1)
    plan: Text


class Testing(Model):
    date: DateText
    method: Text
    tools: tuple[Tool, ...] = Field(min_length=1)
    browsers: tuple[Browser, ...] = Field(min_length=1)
    rule_tags: tuple[Text, ...] = Field(min_length=1)
    widths: tuple[Count, ...] = Field(min_length=1)
    colour_modes: tuple[Text, ...] = Field(min_length=1)
    checks: tuple[Text, ...] = Field(min_length=1)
    manual: tuple[Text, ...] = ()


class Feedback(Model):
    how: Text
    response_days: Count


# Each sentence of the page's wording may use only these {placeholders}, filled from the data.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "reply": frozenset({"days"}),
    "commitment": frozenset({"organisation", "regulations"}),
    "status_line": frozenset({"status", "level", "reason"}),
    "problem": frozenset({"summary", "criteria", "plan"}),
    "tested_on": frozenset({"date", "method"}),
    "tools": frozenset({"tools"}),
    "browsers": frozenset({"browsers"}),
    "rule_sets": frozenset({"rule_tags"}),
    "widths": frozenset({"widths", "modes"}),
    "prepared_line": frozenset({"prepared", "reviewed"}),
}


class Wording(Model):
    """The page's headings and sentences (Markdown); values from the data go into {placeholders}."""

    heading_using: Text
    heading_feedback: Text
    reply: Text
    heading_enforcement: Text
    heading_technical: Text
    commitment: Text
    heading_status: Text
    status_line: Text
    reason_problems: Text
    heading_non_accessible: Text
    heading_non_compliance: Text
    problem: Text
    no_problems: Text
    heading_burden: Text
    heading_out_of_scope: Text
    heading_testing: Text
    tested_on: Text
    tools: Text
    browsers: Text
    rule_sets: Text
    widths: Text
    checks_intro: Text
    manual_intro: Text
    heading_preparation: Text
    prepared_line: Text

    @field_validator("*")
    @classmethod
    def _known_placeholders(cls, value: str, info: ValidationInfo) -> str:
        used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        unknown = used - PLACEHOLDERS.get(info.field_name or "", frozenset())
        if unknown:
            allowed = ", ".join(sorted(PLACEHOLDERS.get(info.field_name or "", ()))) or "none"
            raise ValueError(f"unknown placeholder(s) {', '.join(sorted(unknown))}; allowed here: {allowed}")
        return value


class RegionNames(Model):
    """What assistive technology calls a box that may scroll sideways on a narrow screen, when
    the box has no caption of its own; {number} is its place among such boxes on the page."""

    table: Text
    code: Text

    @field_validator("table", "code")
    @classmethod
    def _only_number(cls, value: str) -> str:
        used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        if used - {"number"}:
            raise ValueError(f"unknown placeholder(s) {', '.join(sorted(used - {'number'}))}; allowed here: number")
        return value


class AccessibilityStatement(Model):
    title: Text
    regulations: Text
    organisation: Text
    site: Text
    applies_to: Text
    intro: Text
    standard: Text  # e.g. "WCAG 2.2"
    level: Literal["A", "AA", "AAA"]
    status: Literal["fully compliant", "partially compliant", "not compliant"]
    problems: tuple[Problem, ...] = ()
    disproportionate_burden: Text
    out_of_scope: Text
    testing: Testing
    feedback: Feedback
    enforcement: Text
    prepared: DateText
    reviewed: DateText
    wording: Wording
    region_names: RegionNames  # used by the book theme (compact_course.book.scroll_regions)
