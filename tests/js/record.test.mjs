// The record of learning (record.js) and its CSV (csv.js): the course's name and the pass mark
// from the course's data, each lesson quiz's result with an answer shown counted as not known,
// the dates, and a CSV a spreadsheet opens safely (quoted names, no formulas).
import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell } from "../../src/compact_course/static/src/csv.js";
import { RECORD_COLUMNS, activitySpan, learningRecord, recordCsv } from "../../src/compact_course/static/src/record.js";
import { PREFIX } from "../../src/compact_course/static/src/storage.js";
import { text } from "../../src/compact_course/static/src/text.js";
import { course } from "./fixtures.mjs";

const manifest = course.summary.manifest;  // the real course's manifest (modules, mastery, course)
const [first, second] = manifest.modules[0].lessons;
const TODAY = "2026-12-05";

// A store over a plain object, as storage.js's createStore offers it to the record.
function storeOf(records) {
  return { keys: () => Object.keys(records), read: (key) => records[key] || null };
}

const at = (day) => "2026-12-0" + day + "T12:00:00.000Z";  // midday: the same date in every time zone
const lessonKey = (q) => PREFIX + "lesson:" + q.id;

// Lesson 1: right first time; right, then the answer shown (not known); wrong first, right now.
// Lesson 2: the answer shown before any answer; one saved for an earlier version of its question.
function saved(submission) {
  const [a, b, c] = first.questions;
  const [d, e] = second.questions;
  const records = {
    [lessonKey(a)]: { fingerprint: a.fingerprint, answer: "a", correct: true, time: at(2), first: { answer: "a", correct: true, time: at(2) } },
    [lessonKey(b)]: { fingerprint: b.fingerprint, answer: "b", correct: false, revealed: true, time: at(3),
      first: { answer: "b", correct: true, time: at(3) } },
    [lessonKey(c)]: { fingerprint: c.fingerprint, answer: "c", correct: true, time: at(4), first: { answer: "d", correct: false, time: at(1) } },
    [lessonKey(d)]: { fingerprint: d.fingerprint, answer: null, correct: false, revealed: true, time: at(4),
      first: { answer: null, correct: false, time: at(4) } },
    [lessonKey(e)]: { fingerprint: "an earlier version", answer: "a", correct: true, time: at(4) },
    "another-app:key": { time: "2001-01-01T00:00:00.000Z" }  // not the course's: no date of its
  };
  if (submission) { records[PREFIX + "submitted:self-assessment"] = { fingerprints: "x", time: at(6), ...submission }; }
  return records;
}

const SUBMITTED = { title: "Final self-assessment", date: "2026-12-06", correct: 9, answered: 14, total: 15, percent: 60 };

test("the record carries the course's name and pass mark from the data, and each lesson quiz's result", () => {
  const record = learningRecord(manifest, storeOf(saved(SUBMITTED)), "  Sam Learner ", TODAY);
  assert.equal(record.course, "Working with the Compact");
  assert.equal(record.learner, "Sam Learner");
  assert.deepEqual(record.dates, { started: "2026-12-01", last: "2026-12-06", record: TODAY });
  assert.deepEqual(record.modules.map((m) => m.id), manifest.modules.map((m) => m.id));
  assert.equal(record.modules.flatMap((m) => m.lessons).length, manifest.modules.flatMap((m) => m.lessons).length);
  const [one, two] = record.modules[0].lessons;
  // The shown answer was right, but counts as not known; it was right the first time.
  assert.deepEqual([one.answered, one.right, one.total, one.first, one.shown, one.status],
    [3, 2, first.questions.length, { right: 2, answered: 3 }, 1, one.answered === one.total ? "all" : "some"]);
  assert.deepEqual([two.answered, two.right, two.first, two.shown], [0, 0, { right: 0, answered: 1 }, 1]);
  const module = record.modules[0];
  assert.deepEqual([module.answered, module.right, module.shown], [3, 2, 2]);
  assert.ok(record.modules.slice(1).every((m) => m.answered === 0 && m.status === "none"));
  assert.deepEqual(record.assessment, { taken: true, title: "Final self-assessment", date: "2026-12-06", correct: 9,
    answered: 14, total: 15, percent: 60, mastery: manifest.mastery, passed: 60 >= manifest.mastery });
  assert.equal(manifest.mastery, 80);  // data/assessment.yaml's mastery_score
  assert.equal(record.assessment.passed, false);
  assert.equal(learningRecord(manifest, storeOf(saved({ ...SUBMITTED, percent: 80 })), "", TODAY).assessment.passed, true);
});

