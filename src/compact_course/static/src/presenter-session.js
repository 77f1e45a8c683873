/* The presenter's session: what must survive a reload, Escape and reopen, or Back and Forward
 * until the facilitator chooses "New session": each lesson's current slide, each polled
 * question's counts, reveal and time, whether the screen is blanked, and the timer's start.
 *
 * One record in localStorage (sessionStorage, then memory, if the browser refuses it) under its
 * own key, apart from the learner's saved progress (storage.js's "compact-course:v1:" keys),
 * which the presenter never reads. The speaker view, in a second window of the same browser,
 * reads the same record and hears of every change through the "storage" event.
 * No DOM here: tests/js/presenter-session.test.mjs runs it under node.
 */

import { csvText } from "./csv.js";
import { MAX_COUNT } from "./poll-model.js";

export const SESSION_KEY = "compact-course-presenter:v1";
export const SESSION_FORMAT = "compact-course-presenter-session";

function usable(storage) {
  try {
    storage.setItem(SESSION_KEY + ":probe", "1");
    storage.removeItem(SESSION_KEY + ":probe");
    return true;
  } catch {
    return false;
  }
}

function memory() {
  const items = new Map();
  return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => { items.set(k, String(v)); },
    removeItem: (k) => { items.delete(k); } };
}

// The first storage that works: {storage, kept} where kept says whether a reload keeps it.
export function sessionStore(win) {
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      const storage = win[name];
      if (storage && usable(storage)) { return { storage, kept: true }; }
    } catch {
      // a browser that forbids storage throws on the property itself
    }
  }
  return { storage: memory(), kept: false };
}

export function newSession(now) {
  return { format: SESSION_FORMAT, version: 1, started: now, timer: now, lessons: {}, polls: {} };
}

function isRecord(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

function validPoll(entry) {
  return isRecord(entry) && isRecord(entry.counts) && typeof entry.lesson === "string" &&
    Object.values(entry.counts).every((n) => Number.isInteger(n) && n >= 0 && n <= MAX_COUNT);
}

// The saved session, or a new one if there is none or it is not in the expected shape.
export function readSession(storage, now) {
  let value = null;
  try {
    value = JSON.parse(storage.getItem(SESSION_KEY) || "null");
  } catch {
    value = null;
  }
  if (!isRecord(value) || value.format !== SESSION_FORMAT || value.version !== 1 || !isRecord(value.lessons) ||
      !isRecord(value.polls) || typeof value.started !== "string") {
    return newSession(now);
  }
  Object.keys(value.polls).forEach((id) => { if (!validPoll(value.polls[id])) { delete value.polls[id]; } });
  if (typeof value.timer !== "string") { value.timer = value.started; }
  return value;
}

// True if it was written (a full or refused storage is reported, never thrown).
export function writeSession(storage, session) {
  try {
    storage.setItem(SESSION_KEY, JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

export function recordPoll(session, question, lesson, counts, revealed, now) {
  session.polls[question.id] = { lesson, counts: { ...counts }, revealed: !!revealed, time: now };
}

export function letterOf(index) { return String.fromCharCode(65 + index); }

// "A3 B7 C2", "a 3, b: 7", "C=2": the counts by letter, and the parts that were not understood
// (anything else, a letter with no option, or a number over three digits).
export function parseChatCounts(text, letters) {
  const counts = {};
  const bad = [];
  const source = String(text);
  const pattern = /([A-Za-z])\s*[:=.)-]?\s*(\d+)/g;
  const leftover = (part) => { part.split(/[\s,;]+/).filter(Boolean).forEach((p) => { bad.push(p); }); };
  let last = 0;
  let match = pattern.exec(source);
  while (match !== null) {
    leftover(source.slice(last, match.index));
    last = pattern.lastIndex;
    const letter = match[1].toUpperCase();
    if (letters.indexOf(letter) < 0 || match[2].length > 3) {
      bad.push(match[0]);
    } else {
      counts[letter] = (counts[letter] || 0) + Number(match[2]);
    }
    match = pattern.exec(source);
  }
  leftover(source.slice(last));
  return { counts, bad };
}

// The session as CSV: one row per polled question (any count, or revealed), in the order they
// were counted, with the count for each option by letter, the total, the key, the reveal and
// the time. `questions` maps ids to poll data; `words` is the interface's presenter text;
// `fill` fills its placeholders.
export function sessionCsv(session, questions, words, fill) {
  const ids = Object.keys(session.polls).filter((id) => questions[id])
    .sort((a, b) => String(session.polls[a].time).localeCompare(String(session.polls[b].time)));
  const width = ids.reduce((most, id) => Math.max(most, questions[id].options.length), 0);
  const letters = Array.from({ length: width }, (_, i) => letterOf(i));
  const head = [words.csv_started, words.csv_lesson, words.csv_question, words.csv_prompt]
    .concat(letters.map((letter) => fill(words.csv_votes, { letter })))
    .concat([words.csv_total, words.csv_key, words.csv_revealed, words.csv_time]);
  const rows = ids.map((id) => {
    const entry = session.polls[id];
    const options = questions[id].options;
    const votes = letters.map((_, i) => (i < options.length ? entry.counts[options[i].key] || 0 : ""));
    const total = options.reduce((sum, o) => sum + (entry.counts[o.key] || 0), 0);
    const key = options.map((o, i) => (o.correct ? letterOf(i) : "")).filter(Boolean).join(" ");
    return [session.started, entry.lesson, id, questions[id].prompt].concat(votes)
      .concat([total, key, entry.revealed ? words.csv_yes : words.csv_no, entry.time]);
  });
  return csvText([head].concat(rows), "\r\n");
}
