// The SCORM adapter's pure parts: suspend_data encoding, status rules, the session over a fake API.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PREFIX, createStore } from "../../src/compact_course/static/src/storage.js";
import { initialState, restore } from "../../src/compact_course/static/src/question-state.js";
import { summarise } from "../../src/compact_course/static/src/results.js";
import { score } from "../../src/compact_course/static/src/scoring.js";
import { decode, encode, SUSPEND_DATA_LIMIT } from "../../src/compact_course/static/src/scorm-encoding.js";
import { courseReport } from "../../src/compact_course/static/src/scorm-status.js";
import { findAPI, timespan } from "../../src/compact_course/static/src/scorm-api.js";
import { COMMIT_DELAY_MS, createSession } from "../../src/compact_course/static/src/scorm-session.js";

const course = {
  version: 1, start: "book/index.html", mastery: 80,
  slots: [
    ["assessment:q-a1", "fa1", "single", ["a", "b", "c", "d"], []],
    ["assessment:q-a2", "fa2", "multiple", ["a", "b", "c", "d", "e"], []],
    ["assessment:q-a3", "fa3", "true-false", ["true", "false"], []],
    ["assessment:q-a4", "fa4", "matching", ["a", "b", "c", "d"], ["1", "2", "3"]],
    ["assessment:q-a5", "fa5", "scenario", ["a", "b", "c"], []],
    ["lesson:q-l1", "fl1", "single", ["a", "b"], []],
    ["lesson:q-l2", "fl2", "multiple", ["a", "b", "c"], []]
  ],
  exams: [["self-assessment", "assessment"]]
};

const answer = (key, value, correct, fingerprint) => [PREFIX + key,
  JSON.stringify({ answer: value, correct, fingerprint, time: "2026-01-01T00:00:00.000Z", question: key.split(":")[1] })];
const submitted = (fps) => [PREFIX + "submitted:self-assessment",
  JSON.stringify({ fingerprints: fps.join(","), time: "2026-01-02T00:00:00.000Z", quiz: "self-assessment" })];

function allAnswered(correctCount) {
  const rows = [
    answer("assessment:q-a1", "c", true, "fa1"),
    answer("assessment:q-a2", ["b", "e"], true, "fa2"),
    answer("assessment:q-a3", "false", true, "fa3"),
    answer("assessment:q-a4", { 1: "d", 3: "a" }, true, "fa4"),
    answer("assessment:q-a5", "b", true, "fa5"),
    answer("lesson:q-l1", "a", true, "fl1"),
    answer("lesson:q-l2", ["a", "c"], false, "fl2")
  ];
  rows.slice(0, 5).forEach((row, i) => {
    const record = JSON.parse(row[1]);
    record.correct = i < correctCount;
    row[1] = JSON.stringify(record);
  });
  return new Map(rows);
}

test("every kind of answer and a submission survive encode and decode", () => {
  const records = allAnswered(5);
  records.set(...submitted(["fa3", "fa1", "fa2", "fa4", "fa5"]));
  const text = encode(records, course, 1767225600);
  assert.match(text, /^c2\./);
  const back = decode(text, course);
  for (const [key, raw] of records) {
    const was = JSON.parse(raw);
    const now = JSON.parse(back.get(key));
    if (key.endsWith("submitted:self-assessment")) {
      assert.equal(now.fingerprints, was.fingerprints);
      assert.equal(now.time, was.time);
    } else {
      assert.deepEqual(now.answer, Array.isArray(was.answer) ? was.answer.slice().sort() : was.answer, key);
      assert.equal(now.correct, was.correct);
      assert.equal(now.fingerprint, was.fingerprint);
    }
  }
  assert.equal(back.size, records.size);
});

test("answers to another version of a question, and unknown choices, are not encoded", () => {
  const records = new Map([answer("lesson:q-l1", "a", true, "old"), answer("assessment:q-a1", "z", false, "fa1")]);
  const back = decode(encode(records, course, 0), course);
  assert.equal(back.size, 0);
});

test("data from another build's index or another encoding is not read", () => {
  const text = encode(allAnswered(5), course, 0);
  const other = { ...course, slots: course.slots.slice(1) };
  assert.equal(decode(text, other), null);
  assert.equal(decode("c3" + text.slice(2), course), null);
  assert.equal(decode("c1" + text.slice(2), course), null, "c1 had five parts, not six");
  assert.equal(decode("", course), null);
  assert.equal(decode("{\"json\":1}", course), null);
});

