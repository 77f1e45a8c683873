/* The learner's saved answers as SCORM 1.2 cmi.suspend_data: compact, versioned, pure.
 *
 * suspend_data holds at most 4,096 characters, far too few for the localStorage records as JSON,
 * so each answer is stored by its position in the course's question index (written into the
 * launch page by compact_course/export/scorm_files.py: [storage key, fingerprint, type, choice
 * keys, item keys] per question, sorted) and spelled with one or two base-36 characters:
 *
 *   c2.<index hash>.<time>.<answers>.<submissions>.<attempts>
 *
 *   index hash   fnv1a32 of the index in base 36: answers saved against another build's index
 *                are not read back (positions would point at other questions)
 *   time         seconds since 1970 in base 36, the time given to every restored answer
 *   answers      one token per question, comma-separated, trailing empty ones left out:
 *                "" no answer; "!" first if the answer was shown ("Show answer": it counts as
 *                not known; "!" alone if nothing was chosen), else "-" first if the answer was
 *                wrong; then the answer: a choice's position (single, true-false, scenario), a
 *                bit mask of the chosen options (multiple), or one character per item, 0 for
 *                none, else position + 1 (matching)
 *   submissions  one token per self-assessment (course.exams order), comma-separated:
 *                "" not submitted, else <time>~<question positions joined by "_">
 *   attempts     one token per self-assessment: "" none saved, else the current attempt
 *                (attempt.js) as <attempt>~<its question positions>~<positions seen before>
 *
 * c1 (before the shown answers and attempts) is read as well: the same without <attempts>, and
 * no token starts with "!".
 */

import { fnv1a32 } from "./draw.js";
import { PREFIX } from "./storage.js";

export const ENCODING_VERSION = "c2";
const READABLE = { c1: 5, c2: 6 };  // version: number of parts
export const SUSPEND_DATA_LIMIT = 4096;

export function indexHash(course) {
  return fnv1a32(JSON.stringify([course.slots, course.exams])).toString(36);
}

const isoOf = (seconds) => new Date(seconds * 1000).toISOString();

function encodeAnswer(slot, answer) {
  const [, , type, choices, items] = slot;
  if (type === "multiple") {
    if (!Array.isArray(answer)) { return null; }
    let mask = 0;
    for (const key of answer) {
      const at = choices.indexOf(key);
      if (at < 0) { return null; }
      mask |= 1 << at;
    }
    return mask.toString(36);
  }
  if (type === "matching") {
    if (!answer || typeof answer !== "object") { return null; }
    let text = "";
    for (const item of items) {
      const chosen = answer[item];
      const at = chosen ? choices.indexOf(chosen) : -1;
      if (chosen && at < 0) { return null; }
      text += (at + 1).toString(36);
    }
    return text;
  }
  const at = choices.indexOf(answer);
  return at < 0 ? null : at.toString(36);
}

function decodeAnswer(slot, text) {
  const [, , type, choices, items] = slot;
  if (type === "multiple") {
    const mask = parseInt(text, 36);
    return choices.filter((key, at) => mask & (1 << at));
  }
  if (type === "matching") {
    const answer = {};
    items.forEach((item, at) => {
      const chosen = parseInt(text.charAt(at) || "0", 36);
      if (chosen > 0 && choices[chosen - 1]) { answer[item] = choices[chosen - 1]; }
    });
    return answer;
  }
  const choice = choices[parseInt(text, 36)];
  return choice === undefined ? null : choice;
}

const REVEALED = "!";
const WRONG = "-";

function answerToken(slot, record) {
  const answer = record.answer === null ? null : encodeAnswer(slot, record.answer);
  if (record.revealed === true) { return REVEALED + (answer === null ? "" : answer); }
  return answer === null ? "" : (record.correct ? "" : WRONG) + answer;
}

function positions(ids, store, position) {
  const at = ids.map((id) => position[store + ":" + id]);
  return at.some((p) => p === undefined) ? null : at.map((p) => p.toString(36)).join("_");
}

function attemptToken(record, store, position) {
  if (!record || !Number.isInteger(record.attempt) || !Array.isArray(record.ids) || !Array.isArray(record.seen)) { return ""; }
  const ids = positions(record.ids, store, position);
  const seen = positions(record.seen, store, position);
  return ids === null || seen === null ? "" : record.attempt.toString(36) + "~" + ids + "~" + seen;
}

