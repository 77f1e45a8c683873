"""What lesson notebooks call: ``lesson("who-is-the-compact-for").qa()`` and friends.

Each method returns a :class:`Block`, whose rich display is escaped HTML (for the book) and
deterministic plain text (for the terminal and for nbval). Facts come from the validated
course data; nothing here is typed into a notebook.
"""

from __future__ import annotations

from collections.abc import Iterable

from compact_course.book.glossary_links import TermLinker, lesson_texts
from compact_course.book.presenter import lesson_slides, reveal_label
from compact_course.core import models as m
from compact_course.core.blocks import Block
from compact_course.core.course import Course, cached_course
from compact_course.core.escaping import e, json_for_script
from compact_course.core.interface_models import LessonText, fill
from compact_course.core.links import SOURCES_ANCHOR, relative_link

# The source entry (data/sources.yaml) of the Compact Voice Q&A that every lesson quotes.
QA_SOURCE = "cv-qa"
ARCHIVE = "https://web.archive.org/web/{year}/{url}"
# Undated addresses are the Q&A's own (c. 2013-14): link the archive's copy from that time.
QA_SNAPSHOT_YEAR = 2014
# The page every lesson's Today box links to: what applies now, theme by theme.
TODAY_PAGE = "book/compact-today"


def question_label(course: Course, entry) -> str:
    """What the source's first column is: a question as asked (data/interface.yaml
    ``lesson.question_label``), or (where the entry says) a heading."""
    return entry.question_label or course.interface.lesson.question_label


def _published(words: LessonText, source: m.Source) -> str:
    """When a source was published, as precisely as data/sources.yaml says; else the year of the copy linked."""
    if source.date or source.year:
        return fill(words.published, date=source.date or source.year)
    if source.archived:
        return fill(words.undated_archived, year=source.archived)
    return words.undated


def _copies(words: LessonText, source: m.Source, lead: str) -> str:
    """A source's address and its archived copy, as links (nothing if it has no address)."""
    if not source.url:
        return ""
    return f'{lead}<a href="{e(source.url)}">{e(source.url)}</a> (<a href="{e(archived(source))}">{e(words.archived_copy)}</a>)'


def _list(items: Iterable[str], css: str = "", render=e) -> str:
    cls = f' class="{css}"' if css else ""
    return f"<ul{cls}>" + "".join(f"<li>{render(item)}</li>" for item in items) + "</ul>"


def archived(source: m.Source) -> str:
    """The Internet Archive's copy of a source's address from the source's own time.

    Many of the Q&A's pages are gone; a snapshot from the year the source was published shows
    it as it was cited, not a later or earlier version.
    """
    assert source.url, f"source {source.id!r} has no address"
    return ARCHIVE.format(year=source.snapshot_year(QA_SNAPSHOT_YEAR), url=source.url)


