"""The static book's room poll against the Python poll: the same numbers and the same questions.

``tests/fixtures/poll_cases.json`` is the shared table of counts -> per-option shares and summary
rows. Here Python (core.tally.percent, poll_summary.SummaryRow) must give the table's values;
``tests/js/poll.test.mjs`` holds the script's poll-model.js to the same table, and the browser
test below holds the built page's copy of the script to it. The poll data the static book ships
(facilitator/poll_data.py, through the course manifest) must be the Python poll's question sets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compact_course import cached_course
from compact_course.book.sphinx_ext import shipped_poll_data
from compact_course.core.tally import percent
from compact_course.facilitator.poll import RoomPoll
from compact_course.facilitator.poll_data import POLL_DATA, pages, poll_data
from compact_course.facilitator.poll_questions import poll_options, question_sets, reveal_for
from compact_course.facilitator.poll_summary import SummaryRow

CASES = json.loads((Path(__file__).parent / "fixtures" / "poll_cases.json").read_text(encoding="utf-8"))
LESSON_1 = "book/lessons/01-who-is-the-compact-for.html"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_python_gives_the_shared_table_s_shares_and_summary(case):
    counts, options = case["counts"], case["options"]
    votes = sum(counts.values())
    shares = [
        {"key": o["key"], "count": counts[o["key"]], "percent": percent(counts[o["key"]], votes) if votes else None}
        for o in options
    ]
    assert shares == case["shares"]
    correct = sum(counts[o["key"]] for o in options if o["correct"])
    row = SummaryRow.of_votes(case["summary"]["number"], case["name"], votes, correct, case["revealed"])
    assert {
        "number": row.number,
        "votes": row.votes,
        "correct_votes": row.correct_votes,
        "percent": row.tally.percent if votes else None,
        "share_text": row.share_text,
    } == case["summary"]


def test_the_table_covers_no_votes_halves_and_several_correct_options():
    names = " ".join(case["name"] for case in CASES)
    assert "nobody has voted" in names and "rounds up" in names and "several correct" in names


def test_a_room_poll_summary_agrees_with_the_table_row_for_the_same_counts():
    poll = RoomPoll.for_lesson("who-is-the-compact-for")
    options = poll.options
    right = next(o.key for o in options if o.correct)
    wrong = next(o.key for o in options if not o.correct)
    poll.set_counts({right: 5, wrong: 3})
    case = next(c for c in CASES if c["name"].startswith("five of eight"))
    assert poll.summary().rows[0].share_text == case["summary"]["share_text"]


def test_the_static_poll_ships_the_python_poll_s_sets_options_and_answers():
    course = cached_course()
    data = poll_data(course)
    sets = question_sets(course)
    assert [s["key"] for s in data["sets"]] == list(sets)
    for shipped in data["sets"]:
        chosen = sets[shipped["key"]]
        assert shipped["title"] == chosen.title and tuple(shipped["questions"]) == chosen.question_ids
        for qid in shipped["questions"]:
            question = course.question(qid)
            assert data["questions"][qid]["options"] == [
                {"key": o.key, "letter": o.letter, "text": o.text, "label": o.label, "correct": o.correct}
                for o in poll_options(question)
            ]
            assert data["questions"][qid]["answer"] == list(reveal_for(question).answer)
            assert data["questions"][qid]["explanation"] == question.explanation
    assert {"starters", "module-1", "lesson-who-is-the-compact-for"} <= {s["key"] for s in data["sets"]}


def test_the_generated_poll_file_is_current_and_in_the_manifest():
    course = cached_course()
    committed = (course.root / POLL_DATA).read_text(encoding="utf-8")
    assert committed == pages(course)[POLL_DATA], "run `compact-course generate`"
    assert shipped_poll_data(course) == json.loads(committed)


def test_the_browser_s_poll_arithmetic_matches_the_shared_table(page):
    page.goto(LESSON_1 + "#present")  # the poll code loads only when the presenter view opens
    page.wait_for_function("() => !!window.CompactPoll")
    for case in CASES:
        result = page.evaluate(
            """c => ({shares: window.CompactPoll.optionShares(c.options, c.counts)
                        .map(s => ({key: s.key, count: s.count, percent: s.percent})),
                      row: window.CompactPoll.summaryRow(c.summary.number, {prompt: c.name, options: c.options},
                        c.counts, c.revealed)})""",
            case,
        )
        assert result["shares"] == case["shares"], case["name"]
        row = result["row"]
        assert [row["votes"], row["correctVotes"], row["percent"], row["shareText"]] == [
            case["summary"]["votes"],
            case["summary"]["correct_votes"],
            case["summary"]["percent"],
            case["summary"]["share_text"],
        ], case["name"]
    assert page.errors == []
