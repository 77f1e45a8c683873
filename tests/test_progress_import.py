"""Importing a progress file: wrong, cut short, oversized, future or hostile files are refused and
change nothing; export then import gives back exactly what was exported; corrupt saves are set aside."""

from __future__ import annotations

import json
import warnings
from datetime import UTC, datetime

import pytest

from compact_course.learner import progress as p
from compact_course.learner import progress_store as ps
from compact_course.learner.progress_check import MAX_BYTES
from compact_course.learner.progress_import import ProgressImportError, export_progress, import_progress
from compact_course.quiz.scoring import score_question
from helpers import real_course, right, wrong

RECORD = {"answer": "a", "correct": True, "fingerprint": "abc123", "time": "2026-01-01T00:00:00.000Z"}


def envelope(records=None, **top):
    return {"format": "compact-course-progress", "version": 2, "records": records or {}, **top}


def big_file() -> str:
    records = {f"q-padding-{index:06d}": RECORD for index in range(MAX_BYTES // 80 + 10)}
    return json.dumps(envelope(records))


REFUSED = {
    "not JSON": ("this is not json", "not valid JSON"),
    "cut short": (json.dumps(envelope({"q-a-01": RECORD}))[:-7], "cut short"),
    "not an object": ("[1, 2, 3]", "JSON object"),
    "another format": (json.dumps({"format": "something", "version": 2, "records": {}}), "'format'"),
    "future version": (json.dumps(envelope(version=3)), "newer version"),
    "oversized": (big_file(), "the limit is 1 MB"),
    "HTML in an answer": (
        json.dumps(envelope({"q-a-01": dict(RECORD, answer="<img src=x onerror=alert(1)>")})),
        "markup",
    ),
    "HTML in a page": (json.dumps(envelope({"q-a-01": dict(RECORD, page="<script>x</script>")})), "markup"),
    "HTML in a later field": (json.dumps(envelope({"q-a-01": dict(RECORD, note="<b>hi</b>")})), "markup"),
    "__proto__ as a record key": (
        '{"format": "compact-course-progress", "version": 2, "records": {"__proto__": {}}}',
        "__proto__",
    ),
    "__proto__ inside a record": (json.dumps(envelope({"q-a-01": dict(RECORD, __proto__={"x": 1})})), "__proto__"),
    "constructor inside an answer": (
        json.dumps(envelope({"q-a-01": dict(RECORD, answer={"constructor": "a"})})),
        "constructor",
    ),
    "record key not a question id": (json.dumps(envelope({"Q A 01!": RECORD})), "not a question id"),
    "deep nesting": (json.dumps(envelope({"q-a-01": dict(RECORD, later=[[[[[[[["x"]]]]]]]])})), "deeper"),
    "very deep nesting": ("[" * 100_000 + "]" * 100_000, "deeper"),
    "control characters": (json.dumps(envelope({"q-a-01": dict(RECORD, time="2026\u0000")})), "control"),
    "answer not a choice key": (json.dumps(envelope({"q-a-01": dict(RECORD, answer="a b")})), "choice key"),
    "not UTF-8": (b"\xff\xfe\x00", "UTF-8"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(tmp_path, case):
    content, reason = REFUSED[case]
    source = tmp_path / "incoming.json"
    source.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    target = tmp_path / "mine" / "progress.json"
    target.parent.mkdir()
    target.write_text(json.dumps(envelope({"q-mine-01": RECORD})), encoding="utf-8")
    before = {path.name: path.read_bytes() for path in target.parent.iterdir()}
    with pytest.raises(ProgressImportError, match="was not imported") as caught:
        import_progress(source, target)
    assert reason in str(caught.value)
    assert {path.name: path.read_bytes() for path in target.parent.iterdir()} == before


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(ProgressImportError, match="cannot be read"):
        import_progress(tmp_path / "nothing.json", tmp_path / "progress.json")
    assert not (tmp_path / "progress.json").exists()


def answered_progress(course) -> p.Progress:
    progress = p.Progress()
    questions = course.quiz_for(course.lessons[0].id).questions
    for index, question in enumerate(questions):
        response = right(question) if index % 2 else wrong(question)
        progress.record(question, response, score_question(question, response), now=f"2026-01-01T00:00:0{index}.000Z")
    progress.clear(questions[0], now="2026-01-01T00:01:00.000Z")
    progress.other["compact-course:v1:submitted:self-assessment"] = {"fingerprints": "a,b", "time": "t"}
    return progress


def test_export_then_import_gives_back_exactly_what_was_exported(tmp_path):
    progress = answered_progress(real_course())
    exported = export_progress(progress, tmp_path / "export.json", now=lambda: datetime(2026, 2, 1, tzinfo=UTC))
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["exported"] == "2026-02-01T00:00:00.000Z" and data["version"] == p.VERSION
    imported = import_progress(exported, tmp_path / "fresh" / "progress.json")
    assert imported.to_json()["records"] == data["records"]
    assert imported.records == progress.records and imported.other == progress.other


def test_import_merges_newer_answers_and_keeps_the_rest(tmp_path):
    course = real_course()
    question = course.quiz_for(course.lessons[0].id).questions[0]
    mine = p.Progress()
    mine.record(question, wrong(question), score_question(question, wrong(question)), now="2026-01-01T00:00:00.000Z")
    mine.records["q-only-mine-01"] = p.ProgressRecord("q-only-mine-01", "a", True, "abc", "2026-01-01T00:00:00.000Z")
    target = ps.save_progress(mine, tmp_path / "progress.json")
    theirs = p.Progress()
    theirs.record(question, right(question), score_question(question, right(question)), now="2026-01-02T00:00:00.000Z")
    merged = import_progress(export_progress(theirs, tmp_path / "export.json"), target)
    assert merged.records[question.id].correct is True
    assert merged.records[question.id].first.correct is False  # the first attempt is the earlier one
    assert "q-only-mine-01" in ps.load_progress(target).records


def test_a_version_1_file_is_migrated_on_import(tmp_path):
    source = tmp_path / "old.json"
    source.write_text(json.dumps({**envelope({"q-a-01": RECORD}), "version": 1}), encoding="utf-8")
    imported = import_progress(source, tmp_path / "progress.json")
    assert imported.records["q-a-01"].first == p.Attempt("a", True, RECORD["time"])
    assert json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))["version"] == 2


def test_a_corrupt_save_is_set_aside_when_saving_never_dropped(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text('{"format": "compact-course-progress", "version": 2, "records": {"q-a', encoding="utf-8")
    progress = p.Progress(records={"q-b-01": p.ProgressRecord("q-b-01", "a", True, "abc", "t")})
    with pytest.warns(UserWarning, match="corrupt-1"):
        ps.save_progress(progress, path)
    assert (tmp_path / "progress.corrupt-1.json").read_text(encoding="utf-8").endswith('"q-a')
    assert set(ps.load_progress(path).records) == {"q-b-01"}


def test_an_oversized_own_file_is_set_aside_with_the_limit_named(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(big_file(), encoding="utf-8")
    with pytest.warns(UserWarning, match="the limit is 1 MB"):
        assert ps.load_progress(path).records == {}
    assert (tmp_path / "progress.corrupt-1.json").stat().st_size > MAX_BYTES


def test_cleared_records_survive_a_round_trip_and_count_nowhere(tmp_path):
    course = real_course()
    progress = answered_progress(course)
    ps.save_progress(progress, tmp_path / "progress.json")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = ps.load_progress(tmp_path / "progress.json")
    first = course.quiz_for(course.lessons[0].id).questions[0]
    assert loaded.records[first.id].answer is None and loaded.records[first.id].first is not None
    lesson = loaded.status(course).lessons[0]
    assert lesson.tally.answered == len(course.quiz_for(course.lessons[0].id).questions) - 1
    assert lesson.first.answered == lesson.tally.total
