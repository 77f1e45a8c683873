// The self-assessment's results (results.js) against Python's AssessmentResult for the same
// responses, and progress across the course (progress.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { lessonStatus, lessonsCompleted, lessonsNotStudied } from "../../src/compact_course/static/src/progress.js";
import { percent, resultsCsv, resultsJson, summarise } from "../../src/compact_course/static/src/results.js";
import { score } from "../../src/compact_course/static/src/scoring.js";
import { PREFIX } from "../../src/compact_course/static/src/storage.js";
import { python } from "./fixtures.mjs";

// What quiz.js hands summarise: each question's spec, its submitted result (or null) and its
// first attempt (here the submitted one).
function attempt(summary) {
  return summary.specs.map((spec) => {
    const response = summary.responses[spec.id];
    const result = response === undefined ? null : score(spec, response);
    const counted = result && result.answered ? result : null;
    return { spec, result: counted, first: counted ? { correct: counted.correct } : null };
  });
}

// The lessons not yet studied, from the same saved lesson records Python's progress has.
function notStudied(summary) {
  return lessonsNotStudied(summary.manifest, (key) => summary.records[key] || null);
}

test("the results CSV is byte for byte Python's: date, plain titles, lessons, first attempts", () => {
  const { summary } = python;
  const csv = resultsCsv(summarise(attempt(summary), notStudied(summary)), summary.title, summary.date);
  assert.equal(csv, summary.csv);
  const header = csv.split("\n")[0];
  assert.equal(header, "date,scope,module,lesson,number,title,correct,answered,total,percent,status,first_correct,first_answered");
  assert.ok(csv.split("\n").slice(1, -1).every((row) => row.startsWith(summary.date + ",")));
  assert.ok(!/Module \d|Lesson \d/.test(csv));
});

test("the results JSON is Python's, lessons not yet studied included", () => {
  const { summary } = python;
  const data = resultsJson(summarise(attempt(summary), notStudied(summary)), summary.title, summary.date);
  assert.deepEqual(data, summary.dict);
  assert.ok(data.not_studied.length > 0);
  assert.ok(data.not_studied.every((l) => l.number > 2));  // lessons 1 and 2 have answers
});

test("nothing answered: not attempted, and every lesson to revise", () => {
  const questions = python.summary.specs.map((spec) => ({ spec, result: null }));
  const s = summarise(questions);
  assert.deepEqual([s.correct, s.answered, s.total, s.percent, s.status], [0, 0, questions.length, 0, "not attempted"]);
  assert.ok(s.modules.every((m) => m.status === "not attempted"));
  assert.equal(s.advice.reduce((n, l) => n + l.missed, 0), questions.length);
});

test("percent rounds halves up and gives 0 for nothing", () => {
  assert.deepEqual([percent(1, 8), percent(5, 8), percent(2, 3), percent(1, 3), percent(0, 0)], [13, 63, 67, 33, 0]);
});

test("lesson progress counts current answers only and flags changed questions", () => {
  const manifest = { modules: [{ id: "m1", number: 1, title: "M", lessons: [
    { id: "l1", number: 1, title: "A", href: "a.html", questions: [{ id: "q-a-01", fingerprint: "fa" }, { id: "q-a-02", fingerprint: "fb" }] },
    { id: "l2", number: 2, title: "B", href: "b.html", questions: [{ id: "q-b-01", fingerprint: "fc" }] },
    { id: "l3", number: 3, title: "C", href: "c.html", questions: [{ id: "q-c-01", fingerprint: "fd" }] }
  ] }] };
  const saved = {
    [PREFIX + "lesson:q-a-01"]: { fingerprint: "fa", correct: true, answer: "a", first: { answer: "b", correct: false } },
    [PREFIX + "lesson:q-a-02"]: { fingerprint: "old", correct: true, answer: "a" },
    [PREFIX + "lesson:q-b-01"]: { fingerprint: "fc", correct: false, answer: "b" },
    [PREFIX + "lesson:q-c-01"]: { fingerprint: "fd", correct: false, answer: null, first: { answer: "a", correct: true } }
  };
  const read = (key) => saved[key] || null;
  const rows = lessonStatus(manifest, read);
  assert.deepEqual(rows.map((r) => [r.lesson.id, r.answered, r.correct, r.changed, r.status, r.first]), [
    ["l1", 1, 1, 1, "some", { answered: 1, correct: 0 }], ["l2", 1, 0, 0, "all", { answered: 0, correct: 0 }],
    ["l3", 0, 0, 0, "none", { answered: 1, correct: 1 }]]);  // l3's answer was cleared: it counts nowhere
  assert.deepEqual(lessonsCompleted(manifest, read).map((l) => l.id), ["l2"]);
  assert.deepEqual(lessonsNotStudied(manifest, read).map((l) => l.id), ["l3"]);
  assert.equal(lessonsCompleted(null, read), null);
});