test("a course of 400 questions, all answered, fits in suspend_data", () => {
  const big = { ...course, slots: [], exams: [["self-assessment", "assessment"]] };
  const records = new Map();
  for (let i = 0; i < 400; i++) {
    const id = "q-" + String(i).padStart(3, "0");
    big.slots.push(["lesson:" + id, "f" + i, "matching", ["a", "b", "c", "d"], ["1", "2", "3", "4"]]);
    records.set(...answer("lesson:" + id, { 1: "a", 2: "b", 3: "c", 4: "d" }, false, "f" + i));
  }
  const text = encode(records, big, 1767225600);
  assert.ok(text.length < SUSPEND_DATA_LIMIT, `${text.length} characters`);
});

test("status: incomplete, completed, passed and failed around the mastery score, never lowered", () => {
  assert.deepEqual(courseReport(new Map(), course, 80, ""), { status: "incomplete", score: null });
  const lessons = new Map([answer("lesson:q-l1", "a", true, "fl1"), answer("lesson:q-l2", ["a"], false, "fl2")]);
  assert.deepEqual(courseReport(lessons, course, 80, "incomplete"), { status: "completed", score: null });
  const five = ["fa1", "fa2", "fa3", "fa4", "fa5"];
  const pass = allAnswered(4); pass.set(...submitted(five));
  assert.deepEqual(courseReport(pass, course, 80, "incomplete"), { status: "passed", score: 80 });
  const fail = allAnswered(3); fail.set(...submitted(five));
  assert.deepEqual(courseReport(fail, course, 80, "incomplete"), { status: "failed", score: 60 });
  assert.deepEqual(courseReport(fail, course, 80, "passed"), { status: "passed", score: null });
  assert.deepEqual(courseReport(pass, course, 80, "failed"), { status: "passed", score: 80 });
  assert.deepEqual(courseReport(lessons, course, 80, "failed"), { status: "failed", score: null });
  assert.deepEqual(courseReport(pass, course, 81, "incomplete"), { status: "failed", score: 80 });
});

test("CMITimespan", () => {
  assert.equal(timespan(0), "0000:00:00.00");
  assert.equal(timespan(3723450), "0001:02:03.45");
});

test("the API is found up the parents, then through the opener", () => {
  const api = { LMSInitialize() {} };
  const top = { API: api }; top.parent = top;
  const middle = { parent: top };
  const frame = { parent: middle, top };
  assert.equal(findAPI(frame), api);
  const lone = {}; lone.parent = lone; lone.top = lone;
  assert.equal(findAPI(lone), null);
  const opener = { API: api }; opener.parent = opener;
  const popup = { opener }; popup.parent = popup; popup.top = popup;
  assert.equal(findAPI(popup), api);
});

function fakeApi(values = {}) {
  const calls = [];
  const data = { "cmi.core.lesson_status": "not attempted", ...values };
  return {
    calls, data,
    LMSInitialize: (a) => { calls.push(["LMSInitialize", a]); return "true"; },
    LMSGetValue: (k) => data[k] ?? "",
    LMSSetValue: (k, v) => { calls.push(["LMSSetValue", k, v]); data[k] = v; return "true"; },
    LMSCommit: (a) => { calls.push(["LMSCommit", a]); return "true"; },
    LMSFinish: (a) => { calls.push(["LMSFinish", a]); return "true"; }
  };
}

function fakeClock() {
  const clock = { time: 1767225600000, timers: [] };
  clock.now = () => clock.time;
  clock.setTimeout = (f, ms) => { const t = { f, at: clock.time + ms }; clock.timers.push(t); return t; };
  clock.clearTimeout = (t) => { clock.timers = clock.timers.filter((x) => x !== t); };
  clock.advance = (ms) => {
    clock.time += ms;
    clock.timers.filter((t) => t.at <= clock.time).forEach((t) => { clock.clearTimeout(t); t.f(); });
  };
  return clock;
}

