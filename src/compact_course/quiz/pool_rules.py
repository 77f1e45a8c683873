"""Rules for the self-assessment's own pool (``quizzes/assessment/*.yaml``), run by ``compact-course check``.

The pool measures transfer: a learner who memorised a lesson question's situation and answer
must gain nothing from it. So each pool question is compared with every lesson question that
draws on the same Q&A entry (or source), prompt and key together, and with the worked scenario
(``in_practice``) of the lesson that teaches that entry (or cites that source in its Today
note); a close one is refused.
The comparison is fast: each question's words are tokenised once (lower case, stop words out, a
light stemming), and two questions are compared by the Jaccard index of their word sets and of
their two-word shingles; no character-by-character comparison, so the whole check stays quick.

A pool question also says what it asks for (``level: apply | analyse | recall``), and each of its
wrong options names the belief it stands for (``misconception:``). Per pool, at most 15% of the
questions may ask for recall and at least 70% must ask the learner to apply or analyse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from compact_course.core import models as m
from compact_course.core.course import Course

# A pool question whose words (or two-word shingles) overlap a lesson question's this much repeats it.
WORD_OVERLAP = 0.3
SHINGLE_OVERLAP = 0.2
MAX_RECALL_SHARE = 0.15
MIN_APPLIED_SHARE = 0.70
WORD = re.compile(r"[a-z0-9]+")
# Function words and the words every question uses; what is left says what a question is about.
STOP_WORDS = frozenset(
    """a about after again all also am an and any are as at be been before being best but by can
    could did do does doing for from had has have he her here him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our out over own same
    she should so some such than that the their them then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would
    you your yours compact voice s t according say said says answer reply response following
    statement true false""".split()  # noqa: SIM905 (a word list reads better as text)
)
SUFFIXES = ("ies", "ing", "ed", "es", "s")

Add = Callable[[str, tuple[object, ...], str], None]


def _stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _tokens(text: str) -> tuple[str, ...]:
    words = WORD.findall(text.lower().replace("’", "'").replace("'", ""))
    return tuple(_stem(word) for word in words if word not in STOP_WORDS)


def _keys(question: m.QuestionBase) -> list[str]:
    """The text of the right answer(s): what, with the prompt, a learner would memorise."""
    if isinstance(question, m.Matching):
        return [f"{pair.item} {pair.match}" for pair in question.pairs]
    options = getattr(question, "options", ()) or ()
    return [option.text for option in options if option.correct]


@dataclass(frozen=True)
class Fingerprint:
    """A question's (or a worked scenario's) words and two-word shingles, computed once."""

    question_id: str
    words: frozenset[str]
    shingles: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, question: m.QuestionBase) -> Fingerprint:
        parts = [getattr(question, "scenario", "") or "", question.prompt, *_keys(question)]
        return cls.of_texts(question.id, parts)

    @classmethod
    def of_texts(cls, name: str, parts: Iterable[str]) -> Fingerprint:
        words: set[str] = set()
        shingles: set[tuple[str, str]] = set()
        for part in parts:
            tokens = _tokens(part)
            words.update(tokens)
            shingles.update(pairwise(tokens))
        return cls(name, frozenset(words), frozenset(shingles))

    def likeness(self, other: Fingerprint) -> tuple[float, float]:
        """The Jaccard index of the two questions' words and of their shingles."""
        return _jaccard(self.words, other.words), _jaccard(self.shingles, other.shingles)


def _jaccard(first: frozenset, second: frozenset) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _topics(question: m.QuestionBase) -> set[str]:
    return {*question.qa, *question.sources}


def pool_file(pool: m.AssessmentPool) -> str:
    return f"quizzes/assessment/{pool.pool.module}.yaml"


