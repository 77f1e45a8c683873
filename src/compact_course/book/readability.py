"""``compact-course readability``: plain-English figures and reading times for every lesson page.

The figures are over the course's own words on each page as the learner reads it
(:mod:`compact_course.book.page_text`); quotations of Compact Voice's Q&A are left out, since
they stay word for word. For each page: the median Flesch-Kincaid grade of its paragraphs
(paragraphs of fewer than ``MIN_WORDS`` words are labels, for which a grade means nothing), the
share of sentences over ``LONG_SENTENCE`` words, and its longest sentences. ``--check`` fails
when the median grade across pages is over ``MAX_MEDIAN_GRADE``, any page is over
``MAX_PAGE_GRADE``, or more than ``MAX_LONG_SHARE`` of all sentences are long.

Reading time: each lesson's stated minutes against ``WORDS_PER_MINUTE`` of reading (all words
outside the quiz, quotations included) plus ``MINUTES_PER_QUESTION`` per quiz question. A
difference of more than half the stated time is a warning, not a failure.

Syllables come from textstat 0.7.4 (pyphen's dictionary, shipped in the wheel): from 0.7.5
textstat downloads a dictionary at run time, which fails offline.
"""

from __future__ import annotations

import re
import statistics
import sys
from dataclasses import dataclass

from compact_course.book.page_text import Unit, lesson_units
from compact_course.core.course import Course, load_course

MAX_MEDIAN_GRADE = 8.0
MAX_PAGE_GRADE = 10.0
MAX_LONG_SHARE = 0.05
LONG_SENTENCE = 25
MIN_WORDS = 10
WORDS_PER_MINUTE = 200
MINUTES_PER_QUESTION = 1.0
SHOW_LONGEST = 3

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9’'&-]*")
# A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket) and a space
# before a capital, digit or opening quote. Abbreviations that end in a full stop are rejoined.
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”’\"')]))\s+(?=[A-Z0-9“‘\"'(])")
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "No.", "p.", "pp.", "Mr.", "Mrs.", "Dr.", "St.", "vs.", "c.")
PROSE_KINDS = ("own", "quiz")
# Addresses and the list of sources after a caption are references, not prose.
URL = re.compile(r"\s*\(?(?:https?://|mailto:)\S+")
CITATION = re.compile(r"(?:^|\s)Sources?: .*$")


def prose_text(text: str) -> str:
    return CITATION.sub("", URL.sub("", text)).strip()


