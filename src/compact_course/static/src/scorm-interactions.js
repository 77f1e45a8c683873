/* Question-level results for the LMS: one cmi.interactions.n record per answer.
 *
 * Reported: every self-assessment answer when the self-assessment is submitted (each question
 * of the submitted set, with the submission), and every lesson question's answer when it is
 * checked. Each record is written with the commit that carries the score, so a record and the
 * suspend_data that says it was reported reach the LMS together: on resume, every answer and
 * submission restored from suspend_data counts as reported and is never written again.
 *
 *   id                 the question id (q-sa-m1-01)
 *   type               choice (single, scenario, multiple), true-false or matching
 *   response           the learner's answer; the correct pattern beside it. An option is named by
 *                      its place on the page (a = the first option shown), the letter the learner
 *                      saw and the exports' order, not by its key in the quiz bank
 *                        SCORM 1.2   choice "a,c"      true-false "t"/"f"      matching "1.a,2.c"
 *                        SCORM 2004  choice "a[,]c"    true-false "true"/"false" matching "1[.]a[,]2[.]c"
 *   result             1.2: correct or wrong; 2004: correct or incorrect (as the course scored it)
 *   time               when the answer was saved (1.2 time of day, 2004 timestamp)
 *   weighting          1: every question counts the same in the course's score
 * Latency is left out: the saved answers do not record when a question was shown.
 * The correct pattern comes from the question's data on the page it was answered on (the
 * script's CompactQuiz.specOf); a record is written without it if that page was never shown.
 */

import { PREFIX } from "./storage.js";

const TYPES = { single: "choice", scenario: "choice", multiple: "choice", "true-false": "true-false",
  matching: "matching" };

const pad = (n, width) => String(n).padStart(width || 2, "0");

const FORMATS = {
  "1.2": {
    prefix: "cmi.interactions.",
    responseName: "student_response",
    list: ",",
    pair: ".",
    trueFalse: (key) => (key === "true" ? "t" : "f"),
    result: (correct) => (correct ? "correct" : "wrong"),
    time: (date) => ["time", pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds())]
  },
  "2004": {
    prefix: "cmi.interactions.",
    responseName: "learner_response",
    list: "[,]",
    pair: "[.]",
    trueFalse: (key) => (key === "true" ? "true" : "false"),
    result: (correct) => (correct ? "correct" : "incorrect"),
    time: (date) => ["timestamp", date.toISOString().slice(0, 22) + "Z"]
  }
};

// What the session keeps of a question's data: its type and its correct answer as keys.
export function correctOf(spec) {
  if (!spec || !spec.type) { return null; }
  if (spec.type === "matching") {
    return (spec.items || []).map((item) => [item.key, item.answer]);
  }
  return (spec.choices || []).filter((choice) => choice.correct).map((choice) => choice.key);
}

function keysOf(type, answer, items) {
  if (type === "matching") {
    const given = answer && typeof answer === "object" ? answer : {};
    return items.filter((item) => given[item]).map((item) => [item, given[item]]);
  }
  if (type === "multiple") { return Array.isArray(answer) ? answer.slice().sort() : []; }
  return answer === null || answer === undefined || answer === "" ? [] : [String(answer)];
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

// Choice keys as the letters of their places on the page (the slot lists them in page order).
function shown(type, keys, choices) {
  if (type === "matching" || type === "true-false") { return keys; }
  return keys.map((key) => LETTERS.charAt(choices.indexOf(key)) || key).sort();
}

function spelled(format, type, keys) {
  if (type === "true-false") { return keys.length ? format.trueFalse(keys[0]) : ""; }
  if (type === "matching") { return keys.map((pair) => pair.join(format.pair)).join(format.list); }
  return keys.join(format.list);
}

// The [element, value] pairs of interaction n, in the order the run-time needs (id, then type).
export function interactionValues(version, n, slot, record, correct) {
  const format = FORMATS[version];
  const [key, , type, choices, items] = slot;
  const base = format.prefix + n + ".";
  const values = [[base + "id", key.split(":")[1]], [base + "type", TYPES[type] || "choice"]];
  const date = new Date(Date.parse(record.time));
  if (!isNaN(date.getTime())) {
    const [name, value] = format.time(date);
    values.push([base + name, value]);
  }
  values.push([base + "weighting", "1"]);
  if (correct) {
    values.push([base + "correct_responses.0.pattern", spelled(format, type, shown(type, correct, choices || []))]);
  }
  const response = spelled(format, type, shown(type, keysOf(type, record.answer, items || []), choices || []));
  if (response) { values.push([base + format.responseName, response]); }
  values.push([base + "result", format.result(record.correct === true)]);
  return values;
}

function parsed(raw) {
  try { return raw ? JSON.parse(raw) : null; } catch (err) { return null; }
}

function stamp(records, key) {
  const record = parsed(records.get(key));
  return record && typeof record.time === "string" ? record.time : null;
}

// What is already reported: every answer and submission in `records` now (at the session's start).
export function reportedNow(records) {
  const reported = new Map();
  records.forEach((raw, key) => { const time = stamp(records, key); if (time) { reported.set(key, time); } });
  return reported;
}

// The answers to report now, as [slot, record] in order, and marks them reported.
export function dueAnswers(records, course, reported) {
  const due = [];
  const examStores = new Set(course.exams.map(([, store]) => store));
  course.exams.forEach(([quiz, store]) => {
    const key = PREFIX + "submitted:" + quiz;
    const submitted = parsed(records.get(key));
    if (!submitted || typeof submitted.fingerprints !== "string" || reported.get(key) === submitted.time) { return; }
    reported.set(key, submitted.time);
    submitted.fingerprints.split(",").forEach((fp) => {
      const slot = course.slots.find((s) => s[1] === fp && s[0].indexOf(store + ":") === 0);
      const record = slot && parsed(records.get(PREFIX + slot[0]));
      if (record && record.fingerprint === fp) { due.push([slot, record]); }
    });
  });
  course.slots.forEach((slot) => {
    if (examStores.has(slot[0].split(":")[0])) { return; }
    const key = PREFIX + slot[0];
    const record = parsed(records.get(key));
    if (!record || record.fingerprint !== slot[1] || typeof record.correct !== "boolean") { return; }
    if (reported.get(key) === record.time) { return; }
    reported.set(key, record.time);
    due.push([slot, record]);
  });
  return due;
}
