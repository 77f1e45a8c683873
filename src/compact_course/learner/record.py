"""The printable record of learning: the learner's name (a field), the date, self-assessment
scores per module, lessons completed. Its words are ``data/interface.yaml``'s ``results``; the
static book prints only this record (compact-quiz.css, ``html.cc-printing-record``)."""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING

from compact_course.core.blocks import Block
from compact_course.core.escaping import e
from compact_course.core.interface_models import ResultsText, fill

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


def _scores(result: AssessmentResult | None, words: ResultsText) -> tuple[list[str], list[str]]:
    """The self-assessment part, as (HTML parts, text lines)."""
    if result is None:
        return [f"<p>{e(words.record_not_taken)}</p>"], [words.record_not_taken]
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


def _words(result: AssessmentResult | None, words: ResultsText | None) -> ResultsText:
    if words is not None:
        return words
    if result is not None:
        return result.course.interface.results
    from compact_course.core.load import cached_course

    return cached_course().interface.results


def _name_field(words: ResultsText) -> str:
    return (
        f'<p class="cc-record-name"><label for="cc-record-name-input">{e(words.record_name)}</label> '
        '<input type="text" id="cc-record-name-input" autocomplete="name"></p>'
    )


def record_of_learning(
    progress_status: CourseStatus | None,
    result: AssessmentResult | None,
    date: str | Date,
    words: ResultsText | None = None,
) -> Block:
    """A printable record: a field for the learner's name, the date given, self-assessment
    scores per module, lessons completed.

    ``progress_status`` is None when no lesson progress is known; ``result`` is None when the
    self-assessment was not taken; ``words`` default to the course's interface text.
    """
    words = _words(result, words)
    when = _iso_date(date)
    score_parts, score_lines = _scores(result, words)
    parts = [
        _name_field(words),
        f"<p>{e(fill(words.date, date=when))}</p>",
        *score_parts,
        f"<h3>{e(words.completed_heading)}</h3>",
    ]
    lines = [f"{words.record_heading}, {when}", *score_lines]
    completed = progress_status.lessons_completed if progress_status is not None else ()
    if completed:
        parts.append(
            "<ul>" + "".join(f"<li>Lesson {item.number}: {e(item.title)}</li>" for item in completed) + "</ul>"
        )
    else:
        parts.append(f"<p>{e(words.completed_none)}</p>")
    lines.append(f"Lessons completed: {len(completed)}")
    html = (
        '<section class="cc-record" aria-labelledby="cc-record-heading">'
        f'<h2 id="cc-record-heading">{e(words.record_heading)}</h2>{"".join(parts)}</section>'
    )
    return Block(html, "\n".join(lines))