def words(text: str) -> list[str]:
    return WORD.findall(text)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph; a paragraph with no full stop is one sentence."""
    parts: list[str] = []
    for piece in SENTENCE_END.split(text.strip()):
        if parts and parts[-1].split()[-1] in ABBREVIATIONS:
            parts[-1] = f"{parts[-1]} {piece}"
        elif piece:
            parts.append(piece)
    return [part for part in parts if words(part)]


def fk_grade(text: str) -> float:
    """Flesch-Kincaid grade level: 0.39 words per sentence + 11.8 syllables per word - 15.59."""
    found = words(text)
    count = max(1, len(sentences(text)))
    import textstat  # the 'lint' extra: imported on use, so the command list loads without it

    syllables = sum(textstat.syllable_count(word) for word in found)
    return 0.39 * len(found) / count + 11.8 * syllables / max(1, len(found)) - 15.59


@dataclass(frozen=True)
class PageFigures:
    lesson_id: str
    title: str
    median_grade: float
    sentences: tuple[str, ...]
    long_sentences: int
    own_words: int
    reading_words: int
    questions: int
    stated_minutes: int

    @property
    def long_share(self) -> float:
        return self.long_sentences / max(1, len(self.sentences))

    @property
    def estimated_minutes(self) -> float:
        return self.reading_words / WORDS_PER_MINUTE + self.questions * MINUTES_PER_QUESTION

    def longest(self, count: int = SHOW_LONGEST) -> list[str]:
        return sorted(self.sentences, key=lambda s: (-len(words(s)), s))[:count]


def page_figures(course: Course, lesson_id: str) -> PageFigures:
    units = lesson_units(course, lesson_id)
    prose = [text for text in (prose_text(unit.text) for unit in units if unit.kind in PROSE_KINDS) if text]
    graded = [fk_grade(text) for text in prose if len(words(text)) >= MIN_WORDS]
    found = tuple(sentence for text in prose for sentence in sentences(text))
    lesson = course.lesson(lesson_id)
    return PageFigures(
        lesson_id=lesson_id,
        title=lesson.title,
        median_grade=statistics.median(graded) if graded else 0.0,
        sentences=found,
        long_sentences=sum(1 for sentence in found if len(words(sentence)) > LONG_SENTENCE),
        own_words=sum(len(words(text)) for text in prose),
        reading_words=_reading_words(units),
        questions=len(course.quiz_for(lesson_id).questions),
        stated_minutes=lesson.minutes,
    )


def _reading_words(units: list[Unit]) -> int:
    return sum(len(words(unit.text)) for unit in units if unit.kind != "quiz")


@dataclass(frozen=True)
class CourseFigures:
    pages: tuple[PageFigures, ...]

    @property
    def median_grade(self) -> float:
        return statistics.median(page.median_grade for page in self.pages)

    @property
    def long_share(self) -> float:
        total = sum(len(page.sentences) for page in self.pages)
        return sum(page.long_sentences for page in self.pages) / max(1, total)

    def failures(self) -> list[str]:
        found = []
        if self.median_grade > MAX_MEDIAN_GRADE:
            found.append(f"median Flesch-Kincaid grade {self.median_grade:.1f} is over {MAX_MEDIAN_GRADE:g}")
        for page in self.pages:
            if page.median_grade > MAX_PAGE_GRADE:
                found.append(f"{page.lesson_id}: grade {page.median_grade:.1f} is over {MAX_PAGE_GRADE:g}")
        if self.long_share > MAX_LONG_SHARE:
            found.append(
                f"{self.long_share:.1%} of sentences run past {LONG_SENTENCE} words (at most {MAX_LONG_SHARE:.0%})"
            )
        return found

    def timing_warnings(self) -> list[str]:
        return [
            f"{page.lesson_id}: states {page.stated_minutes} minutes, but {page.reading_words} words at "
            f"{WORDS_PER_MINUTE} a minute and {page.questions} questions come to about {page.estimated_minutes:.0f}"
            for page in self.pages
            if abs(page.estimated_minutes - page.stated_minutes) > page.stated_minutes / 2
        ]


def course_figures(course: Course) -> CourseFigures:
    return CourseFigures(tuple(page_figures(course, lesson.id) for lesson in course.lessons))


def report(figures: CourseFigures, longest: int = SHOW_LONGEST) -> str:
    lines = []
    for page in figures.pages:
        lines.append(
            f"{page.lesson_id}: grade {page.median_grade:.1f}, {page.long_share:.0%} of {len(page.sentences)} "
            f"sentences over {LONG_SENTENCE} words; {page.stated_minutes} min stated, "
            f"about {page.estimated_minutes:.0f} estimated"
        )
        lines.extend(f"    ({len(words(sentence))} words) {sentence}" for sentence in page.longest(longest))
    lines.append(
        f"All lesson pages: median grade {figures.median_grade:.1f} (at most {MAX_MEDIAN_GRADE:g}, "
        f"no page over {MAX_PAGE_GRADE:g}); {figures.long_share:.1%} of sentences over {LONG_SENTENCE} words "
        f"(at most {MAX_LONG_SHARE:.0%})"
    )
    return "\n".join(lines)


def _run(args) -> int:
    figures = course_figures(load_course(args.root))
    print(report(figures, args.longest))
    for warning in figures.timing_warnings():
        print(f"warning: reading time: {warning}", file=sys.stderr)
    failures = figures.failures()
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if args.check and failures else 0


def register(commands) -> None:
    parser = commands.add_parser("readability", help="plain-English figures and reading times of the lesson pages")
    parser.add_argument("--check", action="store_true", help="exit 1 when the pages miss the plain-English targets")
    parser.add_argument(
        "--longest", type=int, default=SHOW_LONGEST, help="how many of each page's longest sentences to show"
    )
    parser.set_defaults(run=_run)
