/* The record of learning, as data, and its CSV (issue 28): the course's name (the manifest's
 * `course`, the book's title), the learner's name as typed, the dates (the first and the latest
 * saved answer, and the record's own date), each lesson quiz's result by module (answered, right,
 * right first time, answers shown: progress.js, where a shown answer counts as not known) and the
 * latest self-assessment with the pass mark (the manifest's `mastery`, data/assessment.yaml).
 * Pure: `read(key)` gives a saved record or null, `keys` the saved keys.
 */

import { csvText } from "./csv.js";
import { STATUS, latestSubmission, lessonStatus } from "./progress.js";
import { isoDate, percent } from "./results.js";
import { validatorFor } from "./storage.js";

export const RECORD_COLUMNS = ["learner", "course", "started", "last_activity", "record_date", "scope", "module",
  "lesson", "number", "title", "answered", "right", "total", "first_right", "first_answered", "answers_shown",
  "percent", "pass_mark", "result"];

// The local calendar date of an ISO time as YYYY-MM-DD ("" for none).
export function localDate(iso) {
  if (!iso) { return ""; }
  const when = new Date(iso);
  return isNaN(when.getTime()) ? "" : isoDate(when);
}

// The earliest and the latest time among the saved records this version reads (answers, first
// attempts, submitted self-assessments).
export function activitySpan(keys, read) {
  let started = "";
  let last = "";
  keys.filter((key) => validatorFor(key)).forEach((key) => {
    const record = read(key);
    if (!record) { return; }
    [record.time, record.first && record.first.time].forEach((time) => {
      if (typeof time !== "string" || !time) { return; }
      if (!started || time < started) { started = time; }
      if (!last || time > last) { last = time; }
    });
  });
  return { started: localDate(started), last: localDate(last) };
}

function lessonResult(row) {
  return { id: row.lesson.id, number: row.lesson.number, title: row.lesson.title, answered: row.answered,
    right: row.correct, total: row.total, first: { right: row.first.correct, answered: row.first.answered },
    shown: row.revealed, status: row.status };
}

const add = (sum, l) => ({ answered: sum.answered + l.answered, right: sum.right + l.right, total: sum.total + l.total,
  first: { right: sum.first.right + l.first.right, answered: sum.first.answered + l.first.answered },
  shown: sum.shown + l.shown });
const NONE = { answered: 0, right: 0, total: 0, first: { right: 0, answered: 0 }, shown: 0 };

function moduleResults(manifest, read) {
  const rows = lessonStatus(manifest, read);
  return manifest.modules.map((module) => {
    const lessons = rows.filter((r) => r.module === module).map(lessonResult);
    const sum = lessons.reduce(add, NONE);
    const status = sum.answered === 0 ? STATUS.none : (sum.answered === sum.total ? STATUS.all : STATUS.some);
    return { id: module.id, number: module.number, title: module.title, ...sum, status, lessons };
  });
}

// The latest self-assessment and the pass mark: passed is null when it was not taken.
function assessmentResult(keys, read, mastery) {
  const latest = latestSubmission(keys, read);
  if (!latest) { return { taken: false, mastery, passed: null }; }
  const date = latest.date || localDate(latest.time);
  return { taken: true, title: latest.title || "", date, correct: latest.correct, answered: latest.answered,
    total: latest.total, percent: latest.percent, mastery,
    passed: typeof mastery === "number" ? latest.percent >= mastery : null };
}

// manifest: the course manifest; learner: the name typed (not saved); today: YYYY-MM-DD.
export function learningRecord(manifest, store, learner, today) {
  const keys = store.keys();
  const span = activitySpan(keys, store.read);
  return {
    course: manifest.course || "", learner: (learner || "").trim(),
    dates: { started: span.started, last: span.last, record: today },
    modules: moduleResults(manifest, store.read),
    assessment: assessmentResult(keys, store.read, manifest.mastery)
  };
}

// words: the interface text (data/interface.yaml): a lesson's status in progress.status_*, the
// self-assessment's result in record.result_*.
function lessonCells(scope, module, item, words) {
  return [scope, module.id, scope === "lesson" ? item.id : "", item.number, item.title, item.answered, item.right,
    item.total, item.first.right, item.first.answered, item.shown, percent(item.right, item.total), "",
    words.progress["status_" + item.status]];
}

function assessmentCells(a, words) {
  const result = !a.taken ? words.record.result_not_taken
    : (a.passed ? words.record.result_passed : words.record.result_not_passed);
  const mark = typeof a.mastery === "number" ? a.mastery : "";
  return a.taken
    ? ["self-assessment", "", "", "", a.title, a.answered, a.correct, a.total, "", "", "", a.percent, mark, result]
    : ["self-assessment", "", "", "", "", "", "", "", "", "", "", "", mark, result];
}

// One row per module and per lesson quiz, then the self-assessment; each row carries the learner,
// the course and the dates, so a sheet of many learners' records can be sorted and filtered.
export function recordCsv(record, words) {
  const who = [record.learner, record.course, record.dates.started, record.dates.last, record.dates.record];
  const rows = [RECORD_COLUMNS];
  record.modules.forEach((m) => {
    rows.push(who.concat(lessonCells("module", m, m, words)));
    m.lessons.forEach((l) => { rows.push(who.concat(lessonCells("lesson", m, l, words))); });
  });
  rows.push(who.concat(assessmentCells(record.assessment, words)));
  return "\ufeff" + csvText(rows, "\r\n");  // the byte order mark: a spreadsheet reads the text as UTF-8
}
