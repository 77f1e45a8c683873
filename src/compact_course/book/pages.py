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
from compact_course.core.links import SOURCES_ANCHOR, relative_link

# The source entry (data/sources.yaml) of the Compact Voice Q&A that every lesson quotes.
QA_SOURCE = "cv-qa"
ARCHIVE = "https://web.archive.org/web/{year}/{url}"
# Undated addresses are the Q&A's own (c. 2013-14): link the archive's copy from that time.
QA_SNAPSHOT_YEAR = 2014
# How a Q&A row's first column is labelled unless its entry says otherwise (question_label).
QUESTION_LABEL = "The question as it was asked"
# The page every lesson's Today box links to: what applies now, theme by theme.
TODAY_PAGE = "book/compact-today"


def question_label(entry) -> str:
    """What the source's first column is: a question as asked, or (where the entry says) a heading."""
    return entry.question_label or QUESTION_LABEL


def _published(source: m.Source) -> str:
    """When a source was published, as precisely as data/sources.yaml says; else the year of the copy linked."""
    if source.date:
        return f"published {source.date}"
    if source.year:
        return f"published {source.year}"
    if source.archived:
        return f"undated; read as it stood in {source.archived}"
    return "undated"


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
        self.lesson = course.lesson(lesson_id)
        # A lesson of the "What applies today" module teaches public sources, not a Q&A entry.
        self.entry = course.qa_entry(self.lesson.qa) if self.lesson.qa else None
        self.module = course.module_of(lesson_id)
        self.docname = course.lesson_docname(lesson_id)
        self.number = course.lesson_number(lesson_id)
        # Jargon explained where it is met: each glossary term's first use on the page links to it.
        self.link = TermLinker(course, self.docname, lesson_texts(course, self.lesson))

    def overview(self) -> Block:
        lesson = self.lesson
        module_no = self.course.module_number(self.module.id)
        html = (
            f'<div class="cc-block cc-overview">'
            f"<p><strong>Module {module_no}:</strong> {e(self.module.title)}. "
            f"<strong>Time:</strong> about {lesson.minutes} minutes.</p>"
            f"<p><strong>Questions this lesson answers</strong></p>{_list(lesson.questions)}"
            f"<p><strong>By the end you will be able to</strong></p>{_list(lesson.objectives)}{self.present_button()}</div>"
        )
        text = f"Lesson {self.number}: {lesson.title} ({lesson.minutes} minutes)"
        return Block(html, text)

    def present_button(self) -> str:
        """The "Present this lesson" button (shown by the script) and its slides as escaped JSON.
        Its box is the target of the session plans' links (``#present``, which opens the view)."""
        slides = json_for_script(lesson_slides(self.course, self.lesson.id))
        return (
            '<div class="cc-present" id="present"><button type="button" class="cc-button cc-present-open" hidden>'
            f'Present this lesson</button><script type="application/json" class="cc-present-data">{slides}</script></div>'
        )

    def qa(self) -> Block:
        entry = self.entry
        if entry is None:
            raise LookupError(f"lesson {self.lesson.id!r} teaches sources, not a Q&A entry: show page.sources()")
        qa_source = self.course.source(QA_SOURCE)
        points = []
        for point in entry.answer:
            inner = e(point.text)
            if point.source:
                source = self.course.source(point.source)
                if source.url:
                    inner += f' <a href="{e(source.url)}">{e(source.url)}</a> (<a href="{e(archived(source))}">archived copy</a>)'
            if point.points:
                inner += _list(point.points)
            points.append(f"<li>{inner}</li>")
        html = (
            f'<section class="cc-block cc-qa" id="{e(entry.id)}">'
            f'<p class="cc-asked"><strong>{e(question_label(entry))}:</strong> <q>{e(entry.question)}</q></p>'
            f"<p><strong>Compact Voice’s answer</strong> (quoted):</p>"
            f'<blockquote class="cc-answer-quote"><ul>{"".join(points)}</ul></blockquote>'
            f'<p class="cc-attribution">Source: {e(qa_source.publisher)}, <cite>{e(qa_source.title)}</cite> (around 2013–2014), '
            f"quoted with attribution. It describes the Compact as it stood then.</p></section>"
        )
        return Block(html, f"Q&A: {entry.question}")

    def key_points(self) -> Block:
        return Block(
            f'<div class="cc-block cc-key-points">{_list(self.lesson.key_points, render=self.link)}</div>',
            f"Key points: {len(self.lesson.key_points)}",
        )

    def in_practice(self) -> Block:
        practice = self.lesson.in_practice
        html = (
            f'<div class="cc-block cc-in-practice"><p><strong>{e(practice.title)}</strong></p>'
            f"<p>{self.link(practice.scenario)}</p>"
            # Think first: the suggestion stays closed until the reader asks for it.
            f'<details class="cc-reveal"><summary>{e(reveal_label(practice))} (think first, then open)</summary>'
            f"<p>{self.link(practice.takeaway)}</p></details></div>"
        )
        return Block(html, f"In practice: {practice.title}")

    def sources(self) -> Block:
        """A source-based lesson's sources: what the summary rests on, when each was published, no legal advice."""
        items = []
        for source_id in self.lesson.sources:
            source = self.course.source(source_id)
            line = f"<cite>{e(source.title)}</cite> ({e(source.publisher)}, {e(_published(source))})"
            if source.url:
                line += f'<br><a href="{e(source.url)}">{e(source.url)}</a> (<a href="{e(archived(source))}">archived copy</a>)'
            items.append(f"<li>{line}</li>")
        html = (
            f'<section class="cc-block cc-sources" id="{SOURCES_ANCHOR}">'
            "<p>This lesson is the course’s own summary of the public sources below, not legal advice. "
            "Each source is dated: rules and guidance change, so check the current text and ask your legal "
            "or procurement team before you act.</p>"
            f"<ul>{''.join(items)}</ul></section>"
        )
        return Block(html, f"Sources: {len(items)}")

    def further_reading(self) -> Block:
        if self.entry is None:
            raise LookupError(f"lesson {self.lesson.id!r} teaches sources, not a Q&A entry: show page.sources()")
        items = []
        for example in self.entry.examples:
            parts = [f"<strong>{e(example.title)}</strong>"]
            if example.page:
                parts.append(f"(page {e(example.page)})")
            if example.note:
                parts.append(f"— {e(example.note)}")
            line = " ".join(parts)
            if example.source:
                source = self.course.source(example.source)
                if source.url:
                    line += (
                        f'<br><a href="{e(source.url)}">{e(source.url)}</a>'
                        f' (<a href="{e(archived(source))}">archived copy</a>)'
                    )
            if example.email:
                line += (
                    f'<br>E-mail: <a href="mailto:{e(example.email)}">{e(example.email)}</a> (as given in the Q&amp;A)'
                )
            items.append(f"<li>{line}</li>")
        if not items:
            html = (
                '<div class="cc-block cc-further"><p>The Q&amp;A gives no further reading for this question.</p></div>'
            )
        else:
            html = (
                f'<div class="cc-block cc-further"><p>From the Q&amp;A’s “practical examples and further information”. '
                f"Many of these pages are no longer online; each address has a link to an archived copy.</p>"
                f"<ul>{''.join(items)}</ul></div>"
            )
        return Block(html, f"Further reading: {len(items)} items")

    def discussion(self) -> Block:
        prompts = [prompt.prompt for prompt in self.lesson.discussion]
        return Block(
            f'<div class="cc-block cc-discussion">{_list(prompts, render=self.link)}</div>',
            f"Discussion prompts: {len(prompts)}",
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
        sources = f'<p class="cc-today-sources">Sources: {"; ".join(cited)}.</p>' if cited else ""
        link = relative_link(self.docname, TODAY_PAGE)
        html = (
            f'<aside class="cc-block cc-today" aria-label="Today"><p><strong>Today:</strong> {self.link(today.text)}</p>'
            f"{sources}"
            f'<p>For what applies now and where to look, see <a href="{e(link)}">The Compact today</a>.</p></aside>'
        )
        return Block(html, f"Today: {today.text}")

    def reflection(self) -> Block:
        """The closing self-check: the lesson's aims, to test yourself against before moving on."""
        objectives = self.lesson.objectives
        return Block(
            f'<div class="cc-block cc-reflection">{_list(objectives)}</div>',
            f"Before you move on: {len(objectives)} aims to check",
        )


def lesson(lesson_id: str, course: Course | None = None) -> LessonPage:
    """The page helper for one lesson of the course (loaded once per process)."""
    return LessonPage(course or cached_course(), lesson_id)
