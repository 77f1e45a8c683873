"""Item-writing rules for quiz questions, checked by ``compact-course check``.

A question measures understanding only if a learner who knows nothing cannot pass it by a habit:
picking the longest option, the one that repeats the prompt, or reading a hint that says how many
options are right. These rules follow the widely used item-writing guidelines summarised in
``shared/item-writing.md`` (Haladyna, Downing and Rodriguez, 2002). Each problem names the file,
line and field, like every other data problem. Rules about the whole bank (how often the key is
the longest option, the mean key length) are reported at the questions that make up the excess.

Run ``python -m compact_course.quiz.item_rules`` for the problems and each bank's statistics.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from statistics import mean

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.yamlmarks import Problem, load_marked_yaml, locate
from compact_course.quiz.cue_rules import check_cues
from compact_course.quiz.pool_rules import pool_problems

MAX_KEY_LONGEST_SHARE = 0.30  # of single-answer questions whose key is the longest option
MAX_KEY_LENGTH_RATIO = 1.15  # mean key length / mean distractor length, per bank
NEAR_DUPLICATE_RATIO = 0.9  # difflib similarity above which two options count as the same
MAX_LEGALISTIC_OPTIONS = 1  # options per question that turn on legal force
WORD = re.compile(r"[a-z0-9’']+")

# Options that one rule ("the Compact is not legally binding") eliminates at a stroke.
LEGALISTIC = re.compile(
    r"legally binding|binding in law|legal duty|\bcourts?\b|criminal|\benforce|\bsue\b|judicial review|"
    r"legal action|prosecut|\bfined?\b|\bunlawful\b",
    re.IGNORECASE,
)
# Text that tells the learner how many options are right ("Select all that apply" is fine).
COUNT_GIVEN = re.compile(
    r"\b(?:which|choose|select|pick|tick|name)\s+(?:the\s+)?(?:two|three|four|five|2|3|4|5)\b"
    r"|\b(?:two|three|four|five|2|3|4|5)\s+(?:of\s+(?:these|the)\s+)?(?:options|answers|statements|are\s+(?:right|correct|true))"
    r"|\b(?:both|only one|exactly one|more than one|one or more|just one)\b(?=[^.?!]*\b(?:options?|answers?|statements?|correct|right|true|apply)\b)",
    re.IGNORECASE,
)
SINGLE_ANSWER = (m.SingleChoice, m.ScenarioQuestion)
CHOICE_TYPES = (m.SingleChoice, m.ScenarioQuestion, m.MultipleSelect)


@dataclass(frozen=True)
class BankStats:
    file: str
    questions: int
    single_answer: int
    key_longest: int
    key_mean: float
    distractor_mean: float

    @property
    def key_ratio(self) -> float:
        return self.key_mean / self.distractor_mean if self.distractor_mean else 0.0


class _Reporter:
    """Turns a field path in one bank into ``file:line: field: message``."""

    def __init__(self, course: Course):
        self.course = course
        self.raw: dict[str, object] = {}
        self.problems: list[Problem] = []

    def add(self, file: str, path: Sequence[object], message: str) -> None:
        if file not in self.raw:
            self.raw[file] = load_marked_yaml(self.course.root / file, file)[0]
        line, shown = locate(self.raw[file], tuple(path))
        self.problems.append(Problem(file, line, shown, message))


def bank_file(bank: m.QuizBank) -> str:
    return f"quizzes/{bank.quiz.lesson}.yaml"


def pool_file(pool: m.AssessmentPool) -> str:
    return f"quizzes/assessment/{pool.pool.module}.yaml"


def _question_files(course: Course) -> Iterator[tuple[str, tuple[m.QuestionBase, ...]]]:
    """Each lesson bank and self-assessment pool, with its file."""
    for bank in course.quizzes:
        yield bank_file(bank), bank.questions
    for pool in course.pools:
        yield pool_file(pool), pool.questions


def _options(question: m.QuestionBase) -> tuple[m.Option, ...]:
    return tuple(getattr(question, "options", ()) or ())


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def key_is_longest(question: m.QuestionBase) -> bool:
    """Whether the single correct option is strictly the longest (ties do not give it away)."""
    options = _options(question)
    keys = [option for option in options if option.correct]
    others = [len(option.text) for option in options if not option.correct]
    return len(keys) == 1 and bool(others) and len(keys[0].text) > max(others)


def _located_questions(course: Course) -> Iterator[tuple[str, int, m.QuestionBase]]:
    for file, questions in _question_files(course):
        for index, question in enumerate(questions):
            yield file, index, question


def _text_rules(report: _Reporter, file: str, index: int, question: m.QuestionBase) -> None:
    path: tuple[object, ...] = ("questions", index)
    for field in ("prompt", "hint", "scenario"):
        text = getattr(question, field, None)
        if text and COUNT_GIVEN.search(text):
            found = COUNT_GIVEN.search(text)
            assert found is not None
            report.add(
                file,
                path + (field,),
                f"says how many options are right ({found.group(0)!r}); say 'Select all that apply' or nothing",
            )
    options = _options(question)
    for j, option in enumerate(options):
        if COUNT_GIVEN.search(option.text):
            report.add(file, path + ("options", j, "text"), "an option must not say how many options are right")
    legalistic = [j for j, option in enumerate(options) if LEGALISTIC.search(option.text)]
    for j in legalistic[MAX_LEGALISTIC_OPTIONS:]:
        report.add(
            file,
            path + ("options", j, "text"),
            f"{len(legalistic)} options turn on legal force (binding, court, enforce ...); one rule rules them all out: keep at most {MAX_LEGALISTIC_OPTIONS}",
        )
    for (i, first), (j, second) in _pairs(options):
        ratio = difflib.SequenceMatcher(None, first.text.lower(), second.text.lower()).ratio()
        if ratio >= NEAR_DUPLICATE_RATIO:
            report.add(file, path + ("options", j, "text"), f"nearly the same as option {i + 1} ({ratio:.0%} alike)")


def _pairs(options: Sequence[m.Option]) -> Iterator[tuple[tuple[int, m.Option], tuple[int, m.Option]]]:
    for i, first in enumerate(options):
        for j in range(i + 1, len(options)):
            yield (i, first), (j, options[j])


def _multiple_rules(report: _Reporter, file: str, index: int, question: m.MultipleSelect) -> None:
    if all(option.correct for option in question.options):
        report.add(file, ("questions", index, "options"), "every option is correct: mix right and wrong options")


def _lesson_rules(report: _Reporter, course: Course) -> None:
    """A lesson question may only draw on Q&A entries taught by its own lesson or earlier ones."""
    order = [lesson.id for lesson in course.lessons]
    taught_at = {lesson.qa: order.index(lesson.id) for lesson in course.lessons if lesson.qa}
    for bank in course.quizzes:
        if bank.quiz.lesson not in order:
            continue
        position = order.index(bank.quiz.lesson)
        for k, question in enumerate(bank.questions):
            for j, qa_id in enumerate(question.qa):
                if taught_at.get(qa_id, -1) > position:
                    later = course.lessons[taught_at[qa_id]]
                    report.add(
                        bank_file(bank),
                        ("questions", k, "qa", j),
                        f"draws on {qa_id!r}, taught later (lesson {taught_at[qa_id] + 1}, {later.title!r}); a question may use only its own and earlier lessons",
                    )


def bank_stats(course: Course) -> list[BankStats]:
    stats = []
    for file, questions in _question_files(course):
        single = [q for q in questions if isinstance(q, SINGLE_ANSWER)]
        keys = [len(o.text) for q in questions if isinstance(q, CHOICE_TYPES) for o in _options(q) if o.correct]
        wrong = [len(o.text) for q in questions if isinstance(q, CHOICE_TYPES) for o in _options(q) if not o.correct]
        stats.append(
            BankStats(
                file=file,
                questions=len(questions),
                single_answer=len(single),
                key_longest=sum(key_is_longest(q) for q in single),
                key_mean=mean(keys) if keys else 0.0,
                distractor_mean=mean(wrong) if wrong else 0.0,
            )
        )
    return stats


def _bank_rules(report: _Reporter, course: Course) -> None:
    for stat in bank_stats(course):
        if stat.key_ratio > MAX_KEY_LENGTH_RATIO:
            report.add(
                stat.file,
                ("questions",),
                f"keys average {stat.key_mean:.0f} characters, wrong options {stat.distractor_mean:.0f} "
                f"({stat.key_ratio:.2f} times; at most {MAX_KEY_LENGTH_RATIO}): a guesser picks the longest",
            )
    single = [(f, i, q) for f, i, q in _located_questions(course) if isinstance(q, SINGLE_ANSWER)]
    longest = [(f, i, q) for f, i, q in single if key_is_longest(q)]
    if single and len(longest) / len(single) > MAX_KEY_LONGEST_SHARE:
        for file, index, _ in longest:
            report.add(
                file,
                ("questions", index, "options"),
                f"the key is the longest option, as in {len(longest)} of {len(single)} single-answer questions "
                f"(at most {MAX_KEY_LONGEST_SHARE:.0%}): make a wrong option as long",
            )
    correct = [
        len(o.text)
        for _, _, q in _located_questions(course)
        if isinstance(q, m.MultipleSelect)
        for o in q.options
        if o.correct
    ]
    wrong = [
        len(o.text)
        for _, _, q in _located_questions(course)
        if isinstance(q, m.MultipleSelect)
        for o in q.options
        if not o.correct
    ]
    if correct and wrong and mean(correct) > MAX_KEY_LENGTH_RATIO * mean(wrong):
        for file, index, q in _located_questions(course):
            if isinstance(q, m.MultipleSelect):
                report.add(
                    file,
                    ("questions", index, "options"),
                    f"in multi-select questions the correct options average {mean(correct):.0f} characters and the wrong ones "
                    f"{mean(wrong):.0f}: correct options must not be systematically longer",
                )


def item_problems(course: Course) -> list[Problem]:
    """Every item-writing problem in the course's quiz banks."""
    report = _Reporter(course)
    for file, index, question in _located_questions(course):
        _text_rules(report, file, index, question)
        if isinstance(question, m.MultipleSelect):
            _multiple_rules(report, file, index, question)
    _lesson_rules(report, course)
    pool_problems(course, report.add)  # the pool measures transfer: quiz/pool_rules.py
    _bank_rules(report, course)
    check_cues(report, list(_located_questions(course)), frozenset(bank_file(bank) for bank in course.quizzes))
    return sorted(set(report.problems))


def _print_stats(stats: Iterable[BankStats]) -> None:
    print(f"{'bank':55} {'qs':>3} {'single':>6} {'longest':>7} {'key/wrong':>9}")
    for stat in stats:
        print(f"{stat.file:55} {stat.questions:3} {stat.single_answer:6} {stat.key_longest:7} {stat.key_ratio:9.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    from compact_course.core.course import load_course

    course = load_course()
    problems = item_problems(course)
    for problem in problems:
        print(problem)
    _print_stats(bank_stats(course))
    print(f"{len(problems)} item-writing problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
