"""The quizzes in a live kernel (JupyterLab, Voila): one anywidget whose front end is the quiz
script itself (``static/compact-widget.js``, built from the same ES modules as the book's
script; ``static/src/widget.js`` is its entry).

The widget carries what the book's page carries: the static HTML (one renderer,
:mod:`compact_course.quiz.html`, with its data block) and the course manifest; the script does
the rest (checking, feedback, exam mode, results, the draw, storage), so a live quiz behaves as
the book's does. What the learner does comes back as traits a notebook can read: ``results``
(per question: answered, correct, revealed, first_correct) and ``score`` (correct, answered,
total). The room poll uses the same widget with ``kind="poll"``: ``poll`` is its data, as the
book's poll page has it, and ``summary`` comes back (each question's votes and reveal).

Imported only where a widget is made (``Quiz.widget``, ``RoomPoll.widget``), so the command
line and the static book need no widget library.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

STATIC = Path(__file__).resolve().parents[1] / "static"


class CourseWidget(anywidget.AnyWidget):
    _esm = STATIC / "compact-widget.js"
    _css = STATIC / "compact-quiz.css"

    kind = traitlets.Unicode("quiz").tag(sync=True)  # "quiz" or "poll"
    # A quiz: its static HTML and the course manifest (compact_course.quiz.data).
    html = traitlets.Unicode("").tag(sync=True)
    manifest = traitlets.Dict().tag(sync=True)
    # Written by the front end.
    results = traitlets.Dict().tag(sync=True)
    score = traitlets.Dict().tag(sync=True)
    # A room poll: its data and question set; the summary is written by the front end.
    poll = traitlets.Dict().tag(sync=True)
    set_key = traitlets.Unicode("").tag(sync=True)
    summary = traitlets.Dict().tag(sync=True)