def _lesson_prints(course: Course) -> dict[str, list[tuple[str, Fingerprint]]]:
    """Every lesson question's and worked scenario's fingerprint, filed under each Q&A entry and
    source it draws on, with what it is ("lesson question 'id'", "the worked scenario of lesson 'id'")."""
    by_topic: dict[str, list[tuple[str, Fingerprint]]] = {}
    for question in course.all_questions():
        shown = (f"lesson question {question.id!r}", Fingerprint.of(question))
        for topic in _topics(question):
            by_topic.setdefault(topic, []).append(shown)
    for lesson in course.lessons:
        practice = lesson.in_practice
        name = f"the worked scenario of lesson {lesson.id!r}"
        scenario = (name, Fingerprint.of_texts(name, (practice.scenario, practice.takeaway)))
        topics = {*([lesson.qa] if lesson.qa else ()), *lesson.sources, *(lesson.today.sources if lesson.today else ())}
        for topic in topics:
            by_topic.setdefault(topic, []).append(scenario)
    return by_topic


def repeats_of_lessons(course: Course, add: Add) -> None:
    """A pool question close to a lesson question or worked scenario on the same Q&A entry or source is refused."""
    by_topic = _lesson_prints(course)
    for pool in course.pools:
        for k, question in enumerate(pool.questions):
            mine = Fingerprint.of(question)
            seen: set[str] = set()
            for topic in sorted(_topics(question)):
                for name, other in by_topic.get(topic, ()):
                    if name in seen:
                        continue
                    seen.add(name)
                    words, shingles = mine.likeness(other)
                    if words >= WORD_OVERLAP or shingles >= SHINGLE_OVERLAP:
                        add(
                            pool_file(pool),
                            ("questions", k, "prompt"),
                            f"repeats {name} on {topic!r} (prompt and key: "
                            f"{words:.0%} of words, {shingles:.0%} of word pairs alike; at most "
                            f"{WORD_OVERLAP:.0%} and {SHINGLE_OVERLAP:.0%}): ask about another body, decision or stage",
                        )


def _wrong_options(question: m.QuestionBase) -> Iterator[tuple[tuple[object, ...], m.Option]]:
    for j, option in enumerate(getattr(question, "options", ()) or ()):
        if not option.correct:
            yield ("options", j, "misconception"), option


def levels_and_misconceptions(course: Course, add: Add) -> None:
    """Every pool question has a level, every wrong answer a misconception, and recall stays rare."""
    for pool in course.pools:
        file = pool_file(pool)
        for k, question in enumerate(pool.questions):
            if question.level is None:
                add(file, ("questions", k, "id"), "no level: say what it asks (level: apply | analyse | recall)")
            if isinstance(question, m.TrueFalse) and question.misconception is None:
                add(file, ("questions", k, "answer"), "no misconception: name the belief behind the wrong answer")
            for path, option in _wrong_options(question):
                if option.misconception is None:
                    add(
                        file,
                        ("questions", k, *path[:2], "text"),
                        "a wrong option without a misconception: name the belief a newcomer might really hold",
                    )
        _shares(pool, add)


def _shares(pool: m.AssessmentPool, add: Add) -> None:
    file, total = pool_file(pool), len(pool.questions)
    recall = [k for k, q in enumerate(pool.questions) if q.level == "recall"]
    applied = sum(q.level in ("apply", "analyse") for q in pool.questions)
    if len(recall) > MAX_RECALL_SHARE * total:
        for k in recall:
            add(
                file,
                ("questions", k, "level"),
                f"{len(recall)} of {total} questions ({len(recall) / total:.0%}) ask for recall; at most {MAX_RECALL_SHARE:.0%}",
            )
    if applied < MIN_APPLIED_SHARE * total:
        add(
            file,
            ("questions",),
            f"{applied} of {total} questions ({applied / total:.0%}) ask to apply or analyse; at least {MIN_APPLIED_SHARE:.0%}",
        )


def pool_problems(course: Course, add: Add) -> None:
    """Every pool rule, each problem given to ``add(file, path, message)``."""
    repeats_of_lessons(course, add)
    levels_and_misconceptions(course, add)
