// Question-level results (cmi.interactions) and the SCORM 2004 dialect, over fake run-times.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PREFIX } from "../../src/compact_course/static/src/storage.js";
import { findAPI, isoDuration } from "../../src/compact_course/static/src/scorm-api.js";
import { createSession } from "../../src/compact_course/static/src/scorm-session.js";
import { interactionValues } from "../../src/compact_course/static/src/scorm-interactions.js";

const slots = [
  ["assessment:q-a1", "fa1", "single", ["a", "b", "c", "d"], []],
  ["assessment:q-a2", "fa2", "multiple", ["a", "b", "c", "d", "e"], []],
  ["assessment:q-a3", "fa3", "true-false", ["true", "false"], []],
  ["assessment:q-a4", "fa4", "matching", ["a", "b", "c", "d"], ["1", "2", "3"]],
  ["lesson:q-l1", "fl1", "single", ["a", "b"], []]
];
const course12 = { version: 1, start: "book/index.html", mastery: 80, slots,
  exams: [["self-assessment", "assessment"]] };
const course2004 = { ...course12, scorm: "2004" };
const TIME = "2026-01-01T10:20:30.000Z";
const specs = {
  "assessment:q-a1": { type: "single", choices: [{ key: "a" }, { key: "c", correct: true }] },
  "assessment:q-a2": { type: "multiple", choices: [{ key: "e", correct: true }, { key: "b", correct: true }, { key: "a" }] },
  "assessment:q-a3": { type: "true-false", choices: [{ key: "true" }, { key: "false", correct: true }] },
  "assessment:q-a4": { type: "matching", choices: [], items: [{ key: "1", answer: "d" }, { key: "2", answer: "c" },
    { key: "3", answer: "a" }] },
  "lesson:q-l1": { type: "single", choices: [{ key: "a", correct: true }, { key: "b" }] }
};

const record = (key, answer, correct, fingerprint, time) => [PREFIX + key,
  JSON.stringify({ answer, correct, fingerprint, time: time || TIME, question: key.split(":")[1] })];

function fake12(values) {
  const calls = [];
  const data = { "cmi.core.lesson_status": "not attempted", ...values };
  return { calls, data,
    LMSInitialize: () => "true", LMSGetValue: (k) => data[k] ?? "",
    LMSSetValue: (k, v) => { calls.push([k, v]); data[k] = v; return "true"; },
    LMSCommit: () => { calls.push(["commit"]); return "true"; }, LMSFinish: () => "true" };
}

function fake2004(values) {
  const calls = [];
  const data = { "cmi.completion_status": "unknown", "cmi.success_status": "unknown", ...values };
  return { calls, data,
    Initialize: () => "true", GetValue: (k) => data[k] ?? "",
    SetValue: (k, v) => { calls.push([k, v]); data[k] = v; return "true"; },
    Commit: () => { calls.push(["commit"]); return "true"; }, Terminate: () => { calls.push(["terminate"]); return "true"; } };
}

const clock = () => ({ now: () => Date.parse(TIME), setTimeout: () => 1, clearTimeout: () => {} });

function takeAssessment(session, rightCount) {
  Object.entries(specs).forEach(([key, spec]) => session.questionSeen(key, spec));
  const rows = [
    record("assessment:q-a1", "c", true, "fa1"),
    record("assessment:q-a2", ["b", "e"], true, "fa2"),
    record("assessment:q-a3", "false", true, "fa3"),
    record("assessment:q-a4", { 1: "d", 3: "a" }, false, "fa4")
  ];
  rows.forEach((row, i) => {
    const value = JSON.parse(row[1]);
    value.correct = i < rightCount;
    session.backend.setItem(row[0], JSON.stringify(value));
  });
  session.backend.setItem(PREFIX + "submitted:self-assessment",
    JSON.stringify({ fingerprints: "fa1,fa2,fa3,fa4", time: TIME, quiz: "self-assessment" }));
  session.commitNow();
}

// interaction n's elements as {element: value}, from what the fake LMS holds.
function interaction(data, n) {
  const out = {};
  Object.keys(data).filter((k) => k.indexOf("cmi.interactions." + n + ".") === 0)
    .forEach((k) => { out[k.slice(("cmi.interactions." + n + ".").length)] = data[k]; });
  return out;
}

test("SCORM 1.2: each submitted answer is one interaction in 1.2's formats, committed with the score", () => {
  const api = fake12();
  const session = createSession(api, course12, clock());
  takeAssessment(session, 3);
  const commit = api.calls.map((c) => c[0]).lastIndexOf("commit");
  const score = api.calls.findIndex((c) => c[0] === "cmi.core.score.raw");
  const lastInteraction = api.calls.map((c) => c[0].indexOf("cmi.interactions.") === 0).lastIndexOf(true);
  assert.ok(score < commit && lastInteraction < commit);
  assert.equal(api.data["cmi.core.score.raw"], "75");
  const at = new Date(Date.parse(TIME));
  const time = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
  assert.deepEqual(interaction(api.data, 0), { id: "q-a1", type: "choice", time, weighting: "1",
    "correct_responses.0.pattern": "c", student_response: "c", result: "correct" });
  assert.equal(interaction(api.data, 1)["correct_responses.0.pattern"], "b,e");
  assert.equal(interaction(api.data, 1).student_response, "b,e");
  assert.equal(interaction(api.data, 2).type, "true-false");
  assert.equal(interaction(api.data, 2).student_response, "f");
  assert.equal(interaction(api.data, 2)["correct_responses.0.pattern"], "f");
  assert.equal(interaction(api.data, 3).type, "matching");
  assert.equal(interaction(api.data, 3).student_response, "1.d,3.a");
  assert.equal(interaction(api.data, 3)["correct_responses.0.pattern"], "1.d,2.c,3.a");
  assert.equal(interaction(api.data, 3).result, "wrong");
  assert.deepEqual(interaction(api.data, 4), {});
  // Committing again writes nothing new; a lesson answer is one more record.
  session.commitNow();
  assert.deepEqual(interaction(api.data, 4), {});
  session.backend.setItem(...record("lesson:q-l1", "b", false, "fl1", "2026-01-01T11:00:00.000Z"));
  session.commitNow();
  assert.equal(interaction(api.data, 4).id, "q-l1");
  assert.equal(interaction(api.data, 4).result, "wrong");
  assert.equal(interaction(api.data, 4)["correct_responses.0.pattern"], "a");
});

