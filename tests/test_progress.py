"""The live-notebook progress model: records, lesson status, atomic saving, corrupt-file recovery."""

from __future__ import annotations

import json
import os
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import platformdirs
import pytest

from compact_course.core import models as m
from compact_course.core.course import load_course
from compact_course.learner import progress as p
from compact_course.learner import progress_store as ps
from compact_course.learner.assessment import fixed_questions
from compact_course.learner.live import LiveAssessment
from compact_course.quiz.quiz import Quiz
from compact_course.quiz.scoring import fingerprint, score_question
from helpers import course_copy, edit, real_course, right, wrong

START = datetime(2026, 3, 4, 5, 6, 7, 890000, tzinfo=UTC)


class Clock:
    """A clock that moves on one second per reading."""

    def __init__(self):
        self.now = START

    def __call__(self):
        self.now += timedelta(seconds=1)
        return self.now


def answer(progress: p.Progress, question: m.QuestionBase, response, now=None):
    return progress.record(question, response, score_question(question, response), now)


@pytest.fixture(scope="module")
def course():
    return real_course()


@pytest.fixture
def first_lesson(course):
    return course.lessons[0]


# --- Records and status --------------------------------------------------------------------


def test_record_keeps_answer_result_fingerprint_and_time(course, first_lesson):
    question = course.quiz_for(first_lesson.id).questions[0]
    progress = p.Progress(clock=Clock())
    saved = answer(progress, question, right(question))
    assert saved == progress.records[question.id]
    assert saved.correct is True
    assert saved.fingerprint == fingerprint(question)
    assert saved.time == "2026-03-04T05:06:08.890Z"  # START + 1 s, in the browser's ISO form
    assert saved.to_json()["question"] == question.id
    explicit = answer(progress, question, wrong(question), now="2030-01-01T00:00:00.000Z")
    assert explicit.correct is False and explicit.time == "2030-01-01T00:00:00.000Z"


def test_unanswered_result_records_nothing_and_mismatched_result_is_refused(course, first_lesson):
    first, second = course.quiz_for(first_lesson.id).questions[:2]
    progress = p.Progress()
    empty = [] if isinstance(first, m.MultipleSelect) else ({} if isinstance(first, m.Matching) else None)
    assert answer(progress, first, empty) is None
    assert progress.records == {}
    with pytest.raises(ValueError, match=second.id):
        progress.record(second, right(first), score_question(first, right(first)))


def test_naive_datetime_is_refused(course, first_lesson):
    question = course.quiz_for(first_lesson.id).questions[0]
    with pytest.raises(ValueError, match="time zone"):
        answer(p.Progress(), question, right(question), now=datetime(2026, 1, 1))


def test_status_counts_answered_and_correct_per_lesson_and_module(course):
    module = course.modules[0]
    done_lesson, partial_lesson = module.lessons[0], module.lessons[1]
    progress = p.Progress(clock=Clock())
    done_questions = course.quiz_for(done_lesson.id).questions
    for index, question in enumerate(done_questions):
        answer(progress, question, right(question) if index else wrong(question))
    partial_question = course.quiz_for(partial_lesson.id).questions[0]
    answer(progress, partial_question, right(partial_question))

    status = progress.status(course)
    lessons = {lesson.lesson_id: lesson for lesson in status.lessons}
    done = lessons[done_lesson.id]
    assert (done.tally.answered, done.tally.correct, done.tally.total, done.status) == (
        len(done_questions),
        len(done_questions) - 1,
        len(done_questions),
        p.DONE,
    )
    partial = lessons[partial_lesson.id]
    assert (partial.tally.answered, partial.tally.correct, partial.status) == (1, 1, p.IN_PROGRESS)
    untouched = lessons[module.lessons[2].id]
    assert (untouched.tally.answered, untouched.status) == (0, p.NOT_STARTED)
    first_module = status.modules[0]
    assert first_module.module_id == module.id and first_module.status == p.IN_PROGRESS
    assert first_module.tally.answered == len(done_questions) + 1
    assert first_module.tally.total == sum(len(course.quiz_for(lesson.id).questions) for lesson in module.lessons)
    assert status.modules[1].status == p.NOT_STARTED
    assert [lesson.lesson_id for lesson in status.lessons_completed] == [done_lesson.id]
    assert [lesson.lesson_id for lesson in status.lessons] == [lesson.id for lesson in course.lessons]


