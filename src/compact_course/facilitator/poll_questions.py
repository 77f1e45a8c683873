"""What a room poll asks: the options the room votes on, the answer it reveals, the question sets.

How each question type is polled:

- single, scenario, true-false: one vote per person, one count per option.
- multiple: people may vote for several options, so counts are per option, not per person.
- matching: too fiddly to vote item by item, so the room says how it did: every match
  right, some right, or none right. The reveal shows the matches.

Question sets come from the same quiz banks as the lessons: the discussion starters the
facilitator notes recommend (all of them, and per module), every question of a module, and
every question of a lesson.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.interface_models import fill

# A matching question's three answers: key, its words (data/interface.yaml ``poll``), correct.
MATCHING_OPTIONS = (("all", "matching_all", True), ("some", "matching_some", False), ("none", "matching_none", False))


@dataclass(frozen=True)
class PollOption:
    key: str
    text: str
    correct: bool
    letter: str = ""  # A, B, C ... by display position, as the screen, cards, handouts and keys letter them

    @property
    def label(self) -> str:
        return f"{self.letter}. {self.text}" if self.letter else self.text


def poll_options(course: Course, question: m.QuestionBase) -> tuple[PollOption, ...]:
    """What the room votes on for one question (see the module docstring for matching)."""
    if isinstance(question, m.Matching):
        words = course.interface.poll
        return tuple(
            PollOption(key, getattr(words, field), correct, chr(ord("A") + position))
            for position, (key, field, correct) in enumerate(MATCHING_OPTIONS)
        )
    return tuple(
        PollOption(choice.key, choice.text, choice.correct, chr(ord("A") + position))
        for position, choice in enumerate(question.choices())
    )


@dataclass(frozen=True)
class Reveal:
    """What the poll reveals: the answer's lines and the explanation (the script lays them out)."""

    answer: tuple[str, ...]
    explanation: str


def reveal_for(course: Course, question: m.QuestionBase) -> Reveal:
    if isinstance(question, m.Matching):
        answer = tuple(f"{pair.item} → {pair.match}" for pair in question.pairs)
    else:
        answer = tuple(option.label for option in poll_options(course, question) if option.correct)
    return Reveal(answer, question.explanation)


@dataclass(frozen=True)
class QuestionSet:
    key: str
    title: str
    question_ids: tuple[str, ...]


def question_sets(course: Course) -> dict[str, QuestionSet]:
    """Every set a facilitator can poll: discussion starters (all, per module), whole modules, lessons."""
    sets: dict[str, QuestionSet] = {}
    words = course.interface.poll

    def starters(lessons: Sequence[m.Lesson]) -> tuple[str, ...]:
        notes = [course.notes_for(lesson.id) for lesson in lessons]
        return tuple(dict.fromkeys(qid for note in notes if note for qid in note.spark_questions))

    everything = starters(course.lessons)
    if everything:
        sets["starters"] = QuestionSet("starters", words.set_starters, everything)
    for module in course.modules:
        n = course.module_number(module.id)
        module_starters = starters(module.lessons)
        if module_starters:
            sets[f"module-{n}-starters"] = QuestionSet(
                f"module-{n}-starters", fill(words.set_module_starters, number=n, title=module.title), module_starters
            )
        all_ids = tuple(q.id for lesson in module.lessons for q in course.quiz_for(lesson.id).questions)
        title = fill(words.set_module, number=n, title=module.title)
        sets[f"module-{n}"] = QuestionSet(f"module-{n}", title, all_ids)
    for lesson in course.lessons:
        ids = tuple(q.id for q in course.quiz_for(lesson.id).questions)
        sets[f"lesson-{lesson.id}"] = QuestionSet(
            f"lesson-{lesson.id}",
            fill(words.set_lesson, number=course.lesson_number(lesson.id), title=lesson.title),
            ids,
        )
    return sets