test("resuming does not report again what suspend_data holds; a new submission is reported after the old", () => {
  const first = fake12();
  const one = createSession(first, course12, clock());
  takeAssessment(one, 4);
  one.finish();
  const written = Object.keys(first.data).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
  assert.equal(written, 4);
  const again = fake12({ "cmi.suspend_data": first.data["cmi.suspend_data"], "cmi.core.lesson_status": "passed",
    "cmi.interactions._count": String(written) });
  const two = createSession(again, course12, clock());
  two.commitNow();
  assert.deepEqual(again.calls.filter((c) => c[0].indexOf("cmi.interactions.") === 0), []);
  two.backend.setItem(PREFIX + "submitted:self-assessment",
    JSON.stringify({ fingerprints: "fa1,fa2,fa3,fa4", time: "2026-01-03T00:00:00.000Z", quiz: "self-assessment" }));
  two.commitNow();
  assert.equal(again.data["cmi.interactions.4.id"], "q-a1");
  assert.equal(again.data["cmi.interactions.7.id"], "q-a4");
  assert.equal(again.data["cmi.interactions.3.id"], undefined);
});

test("SCORM 2004: completion and success apart, scaled score, 2004's response formats", () => {
  const api = fake2004({ "cmi.scaled_passing_score": "0.7" });
  const session = createSession(api, course2004, clock());
  assert.equal(api.data["cmi.completion_status"], "incomplete");
  assert.equal(api.data["cmi.success_status"], "unknown");
  assert.equal(api.data["cmi.exit"], "suspend");
  takeAssessment(session, 3);
  assert.equal(api.data["cmi.success_status"], "passed");  // 75% against the LMS's 0.7
  assert.equal(api.data["cmi.completion_status"], "completed");
  assert.equal(api.data["cmi.score.scaled"], "0.75");
  assert.equal(api.data["cmi.score.raw"], "75");
  assert.equal(interaction(api.data, 1).learner_response, "b[,]e");
  assert.equal(interaction(api.data, 2).learner_response, "false");
  assert.equal(interaction(api.data, 3)["correct_responses.0.pattern"], "1[.]d[,]2[.]c[,]3[.]a");
  assert.equal(interaction(api.data, 3).result, "incorrect");
  assert.equal(interaction(api.data, 0).timestamp, "2026-01-01T10:20:30.00Z");
  assert.match(api.data["cmi.session_time"], /^PT\d+H\d+M\d+\.\d\dS$/);
  session.finish();
  assert.equal(api.data["cmi.exit"], "normal");
  assert.equal(api.calls.filter((c) => c[0] === "terminate").length, 1);
});

test("SCORM 2004: a failed result is not lowered on resume, and the 2004 API is the one found", () => {
  const api = fake2004({ "cmi.success_status": "failed", "cmi.completion_status": "completed" });
  createSession(api, course2004, clock());
  assert.equal(api.data["cmi.success_status"], "failed");
  const win = { API: fake12(), API_1484_11: api };
  win.parent = win;
  assert.equal(findAPI(win, "API_1484_11"), api);
  assert.equal(findAPI(win), win.API);
  assert.equal(findAPI({ parent: null, API: fake12() }, "API_1484_11"), null);
  assert.equal(isoDuration(3723450), "PT1H2M3.45S");
});

test("an answer whose page was never shown is reported without a correct pattern", () => {
  const values = interactionValues("1.2", 7, slots[4], { answer: "a", correct: true, time: TIME }, null);
  const names = values.map(([name]) => name);
  assert.equal(names[0], "cmi.interactions.7.id");
  assert.equal(names[1], "cmi.interactions.7.type");
  assert.ok(!names.includes("cmi.interactions.7.correct_responses.0.pattern"));
  assert.deepEqual(values[values.length - 1], ["cmi.interactions.7.result", "correct"]);
});

test("options are reported by the letter of their place on the page, not their key in the bank", () => {
  const slot = ["assessment:q-x", "fx", "multiple", ["c", "a", "d", "b"], []];
  const values = Object.fromEntries(interactionValues("1.2", 0, slot,
    { answer: ["a", "b"], correct: false, time: TIME }, ["c", "d"]));
  assert.equal(values["cmi.interactions.0.student_response"], "b,d");
  assert.equal(values["cmi.interactions.0.correct_responses.0.pattern"], "a,c");
});
