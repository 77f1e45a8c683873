"""The validated course as one immutable value, with look-ups by id.

Build it with :func:`load_course` (reading and checking the files is :mod:`compact_course.core.load`'s). A
:class:`Course` is shared freely (the cached course serves a whole kernel), so nothing in it
can change: its fields are tuples of frozen models and its look-up tables are read-only
mappings built afresh for every instance, so ``dataclasses.replace(course, ...)`` gives a
new course with its own tables and leaves the original as it was.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from compact_course.core import models as m
from compact_course.core import plan_models as pm
from compact_course.core.chart_models import ChartDefinition
from compact_course.core.interface_models import InterfaceText
from compact_course.core.load import check_course, read_files
from compact_course.core.statement_models import AccessibilityStatement


def _table(pairs: Any) -> Mapping[str, Any]:
    return MappingProxyType(dict(pairs))


@dataclass(frozen=True)
class _Index:
    """Read-only look-up tables for one course, derived from its fields."""

    qa: Mapping[str, m.QAEntry]
    sources: Mapping[str, m.Source]
    figures: Mapping[str, m.Figure]
    terms: Mapping[str, m.Term]
    lessons: Mapping[str, m.Lesson]
    module_of: Mapping[str, m.Module]
    quiz_of: Mapping[str, m.QuizBank]
    questions: Mapping[str, m.QuestionBase]
    bank_of_question: Mapping[str, m.QuizBank]
    pool_of_question: Mapping[str, m.AssessmentPool]
    notes: Mapping[str, m.FacilitatorNotes]

    @classmethod
    def of(cls, course: Course) -> _Index:
        return cls(
            qa=_table((entry.id, entry) for entry in course.qa),
            sources=_table((source.id, source) for source in course.sources),
            figures=_table((figure.id, figure) for figure in course.figures),
            terms=_table((term.id, term) for term in course.terms),
            lessons=_table((lesson.id, lesson) for module in course.modules for lesson in module.lessons),
            module_of=_table((lesson.id, module) for module in course.modules for lesson in module.lessons),
            quiz_of=_table((bank.quiz.lesson, bank) for bank in course.quizzes),
            questions=_table((q.id, q) for q in (*course.all_questions(), *course.pool_questions())),
            bank_of_question=_table((q.id, bank) for bank in course.quizzes for q in bank.questions),
            pool_of_question=_table((q.id, pool) for pool in course.pools for q in pool.questions),
            notes=_table((notes.lesson, notes) for notes in course.facilitator),
        )


@dataclass(frozen=True)
class Course:
    """The validated course. Immutable; build it with :func:`load_course`.

    Each data file's items land in one field here; :data:`compact_course.core.load.DATA_FILES`
    says which file fills which field.
    """

    root: Path
    qa: tuple[m.QAEntry, ...]
    sources: tuple[m.Source, ...]
    figures: tuple[m.Figure, ...]
    events: tuple[m.Event, ...]
    terms: tuple[m.Term, ...]
    modules: tuple[m.Module, ...]
    facilitator: tuple[m.FacilitatorNotes, ...]
    quizzes: tuple[m.QuizBank, ...]
    pools: tuple[m.AssessmentPool, ...]  # the self-assessment's own questions, by module
    assessment: m.AssessmentFile
    plans: pm.PlansFile
    charts: tuple[ChartDefinition, ...]
    accessibility: AccessibilityStatement
    interface: InterfaceText  # the quizzes' interface text (data/interface.yaml)
    # Derived from the fields above in __post_init__, never passed in or copied by replace().
    _index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index.of(self))
        words = (self.interface.form.true_label, self.interface.form.false_label)
        for question in self._index.questions.values():
            if isinstance(question, m.TrueFalse):
                question.set_labels(words)

    # Look-ups ---------------------------------------------------------------------------
    @property
    def lessons(self) -> tuple[m.Lesson, ...]:
        return tuple(lesson for module in self.modules for lesson in module.lessons)

    def qa_entry(self, qa_id: str) -> m.QAEntry:
        return self._index.qa[qa_id]

    def source(self, source_id: str) -> m.Source:
        return self._index.sources[source_id]

    def figure(self, figure_id: str) -> m.Figure:
        return self._index.figures[figure_id]

    def term(self, term_id: str) -> m.Term:
        return self._index.terms[term_id]

    def lesson(self, lesson_id: str) -> m.Lesson:
        try:
            return self._index.lessons[lesson_id]
        except KeyError:
            known = ", ".join(self._index.lessons)
            raise KeyError(f"no lesson {lesson_id!r}; known lessons: {known}") from None

    def module(self, module_id: str) -> m.Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(f"no module {module_id!r}")

    def module_of(self, lesson_id: str) -> m.Module:
        return self._index.module_of[lesson_id]

    def module_number(self, module_id: str) -> int:
        return [module.id for module in self.modules].index(module_id) + 1

    def quiz_for(self, lesson_id: str) -> m.QuizBank:
        return self._index.quiz_of[lesson_id]

    def question(self, question_id: str) -> m.QuestionBase:
        return self._index.questions[question_id]

    def bank_of_question(self, question_id: str) -> m.QuizBank:
        return self._index.bank_of_question[question_id]

    def notes_for(self, lesson_id: str) -> m.FacilitatorNotes | None:
        return self._index.notes.get(lesson_id)

    def lesson_for_qa(self, qa_id: str) -> m.Lesson:
        return next(lesson for lesson in self.lessons if lesson.qa == qa_id)

    def lesson_for_source(self, source_id: str) -> m.Lesson:
        """The first lesson that summarises a source (a lesson of the "What applies today" module)."""
        return next(lesson for lesson in self.lessons if source_id in lesson.sources)

    def lesson_number(self, lesson_id: str) -> int:
        return [lesson.id for lesson in self.lessons].index(lesson_id) + 1

    def lesson_docname(self, lesson_id: str) -> str:
        """Where a lesson's notebook lives, relative to the root, without suffix."""
        return f"book/lessons/{self.lesson_number(lesson_id):02d}-{lesson_id}"

    def series(self, series_id: str) -> tuple[m.Figure, ...]:
        chosen = [figure for figure in self.figures if figure.series == series_id]
        if not chosen:
            raise KeyError(f"no figures in series {series_id!r}")
        return tuple(sorted(chosen, key=lambda figure: figure.order or 0))

    def all_questions(self) -> tuple[m.QuestionBase, ...]:
        """Every lesson question (the lesson banks), in course order."""
        return tuple(q for bank in self.quizzes for q in bank.questions)

    def pool_questions(self, module_id: str | None = None) -> tuple[m.QuestionBase, ...]:
        """The self-assessment's own questions (of one module, or all), which no lesson shows."""
        return tuple(
            q for pool in self.pools if module_id is None or pool.pool.module == module_id for q in pool.questions
        )

    def module_of_question(self, question_id: str) -> m.Module:
        """The module a lesson or self-assessment question belongs to."""
        pool = self._index.pool_of_question.get(question_id)
        if pool is not None:
            return self.module(pool.pool.module)
        return self.module_of(self.bank_of_question(question_id).quiz.lesson)


def load_course(root: Path | str | None = None) -> Course:
    """Load, validate and cross-check the course at ``root``; raise CourseDataError on problems."""
    files = read_files(root)
    course = Course(
        root=files.root, quizzes=tuple(files.banks.values()), pools=tuple(files.pools.values()), **files.fields
    )
    return check_course(files, course)


@functools.lru_cache(maxsize=4)
def cached_course(root: str | None = None) -> Course:
    """The course at ``root`` (default: this checkout), loaded once per process.

    Safe to share: a Course cannot be changed, and ``dataclasses.replace`` makes a new one.
    """
    return load_course(root)


__all__ = ["Course", "cached_course", "load_course"]
