"""Rule: one quiz bank per lesson, named after it; quiz and question ids unique; Q&A covered."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter, lesson_paths

if TYPE_CHECKING:
    from compact_course.core import models as m
    from compact_course.core.rules import Context

MIN_QUESTIONS_PER_QA = 4


def _bank_names_its_lesson(report: Reporter, context: Context, file: str, bank: m.QuizBank) -> None:
    lesson = bank.quiz.lesson
    if lesson not in context.lesson_ids:
        report.add(file, ("quiz", "lesson"), f"unknown lesson {lesson!r}")
    elif Path(file).stem != lesson:
        report.add(file, ("quiz", "lesson"), f"the bank for lesson {lesson!r} must be named quizzes/{lesson}.yaml")


def one_bank_per_lesson(report: Reporter, context: Context) -> None:
    bank_of_lesson: dict[str, str] = {}
    file_of_quiz: dict[str, str] = {}
    for file, bank in context.banks.items():
        _bank_names_its_lesson(report, context, file, bank)
        lesson, quiz_id = bank.quiz.lesson, bank.quiz.id
        if lesson in bank_of_lesson:
            report.add(file, ("quiz", "lesson"), f"lesson {lesson!r} already has a bank: {bank_of_lesson[lesson]}")
        bank_of_lesson.setdefault(lesson, file)
        if quiz_id in file_of_quiz:
            report.add(file, ("quiz", "id"), f"duplicate quiz id {quiz_id!r} (also in {file_of_quiz[quiz_id]})")
        file_of_quiz.setdefault(quiz_id, file)
    for path, lesson_item in lesson_paths(context.course):
        if lesson_item.id not in bank_of_lesson:
            expected = f"lesson has no quiz bank (expected quizzes/{lesson_item.id}.yaml)"
            report.add("data/lessons.yaml", path + ("id",), expected)


def questions_unique_and_drawn_from_qa(report: Reporter, context: Context) -> None:
    file_of_question: dict[str, str] = {}
    for file, bank in context.banks.items():
        for k, question in enumerate(bank.questions):
            if question.id in file_of_question:
                also = file_of_question[question.id]
                report.add(file, ("questions", k, "id"), f"duplicate question id {question.id!r} (also in {also})")
            file_of_question.setdefault(question.id, file)
            for j, ref in enumerate(question.qa):
                report.need(file, ("questions", k, "qa", j), ref, context.qa_ids, "Q&A entry")
            for j, ref in enumerate(question.sources):
                report.need(file, ("questions", k, "sources", j), ref, context.source_ids, "source")


def every_entry_has_enough_questions(report: Reporter, context: Context) -> None:
    coverage = Counter(ref for bank in context.banks.values() for q in bank.questions for ref in q.qa)
    for i, entry in enumerate(context.course.qa):
        if coverage[entry.id] < MIN_QUESTIONS_PER_QA:
            report.add(
                "data/qa.yaml",
                ("entries", i, "id"),
                f"only {coverage[entry.id]} quiz questions draw on this entry; at least {MIN_QUESTIONS_PER_QA} are needed",
            )
