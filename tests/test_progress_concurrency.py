"""Two writers of one progress file keep every answer: two processes, and two quizzes in one kernel."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from compact_course.learner import progress as p
from compact_course.learner import progress_store as ps
from compact_course.quiz.quiz import Quiz
from compact_course.quiz.scoring import score_question as _score
from helpers import real_course, right, wrong

SAVES_PER_WRITER = 60

# Each writer keeps its own Progress (as a kernel does), adds one answer and saves, many times;
# it waits for the "go" file so that both write at the same time.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from compact_course.learner.progress import Progress, ProgressRecord
    from compact_course.learner.progress_store import save_progress

    path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    go = path.with_name("go")
    while not go.exists():
        time.sleep(0.005)
    progress = Progress()
    for index in range(count):
        qid = f"q-{name}-{index:03d}"
        stamp = f"2026-01-01T00:00:{index % 60:02d}.000Z"
        progress.records[qid] = ProgressRecord(qid, "a", index % 2 == 0, "fingerprint0", stamp)
        save_progress(progress, path)
    """
)


def test_two_processes_saving_at_once_keep_every_answer(tmp_path):
    path = tmp_path / "progress.json"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(SAVES_PER_WRITER)])
        for name in ("left", "right")
    ]
    time.sleep(0.5)  # both interpreters started and waiting
    (tmp_path / "go").touch()
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    saved = json.loads(path.read_text(encoding="utf-8"))["records"]
    expected = {
        f"compact-course:v1:lesson:q-{name}-{i:03d}" for name in ("left", "right") for i in range(SAVES_PER_WRITER)
    }
    assert set(saved) == expected
    assert not list(tmp_path.glob("*.corrupt-*.json")) and not list(tmp_path.glob(".progress.json.*.tmp"))


class SharedClock:
    def __init__(self):
        self.now = datetime(2026, 3, 4, tzinfo=UTC)

    def __call__(self):
        self.now += timedelta(seconds=1)
        return self.now


def test_two_quizzes_in_one_kernel_keep_every_answer(tmp_path):
    course = real_course()
    path = tmp_path / "progress.json"
    clock = SharedClock()
    first_quiz = ps.ProgressTracker(path, clock=clock).attach(Quiz.for_lesson(course, course.lessons[0].id))
    second_quiz = ps.ProgressTracker(path, clock=clock).attach(Quiz.for_lesson(course, course.lessons[1].id))
    answered = []
    for quiz in (first_quiz, second_quiz, first_quiz):
        question = next(q for q in quiz.widget.questions if q.question.id not in answered)
        question.set_response(right(question.question))
        question.check_button.click()
        answered.append(question.question.id)
    saved = ps.load_progress(path)
    assert sorted(saved.records) == sorted(answered)
    assert all(saved.records[qid].correct for qid in answered)


def test_merge_keeps_the_newer_record_and_the_earlier_first_attempt():
    course = real_course()
    question, other = course.quiz_for(course.lessons[0].id).questions[:2]
    start = p.Progress()
    start.record(question, wrong(question), _score(question, wrong(question)), now="2026-01-01T00:00:01.000Z")
    ours, theirs = p.Progress(records=dict(start.records)), p.Progress(records=dict(start.records))
    ours.record(question, right(question), _score(question, right(question)), now="2026-01-01T00:00:05.000Z")
    theirs.clear(question, now="2026-01-01T00:00:09.000Z")  # the newer: the answer was cleared elsewhere
    theirs.record(other, right(other), _score(other, right(other)), now="2026-01-01T00:00:03.000Z")
    merged = ours.merged(theirs)
    assert merged.records[question.id].answered is False  # theirs is newer
    assert merged.records[question.id].first == p.Attempt(wrong(question), False, "2026-01-01T00:00:01.000Z")
    assert merged.records[other.id].correct is True  # only theirs had it: kept
    assert theirs.merged(ours).records == merged.records  # the same whichever side saves


def test_the_lock_file_sits_beside_the_progress_file(tmp_path):
    path = tmp_path / "sub" / "progress.json"
    ps.save_progress(p.Progress(), path)
    assert ps.lock_path(path) == Path(tmp_path / "sub" / "progress.json.lock")
    assert ps.lock_path(path).exists()
