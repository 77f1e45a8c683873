"""Load and validate the whole course: data/*.yaml and quizzes/*.yaml -> :class:`Course`.

Loading never stops at the first problem: every file is parsed, validated against its
model, then cross-checked (ids unique, references resolve, coverage rules hold), and all
problems are raised together as one :class:`CourseDataError`, each with file, line, field.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from compact_course.core import models as m
from compact_course.core.paths import default_root
from compact_course.core.yamlmarks import CourseDataError, Problem, load_marked_yaml, locate

MIN_QUESTIONS_PER_QA = 4

# Chart id -> what it needs from the data: ("series", id), ("figures", ids) or ("events",).
CHART_NEEDS: dict[str, tuple] = {
    "survey-agreement": ("series", "survey-agreement"),
    "survey-2013": ("figures", ("survey-2013-agreement", "survey-2013-respondents")),
    "nao-short-consultations": ("series", "nao-short-consultations"),
    "engagement-2012": ("series", "engagement-2012"),
    "timeline": ("events",),
}

DATA_FILES: dict[str, type[BaseModel]] = {
    "qa": m.QAFile,
    "sources": m.SourcesFile,
    "figures": m.FiguresFile,
    "timeline": m.TimelineFile,
    "glossary": m.GlossaryFile,
    "lessons": m.LessonsFile,
    "facilitator": m.FacilitatorFile,
    "assessment": m.AssessmentFile,
}


@dataclass(frozen=True)
class Course:
    """The validated course. Read-only by convention; build it with :func:`load_course`."""

    root: Path
    qa: tuple[m.QAEntry, ...]
    sources: tuple[m.Source, ...]
    figures: tuple[m.Figure, ...]
    events: tuple[m.Event, ...]
    terms: tuple[m.Term, ...]
    modules: tuple[m.Module, ...]
    facilitator: tuple[m.FacilitatorNotes, ...]
    quizzes: tuple[m.QuizBank, ...]
    assessment: m.AssessmentFile
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        index = self._index
        index["qa"] = {entry.id: entry for entry in self.qa}
        index["sources"] = {source.id: source for source in self.sources}
        index["figures"] = {figure.id: figure for figure in self.figures}
        index["terms"] = {term.id: term for term in self.terms}
        index["lessons"] = {lesson.id: lesson for module in self.modules for lesson in module.lessons}
        index["module_of"] = {lesson.id: module for module in self.modules for lesson in module.lessons}
        index["quiz_of"] = {bank.quiz.lesson: bank for bank in self.quizzes}
        index["questions"] = {q.id: q for bank in self.quizzes for q in bank.questions}
        index["bank_of_question"] = {q.id: bank for bank in self.quizzes for q in bank.questions}
        index["notes"] = {notes.lesson: notes for notes in self.facilitator}

    # Look-ups ---------------------------------------------------------------------------
    @property
    def lessons(self) -> tuple[m.Lesson, ...]:
        return tuple(lesson for module in self.modules for lesson in module.lessons)

    def qa_entry(self, qa_id: str) -> m.QAEntry:
        return self._index["qa"][qa_id]

    def source(self, source_id: str) -> m.Source:
        return self._index["sources"][source_id]

    def figure(self, figure_id: str) -> m.Figure:
        return self._index["figures"][figure_id]

    def term(self, term_id: str) -> m.Term:
        return self._index["terms"][term_id]

    def lesson(self, lesson_id: str) -> m.Lesson:
        try:
            return self._index["lessons"][lesson_id]
        except KeyError:
            known = ", ".join(self._index["lessons"])
            raise KeyError(f"no lesson {lesson_id!r}; known lessons: {known}") from None

    def module(self, module_id: str) -> m.Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(f"no module {module_id!r}")

    def module_of(self, lesson_id: str) -> m.Module:
        return self._index["module_of"][lesson_id]

    def module_number(self, module_id: str) -> int:
        return [module.id for module in self.modules].index(module_id) + 1

    def quiz_for(self, lesson_id: str) -> m.QuizBank:
        return self._index["quiz_of"][lesson_id]

    def question(self, question_id: str) -> m.QuestionBase:
        return self._index["questions"][question_id]

    def bank_of_question(self, question_id: str) -> m.QuizBank:
        return self._index["bank_of_question"][question_id]

    def notes_for(self, lesson_id: str) -> m.FacilitatorNotes | None:
        return self._index["notes"].get(lesson_id)

    def lesson_for_qa(self, qa_id: str) -> m.Lesson:
        return next(lesson for lesson in self.lessons if lesson.qa == qa_id)

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
        return tuple(q for bank in self.quizzes for q in bank.questions)


class _Checker:
    """Collects problems with their locations while the course is cross-checked."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.raw: dict[str, Any] = {}

    def add(self, file: str, path: Iterable[Any], message: str) -> None:
        line, shown = locate(self.raw.get(file), tuple(path))
        self.problems.append(Problem(file, line, shown, message))

    def load(self, file: str, model: type[BaseModel]):
        path = self.root / file
        if not path.is_file():
            self.problems.append(Problem(file, 1, "", "file is missing"))
            return None
        data, problems = load_marked_yaml(path, file)
        self.problems.extend(problems)
        if data is None:
            return None
        self.raw[file] = data
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for detail in error.errors():
                location = tuple(detail["loc"])
                if detail["type"] in ("union_tag_invalid", "union_tag_not_found"):
                    location += ("type",)  # point at the discriminator itself
                self.add(file, location, _message(detail))
            return None


