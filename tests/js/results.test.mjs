// The self-assessment's results (results.js): tallies, advice, CSV and JSON, answers shown
// counting as not known, and progress across the course (progress.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { lessonStatus, lessonsCompleted, lessonsNotStudied } from "../../src/compact_course/static/src/progress.js";
import { percent, resultsCsv, resultsJson, summarise } from "../../src/compact_course/static/src/results.js";
import { score } from "../../src/compact_course/static/src/scoring.js";
import { PREFIX } from "../../src/compact_course/static/src/storage.js";
import { course, rightAnswer } from "./fixtures.mjs";

// Every fourth question answered wrongly, every fifth unanswered, the rest right: what quiz.js
// hands summarise (each question's spec, its submitted result or null, its first attempt).
const { summary } = course;
const DATE = "2026-01-02";

function wrong(spec) {
  if (spec.type === "multiple") { return [spec.choices.find((c) => !c.correct).key]; }
  if (spec.type === "matching") { return Object.fromEntries(spec.items.map((i, n) => [i.key, spec.items[(n + 1) % spec.items.length].answer])); }
  return spec.choices.find((c) => !c.correct).key;
}

function attempt(revealedIds) {
  return summary.specs.map((spec, index) => {
    const revealed = (revealedIds || []).indexOf(spec.id) >= 0;
    if (index % 5 === 1) { return { spec, result: null, first: null, revealed }; }
    let result = score(spec, index % 4 === 0 ? wrong(spec) : rightAnswer(spec));
    if (revealed) { result = { ...result, correct: false, revealed: true }; }
    return { spec, result, first: { correct: result.correct }, revealed };
  });
}

// Lessons 1 and 2 studied (lesson 2 only in part): the lessons not yet studied are the others.
function notStudied() {
  const lessons = summary.manifest.modules.flatMap((m) => m.lessons);
  const records = {};
  lessons.slice(0, 2).forEach((lesson, n) => {
    lesson.questions.slice(0, n === 1 ? 1 : undefined).forEach((q) => {
      records[PREFIX + "lesson:" + q.id] = { fingerprint: q.fingerprint, answer: "a", correct: true };
    });
  });
  return lessonsNotStudied(summary.manifest, (key) => records[key] || null);
}

const expected = (() => {
  const specs = summary.specs;
  const answered = specs.filter((_, i) => i % 5 !== 1).length;
  const correct = specs.filter((_, i) => i % 5 !== 1 && i % 4 !== 0).length;
  return { answered, correct, total: specs.length };
})();

test("the results CSV: a row per module and per lesson, then overall, with the date and plain titles", () => {
  const s = summarise(attempt(), notStudied());
  const csv = resultsCsv(s, summary.title, DATE);
  const rows = csv.trimEnd().split("\n");
  assert.equal(rows[0], "date,scope,module,lesson,number,title,correct,answered,total,percent,status,first_correct,first_answered");
  assert.equal(rows.length, 1 + s.modules.length + s.lessons.length + 1);
  assert.ok(rows.slice(1).every((row) => row.startsWith(DATE + ",")));
  assert.ok(!/Module \d|Lesson \d/.test(csv));
  const overall = rows[rows.length - 1].split(",");
  assert.deepEqual(overall.slice(1, 2).concat(overall.slice(-7, -3)),
    ["overall", String(expected.correct), String(expected.answered), String(expected.total),
      String(percent(expected.correct, expected.total))]);
  const moduleRows = rows.filter((r) => r.split(",")[1] === "module");
  assert.equal(moduleRows.reduce((n, r) => n + Number(r.split(",").slice(-7)[0]), 0), expected.correct);
});

test("the results JSON carries the tallies, each question's outcome and the lessons not yet studied", () => {
  const data = resultsJson(summarise(attempt(), notStudied()), summary.title, DATE);
  assert.deepEqual([data.overall.correct, data.overall.answered, data.overall.total],
    [expected.correct, expected.answered, expected.total]);
  assert.equal(data.questions.length, expected.total);
  assert.equal(data.questions.filter((q) => q.status === "unanswered").length, expected.total - expected.answered);
  assert.ok(data.not_studied.length > 0);
  assert.ok(data.not_studied.every((l) => l.number > 2));  // lessons 1 and 2 have answers
  assert.equal(data.advice.reduce((n, l) => n + l.missed, 0), expected.total - expected.correct);
});

test("an answer the learner chose to see counts as not known in the tallies, the CSV and the JSON", () => {
  const rightIds = summary.specs.filter((_, i) => i % 5 !== 1 && i % 4 !== 0).map((s) => s.id);
  const shown = rightIds.slice(0, 2);
  const s = summarise(attempt(shown), notStudied());
  assert.equal(s.correct, expected.correct - 2);
  assert.equal(s.revealed, 2);
  const data = resultsJson(s, summary.title, DATE);
  assert.equal(data.revealed, 2);
  assert.deepEqual(data.questions.filter((q) => q.revealed).map((q) => [q.question, q.correct]),
    shown.map((id) => [id, false]));
  const overall = resultsCsv(s, summary.title, DATE).trimEnd().split("\n").pop().split(",");
  assert.equal(overall.slice(-7)[0], String(expected.correct - 2));
});

test("nothing answered: not attempted, and every lesson to revise", () => {
  const questions = course.summary.specs.map((spec) => ({ spec, result: null }));
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