function parsed(raw) {
  try { return JSON.parse(raw); } catch (err) { return null; }
}

// records: a Map (or any {get(key)}) from full storage key to the raw JSON string.
export function encode(records, course, nowSeconds) {
  const position = {};
  const byKey = {};
  course.slots.forEach((slot, at) => { position[slot[0].split(":")[0] + "|" + slot[1]] = at; byKey[slot[0]] = at; });
  const answers = course.slots.map((slot) => {
    const record = parsed(records.get(PREFIX + slot[0]));
    if (!record || record.fingerprint !== slot[1] || typeof record.correct !== "boolean") { return ""; }
    return answerToken(slot, record);
  });
  while (answers.length && answers[answers.length - 1] === "") { answers.pop(); }
  const submissions = course.exams.map(([quiz, store]) => {
    const record = parsed(records.get(PREFIX + "submitted:" + quiz));
    if (!record || typeof record.fingerprints !== "string") { return ""; }
    const at = record.fingerprints.split(",").map((fp) => position[store + "|" + fp]);
    if (at.some((p) => p === undefined)) { return ""; }
    const seconds = Math.floor((Date.parse(record.time) || nowSeconds * 1000) / 1000);
    return seconds.toString(36) + "~" + at.map((p) => p.toString(36)).join("_");
  });
  const attempts = course.exams.map(([quiz, store]) => attemptToken(parsed(records.get(PREFIX + "attempt:" + quiz)), store, byKey));
  return [ENCODING_VERSION, indexHash(course), Math.floor(nowSeconds).toString(36), answers.join(","),
    submissions.join(","), attempts.join(",")].join(".");
}

function answerRecord(slot, token, time) {
  const revealed = token.charAt(0) === REVEALED;
  const wrong = revealed || token.charAt(0) === WRONG;
  const rest = wrong ? token.slice(1) : token;
  const answer = rest ? decodeAnswer(slot, rest) : null;
  if (answer === null && !revealed) { return null; }
  const record = { answer, correct: !wrong, fingerprint: slot[1], time, question: slot[0].split(":")[1] };
  if (revealed) { record.revealed = true; }
  return record;
}

function idsAt(list, course, store) {
  if (!list) { return []; }
  const slots = list.split("_").map((p) => course.slots[parseInt(p, 36)]);
  if (slots.some((slot) => !slot || slot[0].indexOf(store + ":") !== 0)) { return null; }
  return slots.map((slot) => slot[0].slice(store.length + 1));
}

function decodeAttempts(part, course, time, records) {
  part.split(",").forEach((token, at) => {
    const exam = course.exams[at];
    if (!token || !exam) { return; }
    const [number, list, seenList] = token.split("~");
    const attempt = parseInt(number, 36);
    const ids = idsAt(list, course, exam[1]);
    const seen = idsAt(seenList, course, exam[1]);
    if (!(attempt >= 1) || !ids || !ids.length || !seen) { return; }
    records.set(PREFIX + "attempt:" + exam[0], JSON.stringify({ attempt, ids, seen, time }));
  });
}

// The records (full storage key -> raw JSON string) in `text`, or null if it is not a readable
// encoding (this version or c1) of this course's index (empty, another version, another build).
export function decode(text, course) {
  const parts = String(text || "").split(".");
  if (READABLE[parts[0]] !== parts.length || parts[1] !== indexHash(course)) { return null; }
  const time = isoOf(parseInt(parts[2], 36));
  const records = new Map();
  parts[3].split(",").forEach((token, at) => {
    const slot = course.slots[at];
    const record = token && slot ? answerRecord(slot, token, time) : null;
    if (record) { records.set(PREFIX + slot[0], JSON.stringify(record)); }
  });
  parts[4].split(",").forEach((token, at) => {
    const exam = course.exams[at];
    if (!token || !exam) { return; }
    const [seconds, list] = token.split("~");
    const slots = (list || "").split("_").map((p) => course.slots[parseInt(p, 36)]);
    if (slots.some((slot) => !slot)) { return; }
    records.set(PREFIX + "submitted:" + exam[0], JSON.stringify({
      fingerprints: slots.map((slot) => slot[1]).join(","), time: isoOf(parseInt(seconds, 36)), quiz: exam[0]
    }));
  });
  if (parts.length > 5) { decodeAttempts(parts[5], course, time, records); }
  return records;
}
