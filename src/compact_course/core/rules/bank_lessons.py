"""Rule: each quiz bank is named after its lesson and draws on what that lesson teaches.

A lesson's quiz id is ``quiz-<lesson id>`` (the script stores answers under it). The bank
must test the lesson's own Q&A entry: at least one question cites it. A lesson that teaches
from sources rather than a Q&A entry (no ``qa``) needs questions that cite their sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter

if TYPE_CHECKING:
    from compact_course.core import models as m
    from compact_course.core.rules import Context


def quiz_ids_name_their_lessons(report: Reporter, context: Context) -> None:
    for file, bank in context.banks.items():
        expected = f"quiz-{bank.quiz.lesson}"
        if bank.quiz.lesson in context.lesson_ids and bank.quiz.id != expected:
            report.add(file, ("quiz", "id"), f"the quiz of lesson {bank.quiz.lesson!r} must have the id {expected!r}")


def _draws_on_its_lesson(report: Reporter, file: str, bank: m.QuizBank, own: str | None) -> None:
    if own is None:
        # Taught from sources: every question must say where its facts come from.
        for k, question in enumerate(bank.questions):
            if not question.sources:
                report.add(file, ("questions", k, "id"), "its lesson has no Q&A entry, so it must cite its sources")
    elif not any(own in question.qa for question in bank.questions):
        report.add(file, ("quiz", "lesson"), f"no question draws on the lesson's own Q&A entry {own!r}")


def banks_draw_on_their_lessons_entry(report: Reporter, context: Context) -> None:
    for file, bank in context.banks.items():
        if bank.quiz.lesson in context.lesson_ids:
            own: str | None = context.course.lesson(bank.quiz.lesson).qa
            _draws_on_its_lesson(report, file, bank, own)
