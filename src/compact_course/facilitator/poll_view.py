"""The room poll's live front end: ipywidgets controls around a :class:`~compact_course.facilitator.poll.RoomPoll`.

Number boxes and "+1" buttons per option, the bar chart, reveal, clear, previous/next,
summary, and a list to choose the question set. Every control can be driven from Python, so
tests click the buttons without a browser. Without a kernel (the static book) the view shows
how to run the poll and the questions in the set, never the answers.
"""

from __future__ import annotations

from compact_course.core.escaping import e
from compact_course.facilitator.poll import MAX_COUNT, RoomPoll
from compact_course.facilitator.poll_questions import Reveal, question_sets, reveal_for
from compact_course.facilitator.poll_summary import PollSummary

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


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