def _message(detail: dict) -> str:
    kind = detail["type"]
    if kind == "extra_forbidden":
        return "unknown field (not allowed here; check its spelling)"
    if kind == "missing":
        return "required field is missing"
    message = detail["msg"]
    return message.removeprefix("Value error, ")


def _duplicates(check: _Checker, file: str, items: Iterable[tuple[tuple, str]], what: str) -> None:
    first: dict[str, tuple] = {}
    for path, value in items:
        if value in first:
            line, _ = locate(check.raw.get(file), first[value])
            check.add(file, path, f"duplicate {what} {value!r} (first on line {line})")
        else:
            first[value] = path


def load_course(root: Path | str | None = None) -> Course:
    """Load, validate and cross-check the course at ``root``; raise CourseDataError on problems."""
    root = Path(root).resolve() if root is not None else default_root()
    check = _Checker(root)
    parsed = {name: check.load(f"data/{name}.yaml", model) for name, model in DATA_FILES.items()}
    quiz_files = sorted((root / "quizzes").glob("*.yaml"))
    if not quiz_files:
        check.problems.append(Problem("quizzes", 1, "", "no quiz banks found"))
    banks: dict[str, m.QuizBank | None] = {
        f"quizzes/{path.name}": check.load(f"quizzes/{path.name}", m.QuizBank) for path in quiz_files
    }
    if all(value is not None for value in parsed.values()) and all(value is not None for value in banks.values()):
        course = Course(
            root=root,
            qa=parsed["qa"].entries,
            sources=parsed["sources"].sources,
            figures=parsed["figures"].figures,
            events=parsed["timeline"].events,
            terms=parsed["glossary"].terms,
            modules=parsed["lessons"].modules,
            facilitator=parsed["facilitator"].lessons,
            quizzes=tuple(banks.values()),
            assessment=parsed["assessment"],
        )
        _cross_check(check, course, banks)
    if check.problems:
        raise CourseDataError(check.problems)
    return course


@functools.lru_cache(maxsize=4)
def cached_course(root: str | None = None) -> Course:
    """The course at ``root`` (default: this checkout), loaded once per process."""
    return load_course(root)


