"""Room poll for live workshops: show a question, enter the room's votes, chart them, reveal.

:class:`RoomPoll` is the plain-Python model, so it can be driven and tested without a front
end: ``set_count("a", 4)``, ``chart_values()``, ``reveal()``, ``next()``, ``summary()``.
:meth:`RoomPoll.widget` wraps it in ipywidgets for JupyterLab and Voila (number boxes and
"+1" buttons per option, a bar chart, reveal, previous/next, summary, and a list to choose
the question set). Questions come from the same quiz banks as the lessons.

How each question type is polled:

- single, scenario, true-false: one vote per person, one count per option.
- multiple: people may vote for several options, so counts are per option, not per person.
- matching: too fiddly to vote item by item, so the room says how it did: every match
  right, some right, or none right. The reveal shows the matches.

"Votes on correct options" in the summary is the share of all votes cast that went to
correct options; for single-answer questions that is the share of the room that was right.

Charts are matplotlib figures (no pyplot) saved as deterministic SVG, in the Okabe-Ito
colours, every bar labelled with its count; after the reveal, correct bars are also hatched
and labelled "(correct)", so colour never carries meaning alone. Each chart has alt text
and a data table.
"""

from __future__ import annotations

import base64
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import matplotlib
from matplotlib.figure import Figure

from compact_course.core import models as m
from compact_course.core.chart import FONT_SIZE, OKABE_ITO, SVG_SETTINGS, figure_svg
from compact_course.core.course import Course, cached_course
from compact_course.core.escaping import e
from compact_course.quiz.html import TYPE_LABELS

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MAX_COUNT = 9999
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

    @property
    def label(self) -> str:
        return f"{self.key}) {self.text}" if len(self.key) == 1 else self.text


def poll_options(question: m.QuestionBase) -> tuple[PollOption, ...]:
    """What the room votes on for one question (see the module docstring for matching)."""
    if isinstance(question, m.Matching):
        return tuple(PollOption(key, text, correct) for key, text, correct in MATCHING_OPTIONS)
    return tuple(PollOption(choice.key, choice.text, choice.correct) for choice in question.choices())


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
class PollChart:
    figure: Figure
    alt: str
    title: str
    rows: tuple[tuple[str, int, bool], ...]  # label, votes, shown as correct
    revealed: bool

    def svg(self) -> str:
        return figure_svg(self.figure)

    def table_html(self) -> str:
        answer_col = '<th scope="col">Correct?</th>' if self.revealed else ""
        body = "".join(
            f'<tr><th scope="row">{e(label)}</th><td>{votes}</td>'
            + (f"<td>{'Yes' if correct else 'No'}</td>" if self.revealed else "")
            + "</tr>"
            for label, votes, correct in self.rows
        )
        return (
            f'<table class="cc-table"><caption>Votes for: {e(self.title)}</caption><thead><tr>'
            f'<th scope="col">Option</th><th scope="col">Votes</th>{answer_col}</tr></thead><tbody>{body}</tbody></table>'
        )

    def to_html(self) -> str:
        image = base64.b64encode(self.svg().encode("utf-8")).decode("ascii")
        return (
            f'<figure class="cc-poll-chart"><img src="data:image/svg+xml;base64,{image}" alt="{e(self.alt)}" '
            f'width="100%"><figcaption>{e(self.title)}</figcaption></figure>{self.table_html()}'
        )


@dataclass(frozen=True)
class SummaryRow:
    number: int
    prompt: str
    votes: int
    correct_votes: int
    revealed: bool

    @property
    def share(self) -> float | None:
        """Share of votes on correct options, 0 to 1; None when nobody voted."""
        return self.correct_votes / self.votes if self.votes else None

    @property
    def share_text(self) -> str:
        if self.share is None:
            return "no votes"
        return f"{self.correct_votes} of {self.votes} votes on correct options ({round(self.share * 100)}%)"


