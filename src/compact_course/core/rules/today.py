"""Rule: every lesson ends with a Today note of one or two sentences whose sources exist.

The Today box that closes each lesson page (``page.today()``) shows this note and links its
sources; a lesson without one, or a note citing an unknown source, would fail only when the
book is built.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core.rules import Context

FILE = "data/lessons.yaml"
MAX_SENTENCES = 2
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentence_count(text: str) -> int:
    """Sentences in ``text``: split after a full stop, question or exclamation mark and a space."""
    return len([s for s in _SENTENCE_END.split(text.strip()) if s])


def every_lesson_has_a_today_note(report: Reporter, context: Context) -> None:
    for path, lesson in lesson_paths(context.course):
        today = lesson.today
        if today is None:
            report.add(FILE, path + ("id",), "lesson has no 'today' note (what applies now, with its sources)")
            continue
        count = sentence_count(today.text)
        if count > MAX_SENTENCES:
            report.add(FILE, path + ("today", "text"), f"{count} sentences; a Today note has one or two")
        for j, ref in enumerate(today.sources):
            report.need(FILE, path + ("today", "sources", j), ref, context.source_ids, "source")
