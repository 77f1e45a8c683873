"""The live-kernel rendering of a quiz: ipywidgets controls for JupyterLab and Voila.

Same questions, same scoring rules (:mod:`compact_course.quiz.scoring`) as the static HTML.
Other code subscribes to results with :meth:`QuizWidget.on_result`; the progress model
and the self-assessment do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as w

from compact_course.core import models as m
from compact_course.core.escaping import e
from compact_course.core.interface_models import QuestionText, fill
from compact_course.core.tally import Tally
from compact_course.quiz.html import TYPE_LABELS, question_label
from compact_course.quiz.scoring import QuestionResult, score_question, score_results

NO_MATCH = ""


def _html(text: str) -> w.HTML:
    return w.HTML(value=text)


class QuestionWidget(w.VBox):
    """One question with Check, Try again, Show answer (and Hint) buttons."""

    def __init__(
        self,
        question: m.QuestionBase,
        number: int,
        total: int,
        more: str,
        text: QuestionText,
        lesson_number: int | None = None,
    ):
        self.question = question
        self.text = text  # the interface's words (data/interface.yaml), as the static page uses them
        self.result: QuestionResult | None = None
        self._listeners: list[Callable[[QuestionResult], None]] = []
        self.choices = question.choices()
        qtype = question.type  # type: ignore[attr-defined]
        parts: list[w.Widget] = []
        if isinstance(question, m.ScenarioQuestion):
            parts.append(_html(f"<p><strong>Scenario:</strong> {e(question.scenario)}</p>"))
        parts.append(
            _html(
                f"<p><strong>{question_label(number, total, lesson_number)}:</strong> {e(question.prompt)}<br><em>{e(TYPE_LABELS[qtype])}</em></p>"
            )
        )
        if isinstance(question, m.Matching):
            labels = [("Choose a match", NO_MATCH)] + [(c.text, c.key) for c in question.choices()]
            self.selects = {
                item.key: w.Dropdown(options=labels, value=NO_MATCH, layout=w.Layout(width="auto"))
                for item in question.items()
            }
            for item in question.items():
                parts.append(w.VBox([_html(f"<span>{e(item.text)}</span>"), self.selects[item.key]]))
        elif isinstance(question, m.MultipleSelect):
            self.boxes = {
                c.key: w.Checkbox(value=False, description=c.text, indent=False, layout=w.Layout(width="auto"))
                for c in self.choices
            }
            parts.extend(self.boxes.values())
        else:
            self.radio = w.RadioButtons(
                options=[(c.text, c.key) for c in self.choices], value=None, layout=w.Layout(width="auto")
            )
            parts.append(self.radio)
        self.check_button = w.Button(description="Check answer", button_style="primary")
        self.retry_button = w.Button(description="Try again")
        self.reveal_button = w.Button(description="Show answer")
        buttons = [self.check_button, self.retry_button, self.reveal_button]
        if question.hint:
            self.hint_button = w.Button(description="Show hint")
            buttons.append(self.hint_button)
            self.hint_button.on_click(lambda _: self._show(f"<p><strong>Hint:</strong> {e(question.hint)}</p>"))
        self.feedback = _html("")
        self.more = more
        self.check_button.on_click(lambda _: self.check())
        self.retry_button.on_click(lambda _: self.retry())
        self.reveal_button.on_click(lambda _: self.reveal())
        super().__init__(parts + [w.HBox(buttons), self.feedback])

    # The response, in the shapes scoring.py documents.
    @property
    def response(self):
        if isinstance(self.question, m.Matching):
            return {key: select.value for key, select in self.selects.items() if select.value}
        if isinstance(self.question, m.MultipleSelect):
            return [key for key, box in self.boxes.items() if box.value]
        return self.radio.value

    def set_response(self, response) -> None:
        if isinstance(self.question, m.Matching):
            for key, select in self.selects.items():
                select.value = (response or {}).get(key, NO_MATCH)
        elif isinstance(self.question, m.MultipleSelect):
            for key, box in self.boxes.items():
                box.value = key in (response or ())
        else:
            self.radio.value = response

    def _show(self, html: str) -> None:
        self.feedback.value = html

    def on_result(self, callback: Callable[[QuestionResult], None]) -> None:
        self._listeners.append(callback)

    def check(self) -> QuestionResult:
        result = score_question(self.question, self.response)
        if not result.answered:
            self._show(f"<p><strong>{e(self.text.unanswered)}</strong></p>")
            return result
        self.result = result
        verdict = e(self.text.right if result.correct else self.text.wrong)
        lines = "".join(f"<li>{'✓' if line.correct else '✗'} {e(line.text)}</li>" for line in result.feedback)
        tail = e(self.question.explanation if result.correct else self.text.next_step)
        self._show(f"<p><strong>{verdict}</strong></p><ul>{lines}</ul><p>{tail}</p><p>{e(self.more)}</p>")
        for callback in self._listeners:
            callback(result)
        return result

    def retry(self) -> None:
        self.result = None  # a cleared answer counts nowhere, not even in the quiz's score
        self.set_response(
            {}
            if isinstance(self.question, m.Matching)
            else ([] if isinstance(self.question, m.MultipleSelect) else None)
        )
        self._show("<p>Your answer has been cleared. Choose again.</p>")

    def reveal(self) -> None:
        if isinstance(self.question, m.Matching):
            answer = "".join(f"<li>{e(p.item)} → {e(p.match)}</li>" for p in self.question.pairs)
        else:
            answer = "".join(f"<li>{e(c.text)}</li>" for c in self.question.choices() if c.correct)
        self._show(
            f"<p><strong>Answer:</strong></p><ul>{answer}</ul><p>{e(self.question.explanation)}</p><p>{e(self.more)}</p>"
        )


class QuizWidget(w.VBox):
    """A whole quiz; shows the score once every question has been answered."""

    def __init__(
        self,
        title: str,
        questions: Sequence[m.QuestionBase],
        more: Callable[[m.QuestionBase], str],
        text: QuestionText,
        lesson_number: int | None = None,
    ):
        total = len(questions)
        self.text = text
        self.questions = [
            QuestionWidget(q, n, total, more(q), text, lesson_number) for n, q in enumerate(questions, start=1)
        ]
        self.score_label = _html("")
        self._listeners: list[Callable[[QuestionResult], None]] = []
        for question in self.questions:
            question.on_result(self._record)
            question.retry_button.on_click(lambda _: self._show_score())
        super().__init__([_html(f"<p><strong>Quiz: {e(title)}</strong></p>"), *self.questions, self.score_label])

    def on_result(self, callback: Callable[[QuestionResult], None]) -> None:
        """Call ``callback(result)`` whenever any question is checked."""
        self._listeners.append(callback)

    @property
    def score(self) -> Tally:
        return score_results((q.result for q in self.questions if q.result), len(self.questions))

    def _show_score(self) -> None:
        score = self.score
        line = fill(self.text.score, correct=score.correct, total=score.total)
        self.score_label.value = f"<p><strong>{e(line)}</strong></p>" if score.complete else ""

    def _record(self, result: QuestionResult) -> None:
        self._show_score()
        for callback in self._listeners:
            callback(result)
