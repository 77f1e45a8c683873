"""Rule: the self-assessment's fixed selection names real questions, once each, from every module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter

if TYPE_CHECKING:
    from compact_course.core.rules import Context

FILE = "data/assessment.yaml"


def fixed_selection_covers_every_module(report: Reporter, context: Context) -> None:
    course = context.course
    fixed = list(enumerate(course.assessment.fixed))
    report.duplicates(FILE, ((("fixed", i), qid) for i, qid in fixed), "question")
    for i, qid in fixed:
        report.need(FILE, ("fixed", i), qid, context.question_ids, "quiz question")
    lessons_of_fixed = (course.bank_of_question(qid).quiz.lesson for _, qid in fixed if qid in context.question_ids)
    covered = {course.module_of(lesson).id for lesson in lessons_of_fixed if lesson in context.lesson_ids}
    for module in course.modules:
        if module.id not in covered:
            report.add(FILE, ("fixed",), f"the fixed selection has no question from module {module.id!r}")
