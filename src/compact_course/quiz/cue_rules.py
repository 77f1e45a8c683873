"""Cue rules: the habits a test-wise guesser uses, checked by ``compact-course check``.

After ``shared/item-writing.md`` ("Test-wiseness"): a guesser who knows nothing drops options
with absolutes ("always", "only", "cannot"), picks the hedged one ("at the time", "usually"),
reads the hint for the key's words, answers "False" to an absolute statement, and picks the odd
one out in form (the one "Yes" among "No"s, the one much longer option). Each rule here stops one
habit from paying, and each problem names the file, line and field. The lesson banks must also
write down, beside every wrong option, the belief it stands for (``misconception``), and say
what each question asks the learner to do (``level``).

The same word lists drive ``scripts/guess_benchmark.py``, so the check and the benchmark agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from compact_course.core import models as m

ABSOLUTE = re.compile(r"\b(?:always|never|only|must|all|none|cannot|can't|can’t)\b", re.IGNORECASE)
# "may" the verb, not the month ("May 2013"); the other hedges in any case.
HEDGE = re.compile(r"\bat the time\b|\b(?:usually|often|might|in most cases)\b|\bmay\b(?!\s+\d)", re.IGNORECASE)
WORD = re.compile(r"[a-z0-9’']+")
# Words too common to give a key away when a hint shares them.
COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "not",
        "of",
        "on",
        "or",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "compact",
        "voice",
        "sector",
        "voluntary",
        "body",
        "bodies",
        "group",
        "groups",
        "out",
        "up",
        "off",
        "over",
        "about",
        "also",
        "any",
        "all",
        "more",
        "most",
        "some",
        "other",
        "one",
        "each",
        "own",
    ]
)
MAX_TRUE_FALSE_IMBALANCE = 1  # per bank: statements of one kind answered True minus those answered False
ODD_SHARE_MARGIN = 0.10  # how far above its share the odd one out may be the key, across the banks
MUCH_LONGER = 1.3  # an option this many times the next longest stands out


class Reporter(Protocol):
    def add(self, file: str, path: Sequence[object], message: str) -> None: ...


Located = tuple[str, int, m.QuestionBase]  # file, index in the file's questions, question


def _options(question: m.QuestionBase) -> tuple[m.Option, ...]:
    if isinstance(question, (m.SingleChoice, m.ScenarioQuestion, m.MultipleSelect)):
        return question.options
    return ()


def is_absolute(text: str) -> bool:
    return bool(ABSOLUTE.search(text))


def is_hedged(text: str) -> bool:
    return bool(HEDGE.search(text))


def _stem(word: str) -> str:
    word = re.sub(r"['’]s?$", "", word)  # the NAO's -> nao
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def distinctive(text: str) -> set[str]:
    """The words of ``text`` that could identify it: not common, three letters or more, stemmed."""
    stems = {_stem(word) for word in WORD.findall(text.lower()) if len(word) >= 3 and word not in COMMON}
    return stems - COMMON


def _question_path(index: int, *rest: object) -> tuple[object, ...]:
    return ("questions", index, *rest)


def _word_cue(report: Reporter, file: str, index: int, question: m.QuestionBase) -> None:
    """Absolutes not only in wrong options; hedges not only in right ones."""
    options = _options(question)
    right = [j for j, o in enumerate(options) if o.correct]
    wrong = [j for j, o in enumerate(options) if not o.correct]
    absolute_wrong = [j for j in wrong if is_absolute(options[j].text)]
    if absolute_wrong and not any(is_absolute(options[j].text) for j in right):
        report.add(
            file,
            _question_path(index, "options", absolute_wrong[0], "text"),
            "absolutes (always, never, only, must, all, none, cannot) appear only in wrong options: "
            "a guesser drops them; reword the wrong options or let a right one carry one too",
        )
    hedged_right = [j for j in right if is_hedged(options[j].text)]
    if hedged_right and not any(is_hedged(options[j].text) for j in wrong):
        report.add(
            file,
            _question_path(index, "options", hedged_right[0], "text"),
            "hedges (at the time, may, usually, often ...) appear only in right options: "
            "a guesser picks them; hedge a wrong option too or drop the hedge",
        )


def _hint_cue(report: Reporter, file: str, index: int, question: m.QuestionBase) -> None:
    """A hint must not share the key's distinctive words, beyond those the prompt already uses."""
    hint = question.hint
    options = _options(question)
    if not hint or not options:
        return
    asked = distinctive(f"{getattr(question, 'scenario', '') or ''} {question.prompt}")
    in_wrong = set().union(*(distinctive(o.text) for o in options if not o.correct))
    key_words = set().union(*(distinctive(o.text) for o in options if o.correct)) - asked - in_wrong
    shared = sorted(key_words & distinctive(hint))
    if shared:
        report.add(
            file,
            _question_path(index, "hint"),
            f"the hint shares the key's own words ({', '.join(shared)}): point to where the answer lies, not at it",
        )