@dataclass(frozen=True)
class PollSummary:
    title: str
    rows: tuple[SummaryRow, ...]

    @property
    def text(self) -> str:
        lines = [f"Summary: {self.title}"]
        lines += [
            f"Question {row.number}: {row.share_text}{'' if row.revealed else ' (answer not revealed)'}"
            for row in self.rows
        ]
        return "\n".join(lines)

    def to_html(self) -> str:
        body = "".join(
            f'<tr><th scope="row">{row.number}</th><td>{e(row.prompt)}</td><td>{row.votes}</td>'
            f"<td>{e(row.share_text)}</td><td>{'Yes' if row.revealed else 'No'}</td></tr>"
            for row in self.rows
        )
        return (
            f'<table class="cc-table cc-poll-summary"><caption>Room poll summary: {e(self.title)}</caption><thead><tr>'
            f'<th scope="col">Question</th><th scope="col">Prompt</th><th scope="col">Votes</th>'
            f'<th scope="col">On correct options</th><th scope="col">Answer revealed</th></tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )


# --- Question sets ---------------------------------------------------------------------------


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


# --- The poll --------------------------------------------------------------------------------


class RoomPoll:
    """A sequence of questions with the room's vote counts, one question at a time."""

    def __init__(self, course: Course, questions: Sequence[m.QuestionBase], title: str, set_key: str | None = None):
        if not questions:
            raise ValueError(f"room poll {title!r} has no questions")
        self.course = course
        self.questions = tuple(questions)
        self.title = title
        self.set_key = set_key
        self.position = 0
        self._counts = [{option.key: 0 for option in poll_options(q)} for q in self.questions]
        self._revealed = [False] * len(self.questions)

    # Building --------------------------------------------------------------------------------
    @classmethod
    def from_set(cls, key: str = "starters", course: Course | None = None) -> RoomPoll:
        course = course or cached_course()
        sets = question_sets(course)
        if key not in sets:
            raise KeyError(f"no question set {key!r}; sets are: {', '.join(sets)}")
        chosen = sets[key]
        return cls(course, [course.question(qid) for qid in chosen.question_ids], chosen.title, key)

    @classmethod
    def for_module(cls, module: int | str, starters_only: bool = False, course: Course | None = None) -> RoomPoll:
        course = course or cached_course()
        number = module if isinstance(module, int) else course.module_number(module)
        return cls.from_set(f"module-{number}-starters" if starters_only else f"module-{number}", course)

    @classmethod
    def for_lesson(cls, lesson_id: str, course: Course | None = None) -> RoomPoll:
        course = course or cached_course()
        course.lesson(lesson_id)  # a clear KeyError for an unknown lesson
        return cls.from_set(f"lesson-{lesson_id}", course)

    # Where we are ------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def question(self) -> m.QuestionBase:
        return self.questions[self.position]

    @property
    def options(self) -> tuple[PollOption, ...]:
        return poll_options(self.question)

    def go_to(self, number: int) -> int:
        if not 1 <= number <= self.total:
            raise IndexError(f"question {number} does not exist; this poll has questions 1 to {self.total}")
        self.position = number - 1
        return self.number

    def next(self) -> int:
        if self.number == self.total:
            raise IndexError(
                f"already at the last question ({self.total} of {self.total}); see summary() for the results"
            )
        return self.go_to(self.number + 1)

    def previous(self) -> int:
        if self.number == 1:
            raise IndexError("already at the first question")
        return self.go_to(self.number - 1)

    # Votes ------------------------------------------------------------------------------------
    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts[self.position])

    def set_count(self, key: str, count: int) -> None:
        current = self._counts[self.position]
        if key not in current:
            raise KeyError(f"question {self.number} has no option {key!r}; its options are {', '.join(current)}")
        if isinstance(count, bool) or not isinstance(count, int):
            raise ValueError(f"a vote count must be a whole number; got {count!r} for option {key!r}")
        if not 0 <= count <= MAX_COUNT:
            raise ValueError(f"a vote count must be between 0 and {MAX_COUNT}; got {count} for option {key!r}")
        current[key] = count

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Set several counts at once; options not named keep their counts."""
        for key, count in counts.items():
            self.set_count(key, count)

    def add_vote(self, key: str, votes: int = 1) -> int:
        self.set_count(key, self.counts.get(key, 0) + votes)
        return self.counts[key]

    def clear(self) -> None:
        for key in self._counts[self.position]:
            self._counts[self.position][key] = 0

    @property
    def votes(self) -> int:
        return sum(self._counts[self.position].values())

    def chart_values(self) -> tuple[tuple[str, int], ...]:
        """(option label, votes) in option order: exactly what the bar chart plots."""
        counts = self._counts[self.position]
        return tuple((option.label, counts[option.key]) for option in self.options)

    # Reveal -----------------------------------------------------------------------------------
    @property
    def revealed(self) -> bool:
        return self._revealed[self.position]

    def reveal(self) -> Reveal:
        self._revealed[self.position] = True
        return reveal_for(self.question)

    def hide(self) -> None:
        self._revealed[self.position] = False

    # Chart and summary --------------------------------------------------------------------------
    def chart(self) -> PollChart:
        options = self.options
        counts = self._counts[self.position]
        revealed = self.revealed
        labels = [
            textwrap.fill(option.label + (" (correct)" if revealed and option.correct else ""), 40)
            for option in options
        ]
        values = [counts[option.key] for option in options]
        title = f"Question {self.number} of {self.total}: the room's answers"
        lines = sum(label.count("\n") + 1 for label in labels)
        with matplotlib.rc_context(SVG_SETTINGS):
            figure = Figure(figsize=(8, 0.9 + 0.32 * lines + 0.25 * len(options)), layout="constrained")
            axes = figure.add_subplot()
            bars = axes.barh(
                range(len(options)),
                values,
                color=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(options))],
                edgecolor="black",
            )
            if revealed:
                for bar, option in zip(bars, options):
                    if option.correct:
                        bar.set_hatch("//")
            axes.set_yticks(range(len(options)), labels)
            axes.invert_yaxis()
            axes.bar_label(bars, labels=[str(v) for v in values], padding=3)
            axes.set_xlim(0, max(max(values), 1) * 1.15)
            axes.set_xlabel("Votes")
            axes.xaxis.get_major_locator().set_params(integer=True)
            axes.set_title(title, loc="left", fontsize=FONT_SIZE + 1)
            axes.spines[["top", "right"]].set_visible(False)
        parts = [
            f"{option.label.rstrip('.')}: {counts[option.key]} vote{'s' if counts[option.key] != 1 else ''}"
            + (" (correct)" if revealed and option.correct else "")
            for option in options
        ]
        alt = (
            f"Bar chart of the room's answers to question {self.number} of {self.total}, "
            f"{self.votes} vote{'s' if self.votes != 1 else ''} in all. " + "; ".join(parts) + "."
        )
        rows = tuple((option.label, counts[option.key], revealed and option.correct) for option in options)
        return PollChart(figure, alt, title, rows, revealed)

    def summary(self) -> PollSummary:
        rows = []
        for index, question in enumerate(self.questions):
            counts = self._counts[index]
            correct = sum(counts[o.key] for o in poll_options(question) if o.correct)
            rows.append(SummaryRow(index + 1, question.prompt, sum(counts.values()), correct, self._revealed[index]))
        return PollSummary(self.title, tuple(rows))

    # Display ----------------------------------------------------------------------------------
    def question_html(self) -> str:
        question = self.question
        qtype = question.type  # type: ignore[attr-defined]
        parts = [f'<p class="cc-poll-position">Question {self.number} of {self.total}</p>']
        if isinstance(question, m.ScenarioQuestion):
            parts.append(f"<p><strong>Scenario:</strong> {e(question.scenario)}</p>")
        parts.append(
            f'<p class="cc-poll-prompt"><strong>{e(question.prompt)}</strong> <em>{e(TYPE_LABELS[qtype])}</em></p>'
        )
        if isinstance(question, m.Matching):
            items = "".join(f"<li>{e(item.text)}</li>" for item in question.items())
            matches = "".join(f"<li>{e(choice.text)}</li>" for choice in question.choices())
            parts.append(
                f"<p>Items:</p><ol>{items}</ol><p>Matches:</p><ul>{matches}</ul>"
                "<p>Ask the room: how many got every match right, some right, or none?</p>"
            )
        elif isinstance(question, m.MultipleSelect):
            parts.append("<p>People may vote for more than one option.</p>")
        return "".join(parts)

    def __repr__(self) -> str:
        return f"Room poll: {self.title} (question {self.number} of {self.total}, {self.votes} votes)"

    def to_html(self) -> str:
        html = f'<div class="cc-poll"><p><strong>Room poll:</strong> {e(self.title)}</p>{self.question_html()}'
        if self.votes:
            html += self.chart().to_html()
        if self.revealed:
            html += reveal_for(self.question).to_html()
        return html + "</div>"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": repr(self), "text/html": self.to_html()}

    def widget(self) -> RoomPollView:
        return RoomPollView(self)


# --- The live front end ----------------------------------------------------------------------


class RoomPollView:
    """ipywidgets controls around a :class:`RoomPoll`; every control can be driven from Python."""

    def __init__(self, poll: RoomPoll):
        import ipywidgets as w

        self._w = w
        self.poll = poll
        self._polls: dict[str, RoomPoll] = {poll.set_key: poll} if poll.set_key else {}
        self.sets = question_sets(poll.course)
        picker_options = [(f"{s.title} ({len(s.question_ids)})", key) for key, s in self.sets.items()]
        self.set_picker = w.Dropdown(
            options=picker_options if poll.set_key in self.sets else [(poll.title, "")],
            value=poll.set_key if poll.set_key in self.sets else "",
            description="Questions",
            style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        self.set_picker.observe(self._on_set, names="value")
        self.question_html = w.HTML()
        self.count_boxes: dict = {}
        self.plus_buttons: dict = {}
        self.counts_box = w.VBox()
        self.chart_html = w.HTML()
        self.reveal_button = w.Button(
            description="Reveal answer", button_style="primary", tooltip="Show the answer and explanation"
        )
        self.clear_button = w.Button(description="Clear votes", tooltip="Set this question's counts back to zero")
        self.previous_button = w.Button(description="Previous question")
        self.next_button = w.Button(description="Next question")
        self.summary_button = w.Button(description="Show summary")
        self.reveal_html = w.HTML()
        self.summary_html = w.HTML()
        self.reveal_button.on_click(lambda _: self.reveal())
        self.clear_button.on_click(lambda _: self.clear())
        self.previous_button.on_click(lambda _: self.move(-1))
        self.next_button.on_click(lambda _: self.move(+1))
        self.summary_button.on_click(lambda _: self.show_summary())
        self.box = w.VBox(
            [
                self.set_picker,
                self.question_html,
                self.counts_box,
                self.chart_html,
                w.HBox([self.reveal_button, self.clear_button]),
                self.reveal_html,
                w.HBox([self.previous_button, self.next_button, self.summary_button]),
                self.summary_html,
            ]
        )
        self.refresh()

    # Actions (what the buttons do) ------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the controls for the current question."""
        w = self._w
        poll = self.poll
        self.question_html.value = self.poll.question_html()
        self.count_boxes, self.plus_buttons, rows = {}, {}, []
        counts = poll.counts
        for option in poll.options:
            box = w.BoundedIntText(
                value=counts[option.key],
                min=0,
                max=MAX_COUNT,
                description=f"Votes for {option.key}",
                style={"description_width": "initial"},
                layout=w.Layout(width="11rem"),
            )
            box.observe(lambda change, key=option.key: self._on_count(key, change["new"]), names="value")
            plus = w.Button(
                description=f"+1 to {option.key}",
                tooltip=f"Add one vote for: {option.label}",
                layout=w.Layout(width="7rem"),
            )
            plus.on_click(lambda _, key=option.key: self.add_vote(key))
            self.count_boxes[option.key], self.plus_buttons[option.key] = box, plus
            rows.append(w.HBox([box, plus, w.HTML(value=f"<span>{e(option.label)}</span>")]))
        self.counts_box.children = tuple(rows)
        self.previous_button.disabled = poll.number == 1
        self.next_button.disabled = poll.number == poll.total
        self._redraw()

    def _redraw(self) -> None:
        self.chart_html.value = self.poll.chart().to_html()
        self.reveal_html.value = reveal_for(self.poll.question).to_html() if self.poll.revealed else ""
        self.reveal_button.disabled = self.poll.revealed

    def _on_count(self, key: str, value: int) -> None:
        self.poll.set_count(key, int(value))
        self._redraw()

    def add_vote(self, key: str) -> None:
        # Setting the box fires _on_count, which stores the count and redraws the chart.
        self.count_boxes[key].value = min(self.poll.counts[key] + 1, MAX_COUNT)

    def clear(self) -> None:
        self.poll.clear()
        self.refresh()

    def reveal(self) -> Reveal:
        result = self.poll.reveal()
        self._redraw()
        return result

    def move(self, step: int) -> None:
        self.poll.go_to(min(max(self.poll.number + step, 1), self.poll.total))
        self.summary_html.value = ""
        self.refresh()

    def show_summary(self) -> PollSummary:
        summary = self.poll.summary()
        self.summary_html.value = summary.to_html()
        return summary

    def choose_set(self, key: str) -> None:
        """Switch question set; each set keeps its own counts for the session."""
        self.set_picker.value = key

    def _on_set(self, change) -> None:
        key = change["new"]
        if not key:
            return
        if key not in self._polls:
            self._polls[key] = RoomPoll.from_set(key, self.poll.course)
        self.poll = self._polls[key]
        self.summary_html.value = ""
        self.refresh()

    # Display ----------------------------------------------------------------------------------
    def __repr__(self) -> str:
        return f"Room poll: {self.poll.title} ({self.poll.total} questions). Run it in JupyterLab or Voila."

    def static_html(self) -> str:
        """What the book shows without a kernel: how to run the poll and the questions in the set (no answers)."""
        prompts = "".join(f"<li>{e(q.prompt)}</li>" for q in self.poll.questions)
        sets = "".join(f"<li>{e(s.title)} ({len(s.question_ids)} questions)</li>" for s in self.sets.values())
        return (
            '<div class="cc-poll cc-poll-static"><p><strong>The room poll needs a live Python kernel.</strong> '
            "Open this notebook in JupyterLab and run it, or start it with Voila, to show questions, enter the "
            "room's votes and reveal the answers.</p>"
            f"<p>Questions in the set shown first, <em>{e(self.poll.title)}</em>:</p><ol>{prompts}</ol>"
            f"<details><summary>Every question set you can choose in the poll</summary><ul>{sets}</ul></details></div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/plain": repr(self), "text/html": self.static_html()}
        view = self.box._repr_mimebundle_()
        if view and WIDGET_VIEW in view:
            bundle[WIDGET_VIEW] = view[WIDGET_VIEW]
        return bundle
