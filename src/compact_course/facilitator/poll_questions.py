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
from compact_course.core.escaping import e

MATCHING_OPTIONS = (
    ("all", "Got every match right", True),
    ("some", "Got some matches right", False),
    ("none", "Got no matches right", False),
)


@dataclass(frozen=True)
class PollOption:
    key: str
    text: str
    correct: bool
    letter: str = ""  # A, B, C ... by display position, as the screen, cards, handouts and keys letter them

    @property
    def label(self) -> str:
        return f"{self.letter}. {self.text}" if self.letter else self.text


def poll_options(question: m.QuestionBase) -> tuple[PollOption, ...]:
    """What the room votes on for one question (see the module docstring for matching)."""
    if isinstance(question, m.Matching):
        return tuple(
            PollOption(key, text, correct, chr(ord("A") + position))
            for position, (key, text, correct) in enumerate(MATCHING_OPTIONS)
        )
    return tuple(
        PollOption(choice.key, choice.text, choice.correct, chr(ord("A") + position))
        for position, choice in enumerate(question.choices())
    )


@dataclass(frozen=True)
class Reveal:
    answer: tuple[str, ...]
    explanation: str

    @property
    def text(self) -> str:
        # Options often end with a full stop of their own; avoid doubling it.
        return "Answer: " + "; ".join(line.rstrip(".") for line in self.answer) + ". " + self.explanation

    def to_html(self) -> str:
        items = "".join(f"<li>{e(line)}</li>" for line in self.answer)
        return (
            f'<div class="cc-poll-reveal"><p><strong>Answer:</strong></p><ul>{items}</ul>'
            f"<p><strong>Explanation:</strong> {e(self.explanation)}</p></div>"
        )


def reveal_for(question: m.QuestionBase) -> Reveal:
    if isinstance(question, m.Matching):
        answer = tuple(f"{pair.item} → {pair.match}" for pair in question.pairs)
    else:
        answer = tuple(option.label for option in poll_options(question) if option.correct)
    return Reveal(answer, question.explanation)


@dataclass(frozen=True)
class QuestionSet:
    key: str
    title: str
    question_ids: tuple[str, ...]


def question_sets(course: Course) -> dict[str, QuestionSet]:
    """Every set a facilitator can poll: discussion starters (all, per module), whole modules, lessons."""
    sets: dict[str, QuestionSet] = {}

    def starters(lessons: Sequence[m.Lesson]) -> tuple[str, ...]:
        notes = [course.notes_for(lesson.id) for lesson in lessons]
        return tuple(dict.fromkeys(qid for note in notes if note for qid in note.spark_questions))

    everything = starters(course.lessons)
    if everything:
        sets["starters"] = QuestionSet("starters", "Discussion starters from every module", everything)
    for module in course.modules:
        n = course.module_number(module.id)
        module_starters = starters(module.lessons)
        if module_starters:
            sets[f"module-{n}-starters"] = QuestionSet(
                f"module-{n}-starters", f"Module {n} discussion starters: {module.title}", module_starters
            )
        all_ids = tuple(q.id for lesson in module.lessons for q in course.quiz_for(lesson.id).questions)
        sets[f"module-{n}"] = QuestionSet(f"module-{n}", f"Module {n}, every question: {module.title}", all_ids)
    for lesson in course.lessons:
        ids = tuple(q.id for q in course.quiz_for(lesson.id).questions)
        sets[f"lesson-{lesson.id}"] = QuestionSet(
            f"lesson-{lesson.id}", f"Lesson {course.lesson_number(lesson.id)}: {lesson.title}", ids
        )
    return sets