class LessonPage:
    """The blocks of one lesson page, in the order the lesson notebook shows them."""

    def __init__(self, course: Course, lesson_id: str):
        self.course = course
        self.words = course.interface.lesson
        self.lesson = course.lesson(lesson_id)
        # A lesson of the "What applies today" module teaches public sources, not a Q&A entry.
        self.entry = course.qa_entry(self.lesson.qa) if self.lesson.qa else None
        self.module = course.module_of(lesson_id)
        self.docname = course.lesson_docname(lesson_id)
        self.number = course.lesson_number(lesson_id)
        # Jargon explained where it is met: each glossary term's first use on the page links to it.
        self.link = TermLinker(course, self.docname, lesson_texts(course, self.lesson))

    def overview(self) -> Block:
        lesson, words = self.lesson, self.words
        module_no = self.course.module_number(self.module.id)
        html = (
            f'<div class="cc-block cc-overview">'
            f"<p><strong>{e(fill(words.module, number=module_no))}</strong> {e(self.module.title)}. "
            f"<strong>{e(words.time_label)}</strong> {e(fill(words.time, minutes=lesson.minutes))}</p>"
            f"<p><strong>{e(words.questions_heading)}</strong></p>{_list(lesson.questions)}"
            f"<p><strong>{e(words.objectives_heading)}</strong></p>{_list(lesson.objectives)}{self.present_button()}</div>"
        )
        text = fill(words.overview_text, number=self.number, title=lesson.title, minutes=lesson.minutes)
        return Block(html, text)

    def present_button(self) -> str:
        """The "Present this lesson" button (shown by the script) and its slides as escaped JSON.
        Its box is the target of the session plans' links (``#present``, which opens the view)."""
        slides = json_for_script(lesson_slides(self.course, self.lesson.id))
        return (
            '<div class="cc-present" id="present"><button type="button" class="cc-button cc-present-open" hidden>'
            f'{e(self.words.present)}</button><script type="application/json" class="cc-present-data">{slides}</script></div>'
        )

    def qa(self) -> Block:
        entry = self.entry
        if entry is None:
            raise LookupError(f"lesson {self.lesson.id!r} teaches sources, not a Q&A entry: show page.sources()")
        qa_source = self.course.source(QA_SOURCE)
        words = self.words
        points = []
        for point in entry.answer:
            inner = e(point.text)
            if point.source:
                inner += _copies(words, self.course.source(point.source), " ")
            if point.points:
                inner += _list(point.points)
            points.append(f"<li>{inner}</li>")
        attribution = fill(
            e(words.attribution), publisher=e(qa_source.publisher), title=f"<cite>{e(qa_source.title)}</cite>"
        )
        html = (
            f'<section class="cc-block cc-qa" id="{e(entry.id)}">'
            f'<p class="cc-asked"><strong>{e(question_label(self.course, entry))}:</strong> <q>{e(entry.question)}</q></p>'
            f"<p><strong>{e(words.answer_heading)}</strong> {e(words.answer_quoted)}</p>"
            f'<blockquote class="cc-answer-quote"><ul>{"".join(points)}</ul></blockquote>'
            f'<p class="cc-attribution">{attribution}</p></section>'
        )
        return Block(html, fill(words.qa_text, question=entry.question))

    def key_points(self) -> Block:
        return Block(
            f'<div class="cc-block cc-key-points">{_list(self.lesson.key_points, render=self.link)}</div>',
            fill(self.words.key_points_text, count=len(self.lesson.key_points)),
        )

    def in_practice(self) -> Block:
        practice = self.lesson.in_practice
        summary = fill(self.words.reveal, label=reveal_label(self.course, practice))
        html = (
            f'<div class="cc-block cc-in-practice"><p><strong>{e(practice.title)}</strong></p>'
            f"<p>{self.link(practice.scenario)}</p>"
            # Think first: the suggestion stays closed until the reader asks for it.
            f'<details class="cc-reveal"><summary>{e(summary)}</summary>'
            f"<p>{self.link(practice.takeaway)}</p></details></div>"
        )
        return Block(html, fill(self.words.in_practice_text, title=practice.title))

    def sources(self) -> Block:
        """A source-based lesson's sources: what the summary rests on, when each was published, no legal advice."""
        words = self.words
        items = []
        for source_id in self.lesson.sources:
            source = self.course.source(source_id)
            line = f"<cite>{e(source.title)}</cite> ({e(source.publisher)}, {e(_published(words, source))})"
            line += _copies(words, source, "<br>")
            items.append(f"<li>{line}</li>")
        html = (
            f'<section class="cc-block cc-sources" id="{SOURCES_ANCHOR}">'
            f"<p>{e(words.sources_intro)}</p>"
            f"<ul>{''.join(items)}</ul></section>"
        )
        return Block(html, fill(words.sources_text, count=len(items)))

    def further_reading(self) -> Block:
        if self.entry is None:
            raise LookupError(f"lesson {self.lesson.id!r} teaches sources, not a Q&A entry: show page.sources()")
        words = self.words
        items = [f"<li>{self._example(example)}</li>" for example in self.entry.examples]
        if not items:
            html = f'<div class="cc-block cc-further"><p>{e(words.further_none)}</p></div>'
        else:
            html = f'<div class="cc-block cc-further"><p>{e(words.further_intro)}</p><ul>{"".join(items)}</ul></div>'
        return Block(html, fill(words.further_text, count=len(items)))

    def _example(self, example: m.Example) -> str:
        words = self.words
        parts = [f"<strong>{e(example.title)}</strong>"]
        if example.page:
            parts.append(e(fill(words.page, page=example.page)))
        if example.note:
            parts.append(f"— {e(example.note)}")
        line = " ".join(parts)
        if example.source:
            line += _copies(words, self.course.source(example.source), "<br>")
        if example.email:
            mail = f'<a href="mailto:{e(example.email)}">{e(example.email)}</a>'
            line += "<br>" + fill(e(words.email), email=mail)
        return line

    def discussion(self) -> Block:
        prompts = [prompt.prompt for prompt in self.lesson.discussion]
        return Block(
            f'<div class="cc-block cc-discussion">{_list(prompts, render=self.link)}</div>',
            fill(self.words.discussion_text, count=len(prompts)),
        )

    def quiz(self):
        from compact_course.quiz.quiz import Quiz

        # Live, the widget saves answers as the book does (the script's storage in the browser).
        return Quiz.for_lesson(self.course, self.lesson.id, link=self.link)

    def chart(self, chart_id: str):
        from compact_course.book.charts import chart

        if chart_id not in self.lesson.charts:
            raise KeyError(f"lesson {self.lesson.id!r} does not show chart {chart_id!r}; it shows {self.lesson.charts}")
        return chart(self.course, chart_id)

    def today(self) -> Block:
        """The box that ends the lesson: what applies now, its sources and a link to the Compact today page."""
        today = self.lesson.today
        if today is None:
            raise LookupError(f"lesson {self.lesson.id!r} has no 'today' note in data/lessons.yaml")
        cited = []
        for source_id in today.sources:
            source = self.course.source(source_id)
            title = f"<cite>{e(source.title)}</cite> ({e(source.publisher)})"
            cited.append(f'<a href="{e(source.url)}">{title}</a>' if source.url else title)
        words = self.words
        sources = (
            f'<p class="cc-today-sources">{fill(e(words.today_sources), sources="; ".join(cited))}</p>' if cited else ""
        )
        link = f'<a href="{e(relative_link(self.docname, TODAY_PAGE))}">{e(words.today_link)}</a>'
        html = (
            f'<aside class="cc-block cc-today" aria-label="{e(words.today_region)}">'
            f"<p><strong>{e(words.today_label)}</strong> {self.link(today.text)}</p>"
            f"{sources}"
            f"<p>{fill(e(words.today_more), link=link)}</p></aside>"
        )
        return Block(html, fill(words.today_text, text=today.text))

    def reflection(self) -> Block:
        """The closing self-check: the lesson's aims, to test yourself against before moving on."""
        objectives = self.lesson.objectives
        return Block(
            f'<div class="cc-block cc-reflection">{_list(objectives)}</div>',
            fill(self.words.reflection_text, count=len(objectives)),
        )


def lesson(lesson_id: str, course: Course | None = None) -> LessonPage:
    """The page helper for one lesson of the course (loaded once per process)."""
    return LessonPage(course or cached_course(), lesson_id)
