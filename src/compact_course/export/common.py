"""What every export format shares: module selection, categories, answer weights, HTML text.

The three writers (:mod:`.gift`, :mod:`.moodle_xml`, :mod:`.qti`) differ only in syntax; the
decisions about *content* live here once, so the formats cannot drift apart:

- which modules and banks are exported, in course order, and which questions: the lesson banks
  (``lessons``), the final self-assessment's pool (``self-assessment``) or both (``all``);
- the category each module becomes: ``Module 2: <title>`` for its lesson banks, and
  ``Compact course/Module 2`` for its self-assessment pool, so a Moodle quiz can draw "N random
  questions" from each module's pool category;
- how a multiple-select question is scored (correct options share +100%, wrong options
  share -100%, so ticking everything scores nothing);
- how question text, feedback and the matching explanation become HTML (every piece of
  course text escaped with :func:`compact_course.core.escaping.e`, quotes included).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.core.selection import pick_modules, split_refs

# Moodle accepts only these answer grades (question_bank::fraction_options_full, as fractions
# of the mark; negatives allowed too). Its importer matches a grade within 0.00001 of one of
# them, or rejects the question when "Match grades" is left at "Error if grade not listed".
MOODLE_FRACTIONS = (
    "1",
    "0.9",
    "0.8333333",
    "0.8",
    "0.75",
    "0.7",
    "0.6666667",
    "0.6",
    "0.5",
    "0.4",
    "0.3333333",
    "0.3",
    "0.25",
    "0.2",
    "0.1666667",
    "0.1428571",
    "0.125",
    "0.1111111",
    "0.1",
    "0.05",
    "0",
)
MOODLE_TOLERANCE = Decimal("0.00001")

# Weights are written as percentages with five decimal places, as Moodle itself prints them.
PERCENT_STEP = Decimal("0.00001")


class UnknownModuleError(ValueError):
    """A --modules value that names no module of the course."""


def select_modules(course: Course, wanted: Iterable[str] | None) -> tuple[m.Module, ...]:
    """The modules named by number (``1``) or id (``m1-what-and-who``), in course order.

    ``None`` or an empty selection means every module. Values may also be comma-separated
    (``1,3``). Anything unknown raises :class:`UnknownModuleError` naming it and the choices.
    """
    tokens = split_refs(wanted)
    if not tokens:
        return course.modules
    picked = pick_modules(course, tokens)
    if picked.unknown:
        known = ", ".join(f"{number} ({module.id})" for number, module in enumerate(course.modules, start=1))
        raise UnknownModuleError(f"unknown module(s): {', '.join(picked.unknown)}; the course has modules {known}")
    return picked.chosen


def module_banks(course: Course, module: m.Module) -> tuple[m.QuizBank, ...]:
    """The module's quiz banks, one per lesson, in lesson order."""
    return tuple(course.quiz_for(lesson.id) for lesson in module.lessons)


def category_name(course: Course, module: m.Module) -> str:
    """The question-bank category a module's questions go into."""
    return f"Module {course.module_number(module.id)}: {module.title}"


def moodle_category_path(course: Course, module: m.Module) -> str:
    """The category as a Moodle path under the course's top category.

    Moodle splits paths on ``/`` and reads ``//`` as a literal slash, so slashes in a title
    are doubled.
    """
    return "$course$/top/" + category_name(course, module).replace("/", "//")


POOL_CATEGORY = "Compact course"
PARTS = ("all", "lessons", "self-assessment")


@dataclass(frozen=True)
class Section:
    """A run of questions under one heading: a lesson's quiz, or a module's self-assessment pool."""

    id: str
    title: str
    questions: tuple[m.QuestionBase, ...]


@dataclass(frozen=True)
class Group:
    """One category (Moodle) or test (QTI): a module's lesson banks, or its self-assessment pool."""

    id: str  # unique among an export's groups (QTI test identifiers)
    module: m.Module
    name: str
    moodle_path: str
    info: str
    sections: tuple[Section, ...]

    @property
    def questions(self) -> tuple[m.QuestionBase, ...]:
        return tuple(q for section in self.sections for q in section.questions)


def pool_category_name(course: Course, module: m.Module) -> str:
    """The self-assessment pool's category of a module, under the course's own category."""
    return f"{POOL_CATEGORY}/Module {course.module_number(module.id)}"


def lesson_group(course: Course, module: m.Module) -> Group:
    sections = tuple(Section(b.quiz.id, b.quiz.title, tuple(b.questions)) for b in module_banks(course, module))
    name = category_name(course, module)
    return Group(module.id, module, name, moodle_category_path(course, module), module.summary, sections)


