"""The room poll's question sets as data for the static book: ``book/_generated/room-poll-data.json``.

The static book's poll and presenter view (``static/src/poll*.js``, ``presenter*.js``) run the
question sets of :mod:`.poll_questions`, with their options, answers and explanations: this
module writes them out as a generated file (``compact-course generate``), which the book's
Sphinx extension ships; the live widget (:attr:`.poll.RoomPoll.widget`) gets the same data.
The book room cannot import the facilitator room, so the generated file is the hand-over.
"""

from __future__ import annotations

import json

from compact_course.core import models as m
from compact_course.core.course import Course
from compact_course.facilitator.poll_questions import poll_options, question_sets, reveal_for
from compact_course.quiz.html import type_label

POLL_DATA = "book/_generated/room-poll-data.json"

# How the room votes, said under the prompt: the words (data/interface.yaml ``poll``) per type.
HOW_TO_VOTE = {"multiple": "how_multiple", "matching": "how_matching"}


def poll_question(course: Course, question: m.QuestionBase) -> dict:
    """One question as the static poll shows it: prompt, options to count, and the reveal."""
    qtype = question.type  # type: ignore[attr-defined]
    reveal = reveal_for(course, question)
    how = HOW_TO_VOTE.get(qtype)
    data: dict = {
        "id": question.id,
        "type": qtype,
        "typeLabel": type_label(course, question),
        "prompt": question.prompt,
        "scenario": question.scenario if isinstance(question, m.ScenarioQuestion) else None,
        "howToVote": getattr(course.interface.poll, how) if how else None,
        "options": [
            {
                "key": option.key,
                "letter": option.letter,
                "text": option.text,
                "label": option.label,
                "correct": option.correct,
            }
            for option in poll_options(course, question)
        ],
        "answer": list(reveal.answer),
        "explanation": reveal.explanation,
    }
    if isinstance(question, m.Matching):
        data["items"] = [item.text for item in question.items()]
        data["matches"] = [choice.text for choice in question.choices()]
    return data


def poll_data(course: Course) -> dict:
    """Every question set of :func:`question_sets`, in its order, and every question they use."""
    sets = question_sets(course)
    used = dict.fromkeys(qid for chosen in sets.values() for qid in chosen.question_ids)
    return {
        "version": 1,
        "sets": [{"key": s.key, "title": s.title, "questions": list(s.question_ids)} for s in sets.values()],
        "questions": {qid: poll_question(course, course.question(qid)) for qid in used},
    }


def pages(course: Course) -> dict[str, str]:
    text = json.dumps(poll_data(course), ensure_ascii=False, sort_keys=True, indent=1)
    return {POLL_DATA: text + "\n"}
