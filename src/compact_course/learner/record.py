"""The printable record of learning: the date, self-assessment scores per module, lessons completed."""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING

from compact_course.core.blocks import Block
from compact_course.core.escaping import e

if TYPE_CHECKING:
    from compact_course.learner.progress import CourseStatus
    from compact_course.learner.results import AssessmentResult

SCORE_COLUMNS = ("Module", "Correct", "Answered", "Questions", "Score")


def _iso_date(date: str | Date) -> str:
    when = date.isoformat() if isinstance(date, Date) else str(date)
    try:
        Date.fromisoformat(when)
    except ValueError:
        raise ValueError(f"date must be YYYY-MM-DD, got {date!r}") from None
    return when


def _scores(result: AssessmentResult | None) -> tuple[list[str], list[str]]:
    """The self-assessment part, as (HTML parts, text lines)."""
    if result is None:
        return ["<p><strong>Self-assessment:</strong> not taken.</p>"], ["Self-assessment: not taken."]
    overall = result.overall_text
    rows = "".join(
        f'<tr><th scope="row">Module {s.number}: {e(s.title)}</th><td>{s.tally.correct}</td>'
        f"<td>{s.tally.answered}</td><td>{s.tally.total}</td><td>{e(s.percent_text)}</td></tr>"
        for s in result.modules
    )
    head = "".join(f'<th scope="col">{e(c)}</th>' for c in SCORE_COLUMNS)
    parts = [
        f"<p><strong>{e(result.title)}:</strong> {e(overall)}.</p>",
        f'<table class="cc-table"><caption>Self-assessment scores by module</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>",
    ]
    lines = [f"{result.title}: {overall}.", *(f"Module {s.number}: {s.score_text}" for s in result.modules)]
    return parts, lines


def record_of_learning(
    progress_status: CourseStatus | None, result: AssessmentResult | None, date: str | Date
) -> Block:
    """A printable record: the date given, self-assessment scores per module, lessons completed.

    ``progress_status`` is None when no lesson progress is known; ``result`` is None when the
    self-assessment was not taken.
    """
    when = _iso_date(date)
    score_parts, score_lines = _scores(result)
    parts = [f"<p><strong>Date:</strong> {e(when)}</p>", *score_parts, "<h3>Lessons completed</h3>"]
    lines = [f"Record of learning, {when}", *score_lines]
    completed = progress_status.lessons_completed if progress_status is not None else ()
    if completed:
        parts.append(
            "<ul>" + "".join(f"<li>Lesson {item.number}: {e(item.title)}</li>" for item in completed) + "</ul>"
        )
    else:
        parts.append("<p>No lessons completed yet.</p>")
    lines.append(f"Lessons completed: {len(completed)}")
    html = (
        '<section class="cc-record" aria-labelledby="cc-record-heading">'
        f'<h2 id="cc-record-heading">Record of learning</h2>{"".join(parts)}</section>'
    )
    return Block(html, "\n".join(lines))