def pool_group(course: Course, module: m.Module) -> Group | None:
    """The module's self-assessment questions as one group, or None if it has no pool."""
    pools = [pool for pool in course.pools if pool.pool.module == module.id]
    if not pools:
        return None
    sections = tuple(Section(f"self-assessment-{module.id}", p.pool.title, tuple(p.questions)) for p in pools)
    name = pool_category_name(course, module)
    path = "$course$/top/" + name  # "Compact course" and "Module N": no slash to double
    return Group(f"self-assessment-{module.id}", module, name, path, pools[0].pool.title, sections)


def export_groups(course: Course, modules: Iterable[m.Module], part: str = "all") -> tuple[Group, ...]:
    """The groups an export writes: each module's lesson banks, then each module's pool (``part``: PARTS)."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: use one of {', '.join(PARTS)}")
    modules = tuple(modules)
    groups: list[Group] = []
    if part in ("all", "lessons"):
        groups += [lesson_group(course, module) for module in modules]
    if part in ("all", "self-assessment"):
        groups += [g for g in (pool_group(course, module) for module in modules) if g is not None]
    return tuple(groups)


# --- Scoring ---------------------------------------------------------------------------------


def split_percent(total: int, count: int) -> tuple[Decimal, ...]:
    """``total`` percent split into ``count`` shares of 0.00001 that add up to it exactly.

    The remainder goes one step at a time to the first shares, so 100 / 3 gives
    33.33334, 33.33333 and 33.33333.
    """
    if count < 1:
        raise ValueError("cannot split a weight between no options")
    steps = int(Decimal(abs(total)) / PERCENT_STEP)
    base, extra = divmod(steps, count)
    sign = 1 if total >= 0 else -1
    return tuple(sign * (base + (1 if index < extra else 0)) * PERCENT_STEP for index in range(count))


def _moodle_accepts(percent: Decimal) -> bool:
    fraction = abs(percent) / 100
    return any(abs(fraction - Decimal(allowed)) < MOODLE_TOLERANCE for allowed in MOODLE_FRACTIONS)


def choice_weights(question: m.QuestionBase) -> tuple[Decimal, ...]:
    """The grade, in percent, of each of ``question.choices()`` (same order).

    One-answer questions give the correct choice 100 and the rest 0. Multiple-select shares
    +100 among the correct options and -100 among the wrong ones: every correct option is
    needed for full marks, and ticking every box scores 0 (Moodle never goes below 0).
    """
    choices = question.choices()
    if not isinstance(question, m.MultipleSelect):
        return tuple(Decimal(100) if choice.correct else Decimal(0) for choice in choices)
    right = iter(split_percent(100, sum(choice.correct for choice in choices)))
    wrong_count = sum(not choice.correct for choice in choices)
    wrong = iter(split_percent(-100, wrong_count) if wrong_count else ())
    weights = tuple(next(right) if choice.correct else next(wrong) for choice in choices)
    for weight in weights:
        if not _moodle_accepts(weight):
            raise ValueError(
                f"question {question.id}: the weight {format_percent(weight)}% is not a grade Moodle accepts; "
                "a multiple-select question may have at most 10 correct and 10 wrong options"
            )
    return weights


def format_percent(percent: Decimal) -> str:
    """A percentage without trailing zeros: ``100``, ``-50``, ``33.33334``."""
    text = f"{percent.quantize(PERCENT_STEP):f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fraction_text(percent: Decimal) -> str:
    """A weight as a fraction of the mark (QTI scores): ``1``, ``-0.5``, ``0.3333334``."""
    text = f"{(percent / 100).quantize(PERCENT_STEP / 100):f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --- Text -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairNote:
    """One line of a matching question's general feedback: the right match and why."""

    item: str
    match: str
    feedback: str


def pair_notes(question: m.Matching) -> tuple[PairNote, ...]:
    return tuple(PairNote(pair.item, pair.match, pair.feedback) for pair in question.pairs)


def stem_parts(question: m.QuestionBase) -> tuple[str, ...]:
    """The question text, paragraph by paragraph: a scenario comes first, then the prompt."""
    scenario = getattr(question, "scenario", None)
    return (scenario, question.prompt) if scenario else (question.prompt,)


def question_html(question: m.QuestionBase) -> str:
    return "".join(f"<p>{e(part)}</p>" for part in stem_parts(question))


def paragraph_html(text: str) -> str:
    return f"<p>{e(text)}</p>"


def general_feedback_html(question: m.QuestionBase) -> str:
    """The explanation; for matching, followed by each right match and its feedback.

    Neither Moodle format has per-item feedback for matching, so the pair feedback is kept
    here rather than dropped.
    """
    html = paragraph_html(question.explanation)
    if isinstance(question, m.Matching):
        items = "".join(
            f"<li>{e(note.item)} → {e(note.match)}<br />{e(note.feedback)}</li>" for note in pair_notes(question)
        )
        html += f"<ul>{items}</ul>"
    return html
