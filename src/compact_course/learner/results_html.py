"""The self-assessment's results as HTML for the live course: the overall line and first
attempts, how many questions each module's score rests on, the chart with its data table, the
lessons to revisit, the lessons not yet studied, and CSV and JSON download links. Every
sentence comes from ``data/interface.yaml`` (``results``), as the static book's do.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import TYPE_CHECKING

from compact_course.core.escaping import e
from compact_course.core.interface_models import ResultsText, fill

if TYPE_CHECKING:
    from compact_course.learner.results import AdviceItem, AssessmentResult, LessonRef


def advice_html(advice: Sequence[AdviceItem], words: ResultsText) -> str:
    heading = f"<h3>{e(words.revisit_heading)}</h3>"
    if not advice:
        return f"{heading}<p>{e(words.revisit_none)}</p>"
    items = "".join(
        f'<li><a href="{e(a.link)}">Lesson {a.number}: {e(a.title)}</a> '
        f"({e(fill(words.revisit_item, missed=a.missed, total=a.total))})</li>"
        for a in advice
    )
    return f'{heading}<p>{e(words.revisit_intro)}</p><ol class="cc-advice">{items}</ol>'


def not_studied_html(lessons: Sequence[LessonRef] | None, words: ResultsText) -> str:
    if lessons is None:
        return ""
    heading = f"<h3>{e(words.not_studied_heading)}</h3>"
    if not lessons:
        return f"{heading}<p>{e(words.not_studied_none)}</p>"
    items = "".join(f'<li><a href="{e(item.link)}">Lesson {item.number}: {e(item.title)}</a></li>' for item in lessons)
    return f'{heading}<p>{e(words.not_studied_intro)}</p><ul class="cc-not-studied">{items}</ul>'


def rests_on_html(result: AssessmentResult, words: ResultsText) -> str:
    items = "".join(f"<li>{e(words.rests_on.fill(s.tally.total, number=s.number))}</li>" for s in result.modules)
    return f'<ul class="cc-rests-on">{items}</ul><p class="cc-rests-on-note">{e(words.rests_on_note)}</p>'


def _data_link(text: str, mime: str, filename: str, label: str) -> str:
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f'<a download="{e(filename)}" href="data:{mime};charset=utf-8;base64,{payload}">{e(label)}</a>'


def export_links_html(result: AssessmentResult, words: ResultsText) -> str:
    csv_link = _data_link(result.to_csv(), "text/csv", "self-assessment-results.csv", words.download_csv)
    json_link = _data_link(result.to_json(), "application/json", "self-assessment-results.json", words.download_json)
    return f'<p class="cc-export">{csv_link} {json_link}</p>'


def results_html(result: AssessmentResult) -> str:
    words = result.course.interface.results
    t = result.tally
    overall = (
        fill(words.overall, correct=t.correct, total=t.total, percent=t.percent)
        if t.attempted
        else (fill(words.overall_none, total=t.total))
    )
    first = fill(words.first_attempts, correct=result.first.correct, answered=result.first.answered)
    changed = f"<p>{e(words.changed.fill(len(result.changed)))}</p>" if result.changed else ""
    return (
        f'<section class="cc-results" aria-label="Results: {e(result.title)}">'
        f'<p class="cc-overall" role="status">{e(overall)}</p><p class="cc-first-attempts">{e(first)}</p>{changed}'
        f"{result.chart().to_html()}{rests_on_html(result, words)}"
        f"{advice_html(result.revision_advice(), words)}{not_studied_html(result.not_studied(), words)}"
        f"{export_links_html(result, words)}</section>"
    )