test("nothing saved: no dates of activity and the self-assessment not taken, with its pass mark", () => {
  const record = learningRecord(manifest, storeOf({}), "", TODAY);
  assert.deepEqual(record.dates, { started: "", last: "", record: TODAY });
  assert.deepEqual(record.assessment, { taken: false, mastery: 80, passed: null });
  assert.ok(record.modules.every((m) => m.answered === 0 && m.lessons.every((l) => l.right === 0)));
});

test("the activity span takes first attempts and answers, and only the course's records", () => {
  const records = saved(null);
  assert.deepEqual(activitySpan(Object.keys(records), (k) => records[k] || null), { started: "2026-12-01", last: "2026-12-04" });
});

// RFC 4180, as a spreadsheet reads it.
function parseCsv(textIn) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i];
    if (quoted) {
      if (ch === '"' && textIn[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') { quoted = false; } else { cell += ch; }
    } else if (ch === '"') { quoted = true; } else if (ch === ",") { row.push(cell); cell = ""; } else if (ch === "\r" && textIn[i + 1] === "\n") {
      row.push(cell); rows.push(row); row = []; cell = ""; i++;
    } else { cell += ch; }
  }
  assert.equal(cell, ""); assert.deepEqual(row, []);  // ends with a line break
  return rows;
}

test("the CSV: the learner, the course and the dates on every row, a row per module and lesson, then the self-assessment", () => {
  const name = 'Smith, Jo "JJ"';
  const csv = recordCsv(learningRecord(manifest, storeOf(saved(SUBMITTED)), name, TODAY), text());
  assert.ok(csv.startsWith("\ufeff"));
  const rows = parseCsv(csv.slice(1));
  assert.deepEqual(rows[0], RECORD_COLUMNS);
  const lessons = manifest.modules.flatMap((m) => m.lessons);
  assert.equal(rows.length, 1 + manifest.modules.length + lessons.length + 1);
  const byName = rows.slice(1).map((r) => Object.fromEntries(RECORD_COLUMNS.map((c, i) => [c, r[i]])));
  assert.ok(byName.every((r) => r.learner === name && r.course === "Working with the Compact" &&
    r.started === "2026-12-01" && r.last_activity === "2026-12-06" && r.record_date === TODAY));
  const lesson1 = byName.find((r) => r.scope === "lesson" && r.lesson === first.id);
  assert.deepEqual([lesson1.number, lesson1.title, lesson1.answered, lesson1.right, lesson1.total, lesson1.first_right,
    lesson1.answers_shown], [String(first.number), first.title, "3", "2", String(first.questions.length), "2", "1"]);
  assert.equal(lesson1.result, text().progress["status_" + (first.questions.length === 3 ? "all" : "some")]);
  assert.equal(byName.filter((r) => r.scope === "lesson").length, lessons.length);
  const last = byName[byName.length - 1];
  assert.deepEqual([last.scope, last.title, last.right, last.total, last.percent, last.pass_mark, last.result],
    ["self-assessment", "Final self-assessment", "9", "15", "60", "80", text().record.result_not_passed]);
  const notTaken = parseCsv(recordCsv(learningRecord(manifest, storeOf({}), "", TODAY), text()).slice(1)).pop();
  assert.deepEqual([notTaken[5], notTaken[RECORD_COLUMNS.indexOf("pass_mark")], notTaken[RECORD_COLUMNS.indexOf("result")]],
    ["self-assessment", "80", text().record.result_not_taken]);
});

test("a name a spreadsheet would take for a formula is written as text", () => {
  ["=HYPERLINK(\"http://x\",\"y\")", "+44 1234", "-2+3", "@SUM(A1)"].forEach((name) => {
    const csv = recordCsv(learningRecord(manifest, storeOf({}), name, TODAY), text());
    const cell = parseCsv(csv.slice(1))[1][0];
    assert.equal(cell, "'" + name.trim(), name);
  });
  assert.equal(csvCell("=1+1"), "'=1+1");
  assert.equal(csvCell("\tTab"), "'\tTab");
  assert.equal(csvCell('say "hi", then go'), '"say ""hi"", then go"');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell(" padded "), '" padded "');
  assert.equal(csvCell(-3), "-3");  // a number is a number
  assert.equal(csvCell(null), "");
  assert.equal(csvCell("Plain"), "Plain");
});