def _misconception_rule(report: Reporter, file: str, index: int, question: m.QuestionBase) -> None:
    """Lesson banks: every wrong answer names the belief it stands for; every question its level."""
    if question.level is None:
        report.add(file, _question_path(index, "id"), "no level: say what it asks (apply, analyse or recall)")
    if isinstance(question, (m.TrueFalse, m.Matching)):
        if question.misconception is None:
            report.add(
                file,
                _question_path(index, "id"),
                "no misconception: name the belief behind the wrong answer (misconception: on the question)",
            )
        return
    for j, option in enumerate(_options(question)):
        if not option.correct and option.misconception is None:
            report.add(
                file,
                _question_path(index, "options", j, "text"),
                "a wrong option without a misconception: write down the belief a newcomer might really hold "
                "(if you cannot name one, the option is a strawman)",
            )


def _true_false_balance(report: Reporter, file: str, located: Sequence[Located]) -> None:
    """Across a bank, absolute statements are not mostly false nor hedged ones mostly true."""
    statements = [(i, q) for _, i, q in located if isinstance(q, m.TrueFalse)]
    for kind, test in (("absolute", is_absolute), ("hedged", is_hedged)):
        marked = [(i, q) for i, q in statements if test(q.prompt)]
        true = [i for i, q in marked if q.answer]
        false = [i for i, q in marked if not q.answer]
        excess, side = (true, "true") if len(true) > len(false) else (false, "false")
        if abs(len(true) - len(false)) > MAX_TRUE_FALSE_IMBALANCE:
            for i in excess:
                report.add(
                    file,
                    _question_path(i, "prompt"),
                    f"{len(excess)} of the bank's {len(marked)} {kind} true/false statements are {side}: "
                    "a guesser reads the wording, not the point; balance them",
                )


def odd_one_out(question: m.QuestionBase) -> int | None:
    """The index of the option that stands out in form, if one does (in bank order).

    Either the one option whose first word differs from all the others' shared first word (one
    "Yes" among "No"s), or the one option at least ``MUCH_LONGER`` times the next longest.
    """
    options = _options(question)
    if len(options) < 3:
        return None
    firsts = [(WORD.findall(o.text.lower()) or [""])[0] for o in options]
    for j, first in enumerate(firsts):
        others = firsts[:j] + firsts[j + 1 :]
        if len(set(others)) == 1 and others[0] != first:
            return j
    lengths = sorted(((len(o.text), j) for j, o in enumerate(options)), reverse=True)
    if lengths[0][0] >= MUCH_LONGER * lengths[1][0]:
        return lengths[0][1]
    return None


def _odd_one_out_share(report: Reporter, located: Sequence[Located]) -> None:
    """Among single-answer questions with an odd one out, it is the key no more than its share."""
    single = [
        (file, i, q, odd)
        for file, i, q in located
        if isinstance(q, (m.SingleChoice, m.ScenarioQuestion)) and (odd := odd_one_out(q)) is not None
    ]
    if not single:
        return
    keyed = [(file, i, q, odd) for file, i, q, odd in single if q.options[odd].correct]
    expected = sum(1 / len(q.options) for _, _, q, _ in single)
    allowed = expected + max(1.0, ODD_SHARE_MARGIN * len(single))
    if len(keyed) > allowed:
        for file, i, _, odd in keyed:
            report.add(
                file,
                _question_path(i, "options", odd, "text"),
                f"the option that stands out in form (first word or length) is the key in {len(keyed)} of "
                f"{len(single)} questions that have one (its share is about {expected:.0f}): make it a wrong option or "
                "make the options alike",
            )


def _by_file(located: Sequence[Located]) -> Iterator[tuple[str, list[Located]]]:
    files: dict[str, list[Located]] = {}
    for item in located:
        files.setdefault(item[0], []).append(item)
    yield from files.items()


def check_cues(report: Reporter, located: Sequence[Located], lesson_files: frozenset[str]) -> None:
    """Every cue rule over the located questions; ``lesson_files`` also need misconceptions and levels."""
    for file, index, question in located:
        _word_cue(report, file, index, question)
        _hint_cue(report, file, index, question)
        if file in lesson_files:
            _misconception_rule(report, file, index, question)
    for file, items in _by_file(located):
        _true_false_balance(report, file, items)
    _odd_one_out_share(report, [item for item in located if item[0] in lesson_files])
    _odd_one_out_share(report, [item for item in located if item[0] not in lesson_files])
