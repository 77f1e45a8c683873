"""Read and validate the whole course: data/*.yaml and quizzes/*.yaml, for :class:`Course`.

:func:`compact_course.core.course.load_course` builds the course with :func:`read_files` and
:func:`check_course` (so this module never imports the Course class at run time: imports go
one way, course -> load).

Loading never stops at the first problem: every file is parsed, validated against its
model, then cross-checked by the rules in :mod:`compact_course.core.rules`, and all
problems are raised together as one :class:`CourseDataError`, each with file, line, field.

To add a data file: give its model in :data:`DATA_FILES` (one line) and add the field it
fills to :class:`~compact_course.core.course.Course`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from compact_course.core import models as m
from compact_course.core import plan_models as pm
from compact_course.core.chart_models import ChartsFile
from compact_course.core.interface_models import InterfaceText
from compact_course.core.paths import default_root
from compact_course.core.rules import cross_check
from compact_course.core.rules.reporter import Reporter
from compact_course.core.statement_models import AccessibilityStatement
from compact_course.core.yamlmarks import CourseDataError, load_marked_yaml

if TYPE_CHECKING:
    from compact_course.core.course import Course


@dataclass(frozen=True)
class DataFile:
    """One file in data/: its model, the Course field it fills, and which of its fields holds the items."""

    model: type[BaseModel]
    course_field: str
    items: str | None  # None: the Course field holds the whole validated file


POOL_FOLDER = "assessment"  # quizzes/assessment/<module-id>.yaml: the self-assessment's own questions

# data/<name>.yaml -> how it is read. The single list of data files.
DATA_FILES: dict[str, DataFile] = {
    "qa": DataFile(m.QAFile, "qa", "entries"),
    "sources": DataFile(m.SourcesFile, "sources", "sources"),
    "figures": DataFile(m.FiguresFile, "figures", "figures"),
    "timeline": DataFile(m.TimelineFile, "events", "events"),
    "glossary": DataFile(m.GlossaryFile, "terms", "terms"),
    "lessons": DataFile(m.LessonsFile, "modules", "modules"),
    "facilitator": DataFile(m.FacilitatorFile, "facilitator", "lessons"),
    "assessment": DataFile(m.AssessmentFile, "assessment", None),
    "plans": DataFile(pm.PlansFile, "plans", None),
    "charts": DataFile(ChartsFile, "charts", "charts"),
    "accessibility": DataFile(AccessibilityStatement, "accessibility", None),
    "interface": DataFile(InterfaceText, "interface", None),
}


def _message(detail: Any) -> str:
    kind = detail["type"]
    if kind == "extra_forbidden":
        return "unknown field (not allowed here; check its spelling)"
    if kind == "missing":
        return "required field is missing"
    message: str = detail["msg"]
    return message.removeprefix("Value error, ")


def load_file(report: Reporter, root: Path, file: str, model: type[BaseModel]) -> Any:
    """Parse and validate one file; report its problems and return the model, or None."""
    path = root / file
    if not path.is_file():
        report.at_line(file, 1, "file is missing")
        return None
    data, problems = load_marked_yaml(path, file)
    report.problems.extend(problems)
    if data is None:
        return None
    report.raw[file] = data
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            location = tuple(detail["loc"])
            if detail["type"] in ("union_tag_invalid", "union_tag_not_found"):
                location += ("type",)  # point at the discriminator itself
            report.add(file, location, _message(detail))
        return None


def _course_fields(parsed: dict[str, Any]) -> dict[str, Any]:
    return {
        spec.course_field: parsed[name] if spec.items is None else getattr(parsed[name], spec.items)
        for name, spec in DATA_FILES.items()
    }


@dataclass(frozen=True)
class LoadedFiles:
    """Every data file and quiz bank, parsed and validated, before the cross-checks."""

    root: Path
    report: Reporter
    fields: dict[str, Any]  # Course fields, from data/*.yaml
    banks: dict[str, m.QuizBank]  # by file
    pools: dict[str, m.AssessmentPool]  # by file


def read_files(root: Path | str | None = None) -> LoadedFiles:
    """Parse and validate every file of the course at ``root``; raise CourseDataError if one fails its model."""
    root = Path(root).resolve() if root is not None else default_root()
    report = Reporter()
    parsed = {name: load_file(report, root, f"data/{name}.yaml", spec.model) for name, spec in DATA_FILES.items()}
    quiz_files = sorted((root / "quizzes").glob("*.yaml"))
    if not quiz_files:
        report.at_line("quizzes", 1, "no quiz banks found")
    banks = {f"quizzes/{path.name}": load_file(report, root, f"quizzes/{path.name}", m.QuizBank) for path in quiz_files}
    pools = {
        f"quizzes/{POOL_FOLDER}/{path.name}": load_file(
            report, root, f"quizzes/{POOL_FOLDER}/{path.name}", m.AssessmentPool
        )
        for path in sorted((root / "quizzes" / POOL_FOLDER).glob("*.yaml"))
    }
    if any(value is None for value in (*parsed.values(), *banks.values(), *pools.values())):
        raise CourseDataError(report.problems)  # a file that failed its model cannot be cross-checked
    return LoadedFiles(root, report, _course_fields(parsed), banks, pools)


def check_course(files: LoadedFiles, course: Course) -> Course:
    """Cross-check the course built from ``files``; raise CourseDataError with every problem found."""
    cross_check(files.report, course, files.banks, files.pools)
    if files.report.problems:
        raise CourseDataError(files.report.problems)
    return course
