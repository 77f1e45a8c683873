"""Cross-checks: rules that need the whole course (ids unique, references resolve, coverage).

Each rule is a small function ``rule(report, context)`` that reports ``file:line: field:
message`` problems through the shared :class:`~compact_course.core.rules.reporter.Reporter`.
To add a rule, write the function in the module for its concern and list it in ``RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compact_course.core.rules import (
    assessment,
    bank_lessons,
    banks,
    charts,
    facilitator,
    ids,
    lessons,
    plans,
    references,
    timings,
    today,
    wording,
)
from compact_course.core.rules.reporter import Reporter

if TYPE_CHECKING:
    from compact_course.core import models as m
    from compact_course.core.course import Course


@dataclass(frozen=True)
class Context:
    """What every rule looks at: the course, its banks by file, and the id sets most rules need."""

    course: Course
    banks: Mapping[str, m.QuizBank]
    pools: Mapping[str, m.AssessmentPool]
    source_ids: frozenset[str] = field(init=False)
    qa_ids: frozenset[str] = field(init=False)
    lesson_ids: frozenset[str] = field(init=False)
    question_ids: frozenset[str] = field(init=False)  # lesson questions
    pool_question_ids: frozenset[str] = field(init=False)  # the self-assessment's own questions

    def __post_init__(self) -> None:
        course = self.course
        object.__setattr__(self, "source_ids", frozenset(source.id for source in course.sources))
        object.__setattr__(self, "qa_ids", frozenset(entry.id for entry in course.qa))
        object.__setattr__(self, "lesson_ids", frozenset(lesson.id for lesson in course.lessons))
        object.__setattr__(self, "question_ids", frozenset(q.id for q in course.all_questions()))
        object.__setattr__(self, "pool_question_ids", frozenset(q.id for q in course.pool_questions()))


Rule = Callable[[Reporter, Context], None]

RULES: tuple[Rule, ...] = (
    ids.unique_data_ids,
    ids.unique_lesson_ids,
    references.qa_cites_sources,
    references.glossary_cites_sources_and_terms,
    references.figures_cite_sources,
    references.events_cite_sources,
    references.sources_outside_the_qa_say_when,
    lessons.each_entry_taught_once,
    charts.chart_data_exists,
    charts.lesson_charts,
    charts.every_chart_is_shown,
    facilitator.notes_fit_their_lessons,
    assessment.fixed_selection_covers_every_module,
    assessment.pools_named_after_their_modules,
    assessment.pool_questions_unique_and_from_their_module,
    assessment.every_module_has_a_pool_for_a_draw,
    banks.one_bank_per_lesson,
    banks.questions_unique_and_drawn_from_qa,
    banks.every_entry_has_enough_questions,
    bank_lessons.quiz_ids_name_their_lessons,
    bank_lessons.banks_draw_on_their_lessons_entry,
    plans.priorities_rank_every_lesson,
    timings.every_timing_names_its_part,
    today.every_lesson_has_a_today_note,
    *wording.RULES,
)


def cross_check(
    report: Reporter,
    course: Course,
    bank_files: Mapping[str, m.QuizBank],
    pool_files: Mapping[str, m.AssessmentPool] | None = None,
) -> None:
    """Run every rule on a course whose files all passed their models."""
    context = Context(course, bank_files, pool_files or {})
    for rule in RULES:
        rule(report, context)