def test_module_is_done_when_every_lesson_is_done(course):
    module = course.modules[-1]
    progress = p.Progress(clock=Clock())
    for lesson in module.lessons:
        for question in course.quiz_for(lesson.id).questions:
            answer(progress, question, wrong(question))
    status = progress.status(course).modules[-1]
    assert status.status == p.DONE  # done means answered, right or wrong
    assert status.tally.correct == 0


def test_stale_record_is_reported_as_changed_and_not_counted(course, first_lesson):
    questions = course.quiz_for(first_lesson.id).questions
    progress = p.Progress(clock=Clock())
    for question in questions:
        answer(progress, question, right(question))
    old = progress.records[questions[0].id]
    progress.records[questions[0].id] = p.ProgressRecord(old.question_id, old.answer, True, "0123456789ab", old.time)
    lesson = progress.status(course).lessons[0]
    assert lesson.changed == (questions[0].id,)
    assert (lesson.tally.answered, lesson.tally.correct, lesson.status) == (
        len(questions) - 1,
        len(questions) - 1,
        p.IN_PROGRESS,
    )
    assert progress.current(questions[0]) is None


def test_editing_a_question_makes_its_saved_answer_changed(tmp_path):
    course = real_course()
    lesson = course.lessons[0]
    question = course.quiz_for(lesson.id).questions[0]
    progress = p.Progress(clock=Clock())
    answer(progress, question, right(question))
    root = course_copy(tmp_path)
    edit(root, f"quizzes/{lesson.id}.yaml", question.prompt, question.prompt + " (revised)")
    edited = load_course(root)
    status = progress.status(edited).lessons[0]
    assert status.changed == (question.id,)
    assert status.tally.answered == 0 and status.status == p.NOT_STARTED
    assert progress.status(course).lessons[0].tally.answered == 1


def test_records_for_questions_no_longer_in_the_course_are_reported(course, first_lesson):
    question = course.quiz_for(first_lesson.id).questions[0]
    progress = p.Progress(clock=Clock())
    answer(progress, question, right(question))
    progress.records["q-retired-question-01"] = p.ProgressRecord("q-retired-question-01", "a", True, "abc", "t")
    assert progress.status(course).unknown == ("q-retired-question-01",)


# --- Saving and loading --------------------------------------------------------------------


