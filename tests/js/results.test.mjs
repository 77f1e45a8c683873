// The self-assessment's results (results.js) against Python's AssessmentResult for the same
// responses, and progress across the course (progress.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { lessonStatus, lessonsCompleted } from "../../src/compact_course/static/src/progress.js";
import { percent, resultsCsv, resultsJson, summarise } from "../../src/compact_course/static/src/results.js";
import { score } from "../../src/compact_course/static/src/scoring.js";
import { PREFIX } from "../../src/compact_course/static/src/storage.js";
import { python } from "./fixtures.mjs";

// What quiz.js hands summarise: each question's spec and its last answered result, or null.
function attempt(summary) {
  return summary.specs.map((spec) => {
    const response = summary.responses[spec.id];
    const result = response === undefined ? null : score(spec, response);
    return { spec, result: result && result.answered ? result : null };
  });
}

test("the results CSV is byte for byte Python's", () => {
  const { summary } = python;
  assert.equal(resultsCsv(summarise(attempt(summary)), summary.title), summary.csv);
});

test("the results JSON has Python's content plus the date", () => {
  const { summary } = python;
  const data = resultsJson(summarise(attempt(summary)), summary.title, "2026-01-01T00:00:00.000Z");
  const { date, ...rest } = data;
  assert.equal(date, "2026-01-01T00:00:00.000Z");
  assert.deepEqual(rest, summary.dict);
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
    [PREFIX + "lesson:q-a-01"]: { fingerprint: "fa", correct: true },
    [PREFIX + "lesson:q-a-02"]: { fingerprint: "old", correct: true },
    [PREFIX + "lesson:q-b-01"]: { fingerprint: "fc", correct: false }
  };
  const read = (key) => saved[key] || null;
  const rows = lessonStatus(manifest, read);
  assert.deepEqual(rows.map((r) => [r.lesson.id, r.answered, r.correct, r.changed, r.status]), [
    ["l1", 1, 1, 1, "In progress"], ["l2", 1, 0, 0, "Done"], ["l3", 0, 0, 0, "Not started"]]);
  assert.deepEqual(lessonsCompleted(manifest, read).map((l) => l.id), ["l2"]);
  assert.equal(lessonsCompleted(null, read), null);
});
