"""The self-assessment in a live kernel: exam mode (answer everything, submit, then see results)
or practice mode (feedback per question, results on request)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date as Date
from typing import Any

import ipywidgets as w

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.core.escaping import e
from compact_course.learner.names import ASSESSMENT_DOC, ID_PREFIX, QUIZ_ID, STORE, check_mode
from compact_course.learner.progress import CourseStatus
from compact_course.learner.progress_store import load_progress
from compact_course.learner.record import record_of_learning
from compact_course.learner.results import AssessmentResult
from compact_course.quiz.quiz import Quiz
from compact_course.quiz.scoring import score_question

QUESTION_BUTTONS = ("check_button", "retry_button", "reveal_button", "hint_button")


class LiveAssessment(w.VBox):
    """The self-assessment in a live kernel.

    Exam mode hides each question's buttons; "Submit all answers" scores everything at once,
    shows each question's feedback and the results. Practice mode keeps the quiz's own
    immediate feedback, and "Show my results" gives the same results at any time.
    """

    def __init__(
        self,
        course: Course,
        questions: Sequence[m.QuestionBase],
        mode: str = "exam",
        quiz_id: str = QUIZ_ID,
        title: str | None = None,
        progress=None,
        progress_path=None,
        today: Callable[[], Date] = Date.today,
    ):
        self.course = course
        self.mode = check_mode(mode)
        self.quiz = Quiz(
            course,
            questions,
            quiz_id=quiz_id,
            title=title or course.assessment.title,
            from_doc=ASSESSMENT_DOC,
            id_prefix=ID_PREFIX,
            store=STORE,
            mode=mode,
        )
        self.quiz_widget = self.quiz.widget
        self.progress = progress
        self.progress_path = progress_path
        self.today = today
        self.result: AssessmentResult | None = None
        exam = mode == "exam"
        if exam:
            self._set_question_buttons(visible=False)
        intro = (
            "Answer every question, then select “Submit all answers”. You will see which answers were right, "
            "your score for each module and the lessons to revisit."
            if exam
            else "Check each answer as you go. Select “Show my results” at any time for your scores and the lessons to revisit."
        )
        self.submit_button = w.Button(
            description="Submit all answers" if exam else "Show my results",
            button_style="primary",
            layout=w.Layout(width="auto"),
        )
        self.submit_button.on_click(lambda _: self.submit())
        self.results = w.HTML(value="")
        super().__init__([w.HTML(value=f"<p>{e(intro)}</p>"), self.quiz_widget, self.submit_button, self.results])

    # What ProgressTracker and other subscribers use, as on a QuizWidget.
    @property
    def questions(self):
        return self.quiz_widget.questions

    def on_result(self, callback) -> None:
        self.quiz_widget.on_result(callback)

    def set_mode(self, mode: str) -> None:
        """Switch between exam mode (question buttons hidden) and practice mode; answers are kept."""
        self.mode = check_mode(mode)
        self._set_question_buttons(visible=self.mode == "practice")

    def _set_question_buttons(self, visible: bool) -> None:
        for question in self.quiz_widget.questions:
            for name in QUESTION_BUTTONS:
                button = getattr(question, name, None)
                if button is not None:
                    button.layout.display = None if visible else "none"

    def responses(self) -> dict[str, Any]:
        return {q.question.id: q.response for q in self.quiz_widget.questions}

    def submit(self) -> AssessmentResult:
        """Score every question now and show the results (and, in exam mode, each question's feedback)."""
        status = self._status()
        today = self.today()
        result = AssessmentResult(
            self.course, self.quiz.questions, self.responses(), title=self.quiz.title, date=today, progress=status
        )
        if self.mode == "exam":
            for question in self.quiz_widget.questions:
                scored = score_question(question.question, question.response)
                if scored.answered:
                    question.check()
                    if not scored.correct:  # every question shows its explanation, right or wrong
                        question.feedback.value += f'<p class="cc-explanation">{e(question.question.explanation)}</p>'
                else:
                    question.reveal()
            self._set_question_buttons(visible=True)
        self.result = result
        self.results.value = result.to_html() + record_of_learning(status, result, today).html
        return result

    def _status(self) -> CourseStatus:
        progress = self.progress if self.progress is not None else load_progress(self.progress_path)
        return progress.status(self.course)
