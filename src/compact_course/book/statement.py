"""The accessibility statement page (``book/accessibility.md``), generated from ``data/accessibility.yaml``.

Its sections follow the model accessibility statement of the UK government (GOV.UK) for public
sector bodies: how accessible the course is, what is not accessible and why, how it was tested,
how to report a problem, and the enforcement procedure. Headings are structure, not content
from the course text, so they are fixed here; everything a learner reads about the course
comes from the data file.
"""

from __future__ import annotations

from compact_course.core.course import Course
from compact_course.core.markdown import HEADER_MD, md_escape
from compact_course.core.statement_models import AccessibilityStatement, Testing

PAGE = "book/accessibility.md"
REGULATIONS = "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018"


def _bullets(items) -> list[str]:
    return [f"- {md_escape(item)}" for item in items] + [""]


def _problems(statement: AccessibilityStatement) -> list[str]:
    if not statement.problems:
        return ["No problems are known.", ""]
    lines: list[str] = []
    for problem in statement.problems:
        criteria = ", ".join(problem.criteria)
        lines += [
            f"- {md_escape(problem.summary)} This fails WCAG 2.2 success criteria {md_escape(criteria)}. "
            f"{md_escape(problem.plan)}"
        ]
    return lines + [""]


def _testing(testing: Testing) -> list[str]:
    tools = ", ".join(f"{tool.name} {tool.version}" for tool in testing.tools)
    browsers = ", ".join(f"{browser.name} {browser.version}" for browser in testing.browsers)
    widths = ", ".join(f"{width}" for width in testing.widths)
    lines = [
        f"The course was last tested on {md_escape(testing.date)}. {md_escape(testing.method)}",
        "",
        f"- Tools: {md_escape(tools)}.",
        f"- Browsers: {md_escape(browsers)}.",
        f"- Rule sets: {md_escape(', '.join(testing.rule_tags))}.",
        f"- Screen widths (CSS pixels): {md_escape(widths)}; colour modes: {md_escape(', '.join(testing.colour_modes))}.",
        "",
        "The automated tests check that:",
        "",
        *_bullets(testing.checks),
    ]
    if testing.manual:
        lines += ["Checked by hand:", "", *_bullets(testing.manual)]
    return lines


def statement_md(course: Course) -> str:
    statement = course.accessibility
    status = {
        "fully compliant": "fully compliant with",
        "partially compliant": "partially compliant with",
        "not compliant": "not compliant with",
    }[statement.status]
    lines = [
        HEADER_MD,
        f"# {md_escape(statement.title)}",
        "",
        md_escape(statement.applies_to),
        "",
        "## Using this course",
        "",
        md_escape(statement.intro),
        "",
        "## Feedback and contact information",
        "",
        f"{md_escape(statement.feedback.how)} We will reply within {statement.feedback.response_days} working days.",
        "",
        "## Enforcement procedure",
        "",
        md_escape(statement.enforcement),
        "",
        "## Technical information about this course's accessibility",
        "",
        f"{md_escape(statement.organisation)} is committed to making the course accessible, in accordance with the "
        f"{md_escape(REGULATIONS)}.",
        "",
        "### Compliance status",
        "",
        f"This course is {status} the [Web Content Accessibility Guidelines version 2.2]"
        f"(https://www.w3.org/TR/WCAG22/) {statement.level} standard"
        + (", due to the non-compliances listed below." if statement.problems else "."),
        "",
        "## Non-accessible content",
        "",
        "### Non-compliance with the accessibility regulations",
        "",
        *_problems(statement),
        "### Disproportionate burden",
        "",
        md_escape(statement.disproportionate_burden),
        "",
        "### Content that is not within the scope of the accessibility regulations",
        "",
        md_escape(statement.out_of_scope),
        "",
        "## How we tested this course",
        "",
        *_testing(statement.testing),
        "## Preparation of this accessibility statement",
        "",
        f"This statement was prepared on {md_escape(statement.prepared)}. "
        f"It was last reviewed on {md_escape(statement.reviewed)}.",
        "",
    ]
    return "\n".join(lines)


def pages(course: Course) -> dict[str, str]:
    return {PAGE: statement_md(course)}