test("session: incomplete at first, each answer committed within the delay, finish once", () => {
  const api = fakeApi();
  const clock = fakeClock();
  const session = createSession(api, course, clock);
  assert.equal(api.data["cmi.core.lesson_status"], "incomplete");
  assert.equal(api.data["cmi.core.exit"], "suspend");
  const commits = () => api.calls.filter((c) => c[0] === "LMSCommit").length;
  assert.equal(commits(), 1);
  session.backend.setItem(...answer("lesson:q-l1", "a", true, "fl1"));
  clock.advance(COMMIT_DELAY_MS - 1);
  session.backend.setItem(...answer("lesson:q-l2", ["b"], true, "fl2"));
  assert.equal(commits(), 1);
  clock.advance(1);
  assert.equal(commits(), 2);
  assert.ok(COMMIT_DELAY_MS <= 2000);
  assert.equal(api.data["cmi.core.lesson_status"], "completed");
  assert.equal(api.data["cmi.core.exit"], "");
  session.pageShown("book/lessons/02-x.html");
  clock.advance(COMMIT_DELAY_MS);
  assert.equal(api.data["cmi.core.lesson_location"], "book/lessons/02-x.html");
  session.finish();
  session.finish();
  assert.equal(api.calls.filter((c) => c[0] === "LMSFinish").length, 1);
  assert.equal(api.calls.filter((c) => c[0] === "LMSInitialize").length, 1);
  assert.match(api.data["cmi.core.session_time"], /^\d{4}:\d\d:\d\d\.\d\d$/);
});

test("session: resume restores the answers and the page from committed data only", () => {
  const first = fakeApi();
  const clock = fakeClock();
  const one = createSession(first, course, clock);
  one.backend.setItem(...answer("assessment:q-a4", { 2: "c" }, false, "fa4"));
  one.pageShown("book/self-assessment.html");
  one.finish();
  const again = fakeApi({ "cmi.core.entry": "resume", "cmi.suspend_data": first.data["cmi.suspend_data"],
    "cmi.core.lesson_location": first.data["cmi.core.lesson_location"], "cmi.core.lesson_status": "incomplete" });
  const two = createSession(again, course, fakeClock());
  assert.equal(two.resumeAt, "book/self-assessment.html");
  assert.deepEqual(JSON.parse(two.backend.getItem(PREFIX + "assessment:q-a4")).answer, { 2: "c" });
  assert.equal(two.backend.length, 1);
  assert.equal(two.backend.key(0), PREFIX + "assessment:q-a4");
});

test("session: a location that is not a page of the package resumes at the start", () => {
  for (const bad of ["https://example.org/x.html", "/etc/x.html", "../x.html", "javascript:alert(1)"]) {
    const session = createSession(fakeApi({ "cmi.core.lesson_location": bad }), course, fakeClock());
    assert.equal(session.resumeAt, "book/index.html", bad);
  }
});

// An answer shown in practice ("Show answer") is saved with revealed: true and correct: false.
const shown = (key, value, fingerprint) => [PREFIX + key, JSON.stringify({ answer: value, correct: false, fingerprint,
  time: "2026-01-01T00:00:00.000Z", question: key.split(":")[1], revealed: true })];

test("an answer shown in practice survives encode and decode as shown, with or without a choice", () => {
  const records = allAnswered(5);
  records.set(...shown("assessment:q-a1", "c", "fa1"));
  records.set(...shown("assessment:q-a3", null, "fa3"));
  records.set(...shown("lesson:q-l2", ["a", "c"], "fl2"));
  const back = decode(encode(records, course, 1767225600), course);
  const a1 = JSON.parse(back.get(PREFIX + "assessment:q-a1"));
  assert.deepEqual([a1.answer, a1.correct, a1.revealed], ["c", false, true]);
  const a3 = JSON.parse(back.get(PREFIX + "assessment:q-a3"));
  assert.deepEqual([a3.answer, a3.correct, a3.revealed], [null, false, true]);
  const l2 = JSON.parse(back.get(PREFIX + "lesson:q-l2"));
  assert.deepEqual([l2.answer, l2.correct, l2.revealed], [["a", "c"], false, true]);
  assert.equal(JSON.parse(back.get(PREFIX + "assessment:q-a2")).revealed, undefined, "an answer not shown stays unshown");
});

function memoryBackend(records) {
  const data = new Map(records);
  return {
    get length() { return data.size; },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem(k, v) { data.set(k, String(v)); },
    removeItem: (k) => { data.delete(k); }
  };
}

