"""The accessibility statement page (``book/accessibility.md``), generated from ``data/accessibility.yaml``.

Its sections follow the GOV.UK model accessibility statement for public sector bodies: using
the course, feedback and contact, the enforcement procedure, compliance status, what is not
accessible and why, how it was tested, and when the statement was prepared. Every heading and
sentence comes from the data file's ``wording``; this module only puts the data's values into
their placeholders (escaped for Markdown) and the sections in order.
"""

from __future__ import annotations

from compact_course.core.course import Course
from compact_course.core.markdown import HEADER_MD, md_escape
from compact_course.core.statement_models import AccessibilityStatement, Wording

PAGE = "book/accessibility.md"


def _fill(template: str, **values: object) -> str:
    return template.format(**{name: md_escape(str(value)) for name, value in values.items()})


def _section(heading: str, *paragraphs: str, level: int = 2) -> list[str]:
    lines = [f"{'#' * level} {heading}", ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    return lines


def _bullets(items) -> list[str]:
    return [f"- {item}" for item in items] + [""]


def _problems(statement: AccessibilityStatement) -> list[str]:
    words = statement.wording
    if not statement.problems:
        return [words.no_problems, ""]
    return _bullets(
        _fill(words.problem, summary=problem.summary, criteria=", ".join(problem.criteria), plan=problem.plan)
        for problem in statement.problems
    )


def _testing(statement: AccessibilityStatement) -> list[str]:
    testing, words = statement.testing, statement.wording
    lines = _section(words.heading_testing, _fill(words.tested_on, date=testing.date, method=testing.method))
    lines += _bullets(
        (
            _fill(words.tools, tools=", ".join(f"{tool.name} {tool.version}" for tool in testing.tools)),
            _fill(words.browsers, browsers=", ".join(f"{b.name} {b.version}" for b in testing.browsers)),
            _fill(words.rule_sets, rule_tags=", ".join(testing.rule_tags)),
            _fill(
                words.widths,
                widths=", ".join(str(width) for width in testing.widths),
                modes=", ".join(testing.colour_modes),
            ),
        )
    )
    lines += [words.checks_intro, "", *_bullets(md_escape(check) for check in testing.checks)]
    if testing.manual:
        lines += [words.manual_intro, "", *_bullets(md_escape(check) for check in testing.manual)]
    return lines


def _status(statement: AccessibilityStatement, words: Wording) -> str:
    reason = words.reason_problems if statement.problems else ""
    return words.status_line.format(status=statement.status, level=statement.level, reason=reason)


def statement_md(course: Course) -> str:
    statement = course.accessibility
    words = statement.wording
    reply = _fill(words.reply, days=statement.feedback.response_days)
    commitment = _fill(words.commitment, organisation=statement.organisation, regulations=statement.regulations)
    lines = [HEADER_MD, f"# {md_escape(statement.title)}", "", md_escape(statement.applies_to), ""]
    lines += _section(words.heading_using, md_escape(statement.intro))
    lines += _section(words.heading_feedback, f"{md_escape(statement.feedback.how)} {reply}")
    lines += _section(words.heading_enforcement, md_escape(statement.enforcement))
    lines += _section(words.heading_technical, commitment)
    lines += _section(words.heading_status, _status(statement, words), level=3)
    lines += _section(words.heading_non_accessible)
    lines += _section(words.heading_non_compliance, level=3) + _problems(statement)
    lines += _section(words.heading_burden, md_escape(statement.disproportionate_burden), level=3)
    lines += _section(words.heading_out_of_scope, md_escape(statement.out_of_scope), level=3)
    lines += _testing(statement)
    prepared = _fill(words.prepared_line, prepared=statement.prepared, reviewed=statement.reviewed)
    lines += _section(words.heading_preparation, prepared)
    return "\n".join(lines).rstrip("\n") + "\n"


def pages(course: Course) -> dict[str, str]:
    return {PAGE: statement_md(course)}
