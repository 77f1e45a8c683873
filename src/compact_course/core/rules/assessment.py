"""Rules: the self-assessment's own pool of questions, and the fixed selection drawn from it.

The final self-assessment must not repeat what a lesson just showed, so it asks only questions
from ``quizzes/assessment/<module-id>.yaml``, which no lesson renders. Each module's pool must
be large enough for a draw of ``per_module`` questions to vary, and the fixed selection must
cover every module with at least three of that module's pool questions.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from compact_course.core.rules.reporter import Reporter

if TYPE_CHECKING:
    from compact_course.core.rules import Context

FILE = "data/assessment.yaml"
MIN_PER_MODULE_DRAW = 3  # questions from every module in every attempt
POOL_PER_DRAW = 2  # a module's pool holds at least twice its draw, so draws differ


def fixed_selection_covers_every_module(report: Reporter, context: Context) -> None:
    course = context.course
    fixed = list(enumerate(course.assessment.fixed))
    report.duplicates(FILE, ((("fixed", i), qid) for i, qid in fixed), "question")
    for i, qid in fixed:
        if qid in context.question_ids:
            report.add(
                FILE,
                ("fixed", i),
                f"{qid!r} is a lesson question; the self-assessment asks only its own pool's questions",
            )
        else:
            report.need(FILE, ("fixed", i), qid, context.pool_question_ids, "self-assessment question")
    per_module = MIN_PER_MODULE_DRAW
    module_of = {q.id: pool.pool.module for pool in context.pools.values() for q in pool.questions}
    covered = Counter(module_of[qid] for _, qid in fixed if qid in module_of)
    for module in course.modules:
        if covered[module.id] < per_module:
            report.add(
                FILE,
                ("fixed",),
                f"the fixed selection has {covered[module.id]} question(s) from module {module.id!r}; it needs at least {per_module}",
            )
    if course.assessment.draw.per_module < MIN_PER_MODULE_DRAW:
        report.add(
            FILE, ("draw", "per_module"), f"a draw must take at least {MIN_PER_MODULE_DRAW} questions from every module"
        )


def pools_named_after_their_modules(report: Reporter, context: Context) -> None:
    module_ids = {module.id for module in context.course.modules}
    seen: dict[str, str] = {}
    for file, pool in context.pools.items():
        module = pool.pool.module
        if module not in module_ids:
            report.add(file, ("pool", "module"), f"unknown module {module!r}")
        elif PurePosixPath(file).stem != module:
            report.add(
                file,
                ("pool", "module"),
                f"the pool for module {module!r} must be named quizzes/assessment/{module}.yaml",
            )
        if module in seen:
            report.add(file, ("pool", "module"), f"module {module!r} already has a pool: {seen[module]}")
        seen.setdefault(module, file)


def pool_questions_unique_and_from_their_module(report: Reporter, context: Context) -> None:
    """Pool ids are unique course-wide, and a pool question draws only on its own module's lessons."""
    course = context.course
    taught = {module.id: {lesson.qa for lesson in module.lessons if lesson.qa} for module in course.modules}
    first: dict[str, str] = {}
    for file, pool in context.pools.items():
        own = taught.get(pool.pool.module, set())
        for k, question in enumerate(pool.questions):
            if question.id in context.question_ids:
                report.add(file, ("questions", k, "id"), f"{question.id!r} is already a lesson question's id")
            if question.id in first:
                report.add(
                    file,
                    ("questions", k, "id"),
                    f"duplicate question id {question.id!r} (also in {first[question.id]})",
                )
            first.setdefault(question.id, file)
            for j, ref in enumerate(question.qa):
                report.need(file, ("questions", k, "qa", j), ref, context.qa_ids, "Q&A entry")
                if ref in context.qa_ids and ref not in own:
                    report.add(file, ("questions", k, "qa", j), f"{ref!r} is not taught in module {pool.pool.module!r}")
            for j, ref in enumerate(question.sources):
                report.need(file, ("questions", k, "sources", j), ref, context.source_ids, "source")


def every_module_has_a_pool_for_a_draw(report: Reporter, context: Context) -> None:
    course = context.course
    wanted = POOL_PER_DRAW * max(MIN_PER_MODULE_DRAW, course.assessment.draw.per_module)
    for i, module in enumerate(course.modules):
        count = len(course.pool_questions(module.id))
        if count < wanted:
            report.add(
                "data/lessons.yaml",
                ("modules", i, "id"),
                f"module has {count} self-assessment question(s) in quizzes/assessment/{module.id}.yaml; at least {wanted} are needed",
            )