def _cross_check(check: _Checker, course: Course, banks: dict[str, m.QuizBank]) -> None:
    qa_file, src_file, fig_file = "data/qa.yaml", "data/sources.yaml", "data/figures.yaml"
    tl_file, gl_file, ls_file, fa_file = (
        "data/timeline.yaml",
        "data/glossary.yaml",
        "data/lessons.yaml",
        "data/facilitator.yaml",
    )
    source_ids = {source.id for source in course.sources}
    qa_ids = {entry.id for entry in course.qa}
    lesson_ids = {lesson.id for lesson in course.lessons}

    # Ids are unique within their kind.
    _duplicates(check, qa_file, ((("entries", i, "id"), e.id) for i, e in enumerate(course.qa)), "id")
    _duplicates(check, src_file, ((("sources", i, "id"), s.id) for i, s in enumerate(course.sources)), "id")
    _duplicates(
        check, src_file, ((("sources", i, "url"), s.url) for i, s in enumerate(course.sources) if s.url), "address"
    )
    _duplicates(check, fig_file, ((("figures", i, "id"), f.id) for i, f in enumerate(course.figures)), "id")
    _duplicates(check, tl_file, ((("events", i, "id"), e.id) for i, e in enumerate(course.events)), "id")
    _duplicates(check, gl_file, ((("terms", i, "id"), t.id) for i, t in enumerate(course.terms)), "id")
    _duplicates(check, gl_file, ((("terms", i, "term"), t.term) for i, t in enumerate(course.terms)), "term")
    _duplicates(check, ls_file, ((("modules", i, "id"), mod.id) for i, mod in enumerate(course.modules)), "id")
    _duplicates(
        check,
        ls_file,
        (
            (("modules", i, "lessons", j, "id"), lesson.id)
            for i, mod in enumerate(course.modules)
            for j, lesson in enumerate(mod.lessons)
        ),
        "lesson id",
    )
    _duplicates(
        check,
        ls_file,
        (
            (("modules", i, "lessons", j, "discussion", k, "id"), prompt.id)
            for i, mod in enumerate(course.modules)
            for j, lesson in enumerate(mod.lessons)
            for k, prompt in enumerate(lesson.discussion)
        ),
        "discussion prompt id",
    )

    def need(file: str, path: tuple, ref: str | None, known: set, what: str) -> None:
        if ref is not None and ref not in known:
            check.add(file, path, f"unknown {what} {ref!r}")

    # The Q&A and glossary cite sources that exist.
    for i, entry in enumerate(course.qa):
        for j, point in enumerate(entry.answer):
            need(qa_file, ("entries", i, "answer", j, "source"), point.source, source_ids, "source")
        for j, example in enumerate(entry.examples):
            need(qa_file, ("entries", i, "examples", j, "source"), example.source, source_ids, "source")
    term_ids = {term.id for term in course.terms}
    for i, term in enumerate(course.terms):
        need(gl_file, ("terms", i, "source"), term.source, source_ids, "source")
        for j, other in enumerate(term.see_also):
            need(gl_file, ("terms", i, "see_also", j), other, term_ids, "glossary term")

    # Figures and events cite sources; series positions are unique.
    for i, figure in enumerate(course.figures):
        need(fig_file, ("figures", i, "source"), figure.source, source_ids, "source")
    _duplicates(
        check,
        fig_file,
        ((("figures", i, "order"), (f.series, f.order)) for i, f in enumerate(course.figures) if f.series),
        "series position",
    )
    for i, event in enumerate(course.events):
        for j, ref in enumerate(event.sources):
            need(tl_file, ("events", i, "sources", j), ref, source_ids, "source")

    # Lessons: each teaches one Q&A entry, and every entry is taught exactly once.
    series_ids = {figure.series for figure in course.figures if figure.series}
    figure_ids = {figure.id for figure in course.figures}
    taught: dict[str, list] = defaultdict(list)
    charts_used: dict[str, list] = defaultdict(list)
    for i, module in enumerate(course.modules):
        for j, lesson in enumerate(module.lessons):
            path = ("modules", i, "lessons", j)
            need(ls_file, path + ("qa",), lesson.qa, qa_ids, "Q&A entry")
            taught[lesson.qa].append(path + ("qa",))
            for k, chart in enumerate(lesson.charts):
                charts_used[chart].append(path + ("charts", k))
                if chart not in CHART_NEEDS:
                    check.add(
                        ls_file, path + ("charts", k), f"unknown chart {chart!r}; known: {', '.join(CHART_NEEDS)}"
                    )
                    continue
                needs = CHART_NEEDS[chart]
                if needs[0] == "series" and needs[1] not in series_ids:
                    check.add(ls_file, path + ("charts", k), f"chart {chart!r} needs figure series {needs[1]!r}")
                if needs[0] == "figures":
                    for figure_id in needs[1]:
                        if figure_id not in figure_ids:
                            check.add(ls_file, path + ("charts", k), f"chart {chart!r} needs figure {figure_id!r}")
    for qa_id, paths in taught.items():
        for path in paths[1:]:
            check.add(ls_file, path, f"Q&A entry {qa_id!r} is already taught by another lesson")
    for i, entry in enumerate(course.qa):
        if entry.id not in taught:
            check.add(qa_file, ("entries", i, "id"), "no lesson in data/lessons.yaml teaches this Q&A entry")
    for chart, paths in charts_used.items():
        for path in paths[1:]:
            check.add(ls_file, path, f"chart {chart!r} is already shown in another lesson")

    # Facilitator notes: one per lesson, timings fit the lesson, references resolve.
    question_ids = {q.id for q in course.all_questions()}
    prompts_of = {lesson.id: {p.id for p in lesson.discussion} for lesson in course.lessons}
    noted: Counter = Counter()
    for i, notes in enumerate(course.facilitator):
        path = ("lessons", i)
        noted[notes.lesson] += 1
        if noted[notes.lesson] > 1:
            check.add(fa_file, path + ("lesson",), f"lesson {notes.lesson!r} already has facilitator notes")
        if notes.lesson not in lesson_ids:
            check.add(fa_file, path + ("lesson",), f"unknown lesson {notes.lesson!r}")
            continue
        minutes = course.lesson(notes.lesson).minutes
        total = sum(t.minutes for t in notes.timings)
        if total != minutes:
            check.add(fa_file, path + ("timings",), f"timings add up to {total} minutes but the lesson takes {minutes}")
        for j, prompt in enumerate(notes.discussion):
            need(
                fa_file,
                path + ("discussion", j, "prompt"),
                prompt.prompt,
                prompts_of[notes.lesson],
                f"discussion prompt of lesson {notes.lesson!r}:",
            )
        for j, qid in enumerate(notes.spark_questions):
            need(fa_file, path + ("spark_questions", j), qid, question_ids, "quiz question")
    for i, module in enumerate(course.modules):
        for j, lesson in enumerate(module.lessons):
            if lesson.id not in noted:
                check.add(
                    ls_file,
                    ("modules", i, "lessons", j, "id"),
                    "lesson has no facilitator notes in data/facilitator.yaml",
                )

    # The self-assessment's fixed selection names real questions, once each, from every module.
    as_file = "data/assessment.yaml"
    _duplicates(check, as_file, ((("fixed", i), qid) for i, qid in enumerate(course.assessment.fixed)), "question")
    for i, qid in enumerate(course.assessment.fixed):
        need(as_file, ("fixed", i), qid, question_ids, "quiz question")
    covered = {
        course.module_of(course.bank_of_question(qid).quiz.lesson).id
        for qid in course.assessment.fixed
        if qid in question_ids and course.bank_of_question(qid).quiz.lesson in lesson_ids
    }
    for module in course.modules:
        if module.id not in covered:
            check.add(as_file, ("fixed",), f"the fixed selection has no question from module {module.id!r}")

    # Quiz banks: one per lesson, named after it; questions unique and drawn from real Q&A.
    first_question: dict[str, str] = {}
    bank_of_lesson: dict[str, str] = {}
    coverage: Counter = Counter()
    quiz_ids: dict[str, str] = {}
    for file, bank in banks.items():
        stem = Path(file).stem
        if bank.quiz.lesson not in lesson_ids:
            check.add(file, ("quiz", "lesson"), f"unknown lesson {bank.quiz.lesson!r}")
        elif stem != bank.quiz.lesson:
            check.add(
                file,
                ("quiz", "lesson"),
                f"the bank for lesson {bank.quiz.lesson!r} must be named quizzes/{bank.quiz.lesson}.yaml",
            )
        if bank.quiz.lesson in bank_of_lesson:
            check.add(
                file,
                ("quiz", "lesson"),
                f"lesson {bank.quiz.lesson!r} already has a bank: {bank_of_lesson[bank.quiz.lesson]}",
            )
        bank_of_lesson.setdefault(bank.quiz.lesson, file)
        if bank.quiz.id in quiz_ids:
            check.add(file, ("quiz", "id"), f"duplicate quiz id {bank.quiz.id!r} (also in {quiz_ids[bank.quiz.id]})")
        quiz_ids.setdefault(bank.quiz.id, file)
        for k, question in enumerate(bank.questions):
            if question.id in first_question:
                check.add(
                    file,
                    ("questions", k, "id"),
                    f"duplicate question id {question.id!r} (also in {first_question[question.id]})",
                )
            first_question.setdefault(question.id, file)
            for j, ref in enumerate(question.qa):
                need(file, ("questions", k, "qa", j), ref, qa_ids, "Q&A entry")
                coverage[ref] += 1
    for i, lesson_path in enumerate(
        (("modules", a, "lessons", b) for a, mod in enumerate(course.modules) for b, _ in enumerate(mod.lessons))
    ):
        lesson = course.lessons[i]
        if lesson.id not in bank_of_lesson:
            check.add(ls_file, lesson_path + ("id",), f"lesson has no quiz bank (expected quizzes/{lesson.id}.yaml)")
    for i, entry in enumerate(course.qa):
        if coverage[entry.id] < MIN_QUESTIONS_PER_QA:
            check.add(
                qa_file,
                ("entries", i, "id"),
                f"only {coverage[entry.id]} quiz questions draw on this entry; at least {MIN_QUESTIONS_PER_QA} are needed",
            )