test("after a resume, a right answer whose answer was shown still counts as not known", () => {
  // q-a1 answered right after its answer was shown (so saved as not known), the rest right.
  const spec = { id: "q-a1", type: "single", fingerprint: "fa1",
    choices: [{ key: "a", correct: false, feedback: "" }, { key: "b", correct: false, feedback: "" },
      { key: "c", correct: true, feedback: "" }, { key: "d", correct: false, feedback: "" }],
    module: { id: "m1", number: 1, title: "M" }, lesson: { id: "l1", number: 1, title: "L" } };
  assert.equal(score(spec, "c").correct, true, "the choice itself is right");
  const records = allAnswered(5);
  records.set(...shown("assessment:q-a1", "c", "fa1"));
  records.set(...submitted(["fa1", "fa2", "fa3", "fa4", "fa5"]));
  const resumed = decode(encode(records, course, 1767225600), course);
  // The page reads the restored record through the store, as after an LMS resume.
  const store = createStore(memoryBackend(resumed), { add() {}, show() {}, unsaved() {} });
  const state = restore(initialState(), spec, store.read(PREFIX + "assessment:q-a1")).state;
  assert.deepEqual([state.revealed, state.result.correct, state.result.answered], [true, false, true]);
  const summary = summarise([{ spec, result: state.result, first: state.first, revealed: state.revealed }], null);
  assert.deepEqual([summary.correct, summary.revealed], [0, 1]);
  // and in the LMS's score: 4 of 5, not 5 of 5
  assert.deepEqual(courseReport(resumed, course, 80, ""), { status: "passed", score: 80 });
  assert.deepEqual(courseReport(records, course, 80, ""), { status: "passed", score: 80 });
});

test("suspend_data written before shown answers were carried (c1) is still read", () => {
  const c1 = encode(allAnswered(3), course, 1767225600).split(".").slice(0, 5);
  c1[0] = "c1";
  const back = decode(c1.join("."), course);
  assert.ok(back);
  assert.equal(back.size, 7);
  assert.equal(JSON.parse(back.get(PREFIX + "assessment:q-a4")).correct, false);
  assert.equal(JSON.parse(back.get(PREFIX + "assessment:q-a1")).correct, true);
});

test("the self-assessment's current attempt survives encode and decode", () => {
  const records = allAnswered(5);
  const attempt = { attempt: 3, ids: ["q-a5", "q-a2"], seen: ["q-a1", "q-a2", "q-a3"], time: "2026-01-03T00:00:00.000Z" };
  records.set(PREFIX + "attempt:self-assessment", JSON.stringify(attempt));
  records.set(...submitted(["fa5", "fa2"]));
  const back = decode(encode(records, course, 1767225600), course);
  const restored = JSON.parse(back.get(PREFIX + "attempt:self-assessment"));
  assert.deepEqual([restored.attempt, restored.ids, restored.seen], [3, attempt.ids, attempt.seen]);
  assert.equal(JSON.parse(back.get(PREFIX + "submitted:self-assessment")).fingerprints, "fa5,fa2");
  // a drawn set is scored as submitted: its two questions
  assert.deepEqual(courseReport(back, course, 80, ""), { status: "passed", score: 100 });
  // an attempt naming a question this build does not have is left out
  records.set(PREFIX + "attempt:self-assessment", JSON.stringify({ ...attempt, ids: ["q-gone"] }));
  assert.equal(decode(encode(records, course, 0), course).get(PREFIX + "attempt:self-assessment"), undefined);
});

test("the whole course with every answer shown, a submission and a late attempt fits in suspend_data", () => {
  const big = { ...course, slots: [], exams: [["self-assessment", "assessment"]] };
  const records = new Map();
  const ids = [];
  for (let i = 0; i < 400; i++) {
    const id = "q-" + String(i).padStart(3, "0");
    const store = i < 100 ? "assessment" : "lesson";
    if (i < 100) { ids.push(id); }
    big.slots.push([store + ":" + id, "f" + i, "matching", ["a", "b", "c", "d"], ["1", "2", "3", "4"]]);
    records.set(...shown(store + ":" + id, { 1: "a", 2: "b", 3: "c", 4: "d" }, "f" + i));
  }
  records.set(PREFIX + "submitted:self-assessment", JSON.stringify({ fingerprints: ids.slice(0, 20).map((id) => "f" + Number(id.slice(2))).join(","),
    time: "2026-01-02T00:00:00.000Z" }));
  records.set(PREFIX + "attempt:self-assessment", JSON.stringify({ attempt: 30, ids: ids.slice(0, 20), seen: ids, time: "2026-01-02T00:00:00.000Z" }));
  const text = encode(records, big, 1767225600);
  assert.ok(text.length < SUSPEND_DATA_LIMIT, `${text.length} characters`);
  const back = decode(text, big);
  assert.equal(JSON.parse(back.get(PREFIX + "attempt:self-assessment")).seen.length, 100);
  assert.equal(JSON.parse(back.get(PREFIX + "lesson:q-399")).revealed, true);
});