def test_save_and_load_round_trip_in_the_browser_record_shape(tmp_path, course, first_lesson):
    path = tmp_path / "deep" / "progress.json"
    progress = p.Progress(clock=Clock())
    for question in course.quiz_for(first_lesson.id).questions:
        answer(progress, question, right(question))
    assert ps.save_progress(progress, path) == path
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "compact-course-progress" and data["version"] == 2
    question = course.quiz_for(first_lesson.id).questions[0]
    key = f"compact-course:v1:lesson:{question.id}"
    assert set(data["records"][key]) == {"answer", "correct", "fingerprint", "time", "question", "first"}
    loaded = ps.load_progress(path)
    assert loaded.records == progress.records
    ps.save_progress(loaded, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == path.read_bytes()  # deterministic


def test_browser_export_loads_and_other_stores_are_kept(tmp_path, course, first_lesson):
    question = course.quiz_for(first_lesson.id).questions[0]
    other = course.quiz_for(course.lessons[1].id).questions[0]
    record = {
        "answer": right(question),
        "correct": True,
        "fingerprint": fingerprint(question),
        "time": "2026-01-01T10:00:00.000Z",
        "question": question.id,
        "page": "/lessons/01.html",
    }
    assessment_record = dict(record, page="/self-assessment.html")
    kept = {
        f"compact-course:v1:assessment:{question.id}": assessment_record,
        "compact-course:v1:submitted:self-assessment": {
            "fingerprints": "abc,def",
            "time": "t",
            "quiz": "self-assessment",
        },
        "compact-course:v1:later-feature:x": [1, 2, 3],  # unknown to this version: left alone
    }
    export = {
        "format": "compact-course-progress",
        "version": 1,
        "exported": "2026-01-02T00:00:00.000Z",
        "records": {
            f"compact-course:v1:lesson:{question.id}": record,
            other.id: {"answer": wrong(other), "correct": False, "fingerprint": fingerprint(other), "later": {"x": 1}},
            **kept,
        },
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = ps.load_progress(path)
    assert loaded.records[question.id].page == "/lessons/01.html"
    assert loaded.records[other.id].correct is False
    assert loaded.records[other.id].time is None  # the browser does not insist on a time either
    assert loaded.other == kept
    assert loaded.status(course).lessons[0].tally.answered == 1
    ps.save_progress(loaded, path)
    saved = json.loads(path.read_text(encoding="utf-8"))["records"]
    assert {key: saved[key] for key in kept} == kept
    assert saved[f"compact-course:v1:lesson:{other.id}"] == {
        "answer": wrong(other),
        "correct": False,
        "fingerprint": fingerprint(other),
        "question": other.id,
        "later": {"x": 1},
        "first": {"answer": wrong(other), "correct": False},  # migrated from version 1: the earliest known
    }


def test_missing_file_is_empty_progress_without_warning(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ps.load_progress(tmp_path / "none.json").records == {}


def test_write_is_atomic_temp_file_synced_then_renamed(tmp_path, monkeypatch, course, first_lesson):
    path = tmp_path / "progress.json"
    question = course.quiz_for(first_lesson.id).questions[0]
    progress = p.Progress(clock=Clock())
    answer(progress, question, right(question))
    ps.save_progress(progress, path)
    before = path.read_bytes()

    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])

    def failing_replace(source, target):
        calls.append(("replace", Path(source).parent, Path(target)))
        raise OSError("disk unplugged")

    monkeypatch.setattr(os, "replace", failing_replace)
    answer(progress, question, wrong(question))
    with pytest.raises(OSError, match="disk unplugged"):
        ps.save_progress(progress, path)
    assert path.read_bytes() == before  # the old file is intact
    assert sorted(x.name for x in tmp_path.iterdir()) == ["progress.json", "progress.json.lock"]  # no temp file
    assert calls[0] == "fsync" and calls[1] == ("replace", tmp_path, path)  # synced before the rename, same folder

    monkeypatch.setattr(os, "replace", real_replace)
    ps.save_progress(progress, path)
    assert ps.load_progress(path).records[question.id].correct is False


CORRUPT = {
    "bad-json": '{"format": "compact-course-progress", "version": 1, "records": {',
    "wrong-format": json.dumps({"format": "something-else", "version": 1, "records": {}}),
    "future-version": json.dumps({"format": "compact-course-progress", "version": 3, "records": {}}),
    "version-zero": json.dumps({"format": "compact-course-progress", "version": 0, "records": {}}),
    "records-not-object": json.dumps({"format": "compact-course-progress", "version": 1, "records": []}),
    "correct-not-bool": json.dumps(
        {
            "format": "compact-course-progress",
            "version": 1,
            "records": {"q-a-01": {"answer": "a", "correct": "yes", "fingerprint": "abc", "time": "t"}},
        }
    ),
    "answer-wrong-shape": json.dumps(
        {
            "format": "compact-course-progress",
            "version": 1,
            "records": {"q-a-01": {"answer": 3, "correct": True, "fingerprint": "abc", "time": "t"}},
        }
    ),
    "time-not-text": json.dumps(
        {
            "format": "compact-course-progress",
            "version": 1,
            "records": {"q-a-01": {"answer": "a", "correct": True, "fingerprint": "abc", "time": 5}},
        }
    ),
    "bad-submission-mark": json.dumps(
        {
            "format": "compact-course-progress",
            "version": 1,
            "records": {"compact-course:v1:submitted:self-assessment": {"fingerprints": ["abc"], "time": "t"}},
        }
    ),
    "bad-assessment-answer": json.dumps(
        {
            "format": "compact-course-progress",
            "version": 1,
            "records": {"compact-course:v1:assessment:q-a-01": {"answer": "a", "correct": 1, "fingerprint": "abc"}},
        }
    ),
    "unknown-top-level-field": json.dumps({"format": "compact-course-progress", "version": 1, "records": {}, "x": 1}),
    "key-and-question-disagree": json.dumps(
        {
            "format": "compact-course-progress",
            "version": 1,
            "records": {
                "compact-course:v1:lesson:q-a-01": {
                    "answer": "a",
                    "correct": True,
                    "fingerprint": "abc",
                    "time": "t",
                    "question": "q-b-01",
                }
            },
        }
    ),
    "not-utf8": b"\xff\xfe\x00junk",
}


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_corrupt_file_is_moved_aside_with_a_warning(tmp_path, case):
    path = tmp_path / "progress.json"
    content = CORRUPT[case]
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.warns(UserWarning) as caught:
        progress = ps.load_progress(path)
    assert progress.records == {} and progress.other == {}
    aside = tmp_path / "progress.corrupt-1.json"
    assert not path.exists()
    assert aside.read_bytes() == (content if isinstance(content, bytes) else content.encode("utf-8"))
    message = str(caught[0].message)
    assert str(path) in message and str(aside) in message


def test_one_bad_record_sets_the_whole_file_aside_and_numbers_are_first_free(tmp_path, course, first_lesson):
    path = tmp_path / "progress.json"
    question = course.quiz_for(first_lesson.id).questions[0]
    good = {"answer": right(question), "correct": True, "fingerprint": fingerprint(question), "time": "t"}
    bad = {"answer": "a", "correct": True, "time": "t"}  # no fingerprint
    (tmp_path / "progress.corrupt-1.json").write_text("older", encoding="utf-8")
    path.write_text(
        json.dumps(
            {"format": "compact-course-progress", "version": 1, "records": {question.id: good, "q-other-01": bad}}
        ),
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="fingerprint"):
        assert ps.load_progress(path).records == {}
    assert (tmp_path / "progress.corrupt-1.json").read_text(encoding="utf-8") == "older"
    assert question.id in (tmp_path / "progress.corrupt-2.json").read_text(encoding="utf-8")
    path.write_text("[]", encoding="utf-8")
    with pytest.warns(UserWarning, match="corrupt-3"):
        ps.load_progress(path)


def test_default_location_env_override_and_explicit_path(tmp_path, monkeypatch):
    monkeypatch.delenv(ps.ENV_VAR, raising=False)
    assert ps.progress_path() == Path(platformdirs.user_data_dir("compact-course")) / "progress.json"
    monkeypatch.setenv(ps.ENV_VAR, str(tmp_path / "env.json"))
    assert ps.progress_path() == tmp_path / "env.json"
    assert ps.progress_path(tmp_path / "explicit.json") == tmp_path / "explicit.json"


def test_default_location_is_used_for_load_and_save(tmp_path, monkeypatch, course, first_lesson):
    monkeypatch.setenv(ps.ENV_VAR, str(tmp_path / "sub" / "mine.json"))
    question = course.quiz_for(first_lesson.id).questions[0]
    progress = p.Progress(clock=Clock())
    answer(progress, question, right(question))
    ps.save_progress(progress)
    assert (tmp_path / "sub" / "mine.json").is_file()
    assert ps.load_progress().records == progress.records


# --- Live widgets ------------------------------------------------------------------------


def test_tracker_saves_after_every_checked_result_and_restores_answers(tmp_path, course, first_lesson):
    path = tmp_path / "progress.json"
    quiz = Quiz.for_lesson(course, first_lesson.id)
    tracker = ps.ProgressTracker(path, clock=Clock(), page="lessons/01")
    assert tracker.attach(quiz) is quiz
    first, second = quiz.widget.questions[:2]
    first.set_response(right(first.question))
    first.check_button.click()
    saved = json.loads(path.read_text(encoding="utf-8"))["records"]
    assert list(saved) == [f"compact-course:v1:lesson:{first.question.id}"]
    assert saved[f"compact-course:v1:lesson:{first.question.id}"]["correct"] is True
    second.set_response(wrong(second.question))
    second.check_button.click()
    saved = json.loads(path.read_text(encoding="utf-8"))["records"]
    assert saved[f"compact-course:v1:lesson:{second.question.id}"]["correct"] is False
    assert saved[f"compact-course:v1:lesson:{second.question.id}"]["page"] == "lessons/01"

    fresh = Quiz.for_lesson(course, first_lesson.id)
    ps.ProgressTracker(path).attach(fresh)
    restored = fresh.widget.questions
    assert restored[0].response == first.response
    assert restored[1].response == second.response
    assert ps.load_progress(path).status(course).lessons[0].tally.answered == 2


# --- The shared table of answer / check / try again / reveal / switch mode / submit (issue 17) ---

CASES_FILE = Path(__file__).resolve().parent / "fixtures" / "progress_cases.json"
CASES = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def _tally(tally, first) -> dict:
    return {
        "answered": tally.answered,
        "correct": tally.correct,
        "first": {"answered": first.answered, "correct": first.correct},
    }


class Replay:
    """Plays one case's steps on the live widgets, with a ProgressTracker saving to a file."""

    def __init__(self, course, case, path):
        self.course, self.quiz_kind = course, case["quiz"]
        self.tracker = ps.ProgressTracker(path, clock=Clock())
        if self.quiz_kind == "lesson":
            self.quiz = Quiz.for_lesson(course, course.lessons[0].id)
            self.widget = self.quiz.widget
        else:
            self.widget = LiveAssessment(course, fixed_questions(course), "exam", progress_path=path)
        self.tracker.attach_widget(self.widget)
        self.slots = {f"q{n}": question for n, question in enumerate(self.widget.questions[:3], start=1)}
        self.result = None

    def step(self, action, *args):
        if action == "answer":
            question = self.slots[args[0]]
            question.set_response(right(question.question) if args[1] == "right" else wrong(question.question))
        elif action in ("check", "try-again", "reveal"):
            button = {"check": "check_button", "try-again": "retry_button", "reveal": "reveal_button"}[action]
            getattr(self.slots[args[0]], button).click()
        elif action == "switch-mode":
            self.widget.set_mode(args[0])
        elif action == "submit":
            self.result = self.widget.submit()
        else:
            raise ValueError(f"unknown step {action!r}")

    def first_attempts(self):
        saved = ps.load_progress(self.tracker.path)
        return saved.questions_status([q.question for q in self.widget.questions]).first

    def observed(self) -> dict:
        if self.quiz_kind == "self-assessment":
            return {"self_assessment": _tally(self.result.tally, self.first_attempts()) if self.result else None}
        row = ps.load_progress(self.tracker.path).status(self.course).lessons[0]
        return {
            "lesson_score": _tally(self.widget.score, self.first_attempts()),
            "progress": _tally(row.tally, row.first),
        }


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_shared_progress_cases(tmp_path, course, case):
    replay = Replay(course, case, tmp_path / "progress.json")
    for step in case["steps"]:
        replay.step(*step)
    assert replay.observed() == case["expect"]


def test_the_shared_table_covers_every_step_and_both_quizzes():
    actions = {step[0] for case in CASES for step in case["steps"]}
    assert actions == {"answer", "check", "try-again", "reveal", "switch-mode", "submit"}
    assert {case["quiz"] for case in CASES} == {"lesson", "self-assessment"}
