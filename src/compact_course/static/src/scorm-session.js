/* One SCORM session (1.2 or 2004, see scorm-dialect.js), held by the launch page for as long as
 * the learner is in the course.
 *
 * The pages in the launch page's frame keep their progress in `backend` (localStorage's
 * methods, over the records restored from cmi.suspend_data), so a page change never starts a
 * second session and progress never depends on the LMS's site allowing localStorage. Each
 * change is committed within COMMIT_DELAY_MS; commitNow() and finish() write at once. Each
 * commit also carries the answers not yet reported as cmi.interactions (scorm-interactions.js).
 * api: the LMS's API object; clock: {now(), setTimeout, clearTimeout} (faked in tests).
 */

import { decode, encode } from "./scorm-encoding.js";
import { courseReport, isFinished } from "./scorm-status.js";
import { dialectOf } from "./scorm-dialect.js";
import { correctOf, dueAnswers, interactionValues, reportedNow } from "./scorm-interactions.js";

export const COMMIT_DELAY_MS = 1000;

function safeLocation(value, course) {
  const text = String(value || "");
  return /^[A-Za-z0-9_./-]+\.html(#[A-Za-z0-9_.-]*)?$/.test(text) && text.indexOf("..") < 0 &&
    text.charAt(0) !== "/" ? text : course.start;
}

// null if the LMS refuses to initialise (the launch page then opens the book as it is).
export function createSession(api, course, clock) {
  const dialect = dialectOf(course);
  const lms = dialect.calls(api);
  if (!lms.init()) { return null; }
  const started = clock.now();
  let status = dialect.priorStatus(lms.get);
  const lmsMastery = dialect.mastery(lms.get);
  const mastery = isFinite(lmsMastery) ? lmsMastery : course.mastery;
  const records = decode(lms.get("cmi.suspend_data"), course) || new Map();
  const resumeAt = safeLocation(lms.get(dialect.location), course);
  const reported = reportedNow(records);
  const correct = new Map();  // storage key -> correct keys, from the pages shown
  let interactions = parseInt(lms.get("cmi.interactions._count"), 10) || 0;
  const sent = {};
  let location = resumeAt;
  let timer = null;
  let finished = false;

  function set(name, value) {
    if (sent[name] === value) { return; }
    lms.set(name, value);
    sent[name] = value;
  }

  function writeInteractions() {
    dueAnswers(records, course, reported).forEach(([slot, record]) => {
      interactionValues(dialect.version, interactions, slot, record, correct.get(slot[0]) || null)
        .forEach(([name, value]) => { lms.set(name, value); });
      interactions += 1;
    });
  }

  function write() {
    const report = courseReport(records, course, mastery, status);
    status = report.status;
    dialect.status(status).forEach(([name, value]) => set(name, value));
    if (report.score !== null) { dialect.score(report.score).forEach(([name, value]) => set(name, value)); }
    writeInteractions();
    set(dialect.location, location);
    set("cmi.suspend_data", encode(records, course, clock.now() / 1000));
    set(dialect.exitName, dialect.exit(isFinished(status)));
    lms.set(...dialect.sessionTime(clock.now() - started));
  }

  function commitNow() {
    if (timer !== null) { clock.clearTimeout(timer); timer = null; }
    if (finished) { return; }
    write();
    lms.commit();
  }

  function changed() {
    if (finished || timer !== null) { return; }
    // Not pushed back by later changes: every answer is committed within COMMIT_DELAY_MS.
    timer = clock.setTimeout(() => { timer = null; commitNow(); }, COMMIT_DELAY_MS);
  }

  function finish() {
    if (finished) { return; }
    commitNow();
    finished = true;
    lms.finish();
  }

  function pageShown(path) {
    const next = safeLocation(path, course);
    if (next !== location) { location = next; changed(); }
  }

  // A question's data, read from the page it is on (storage key as in course.slots).
  function questionSeen(key, spec) {
    const keys = correctOf(spec);
    if (keys) { correct.set(key, keys); }
  }

  const backend = {
    getItem: (key) => (records.has(key) ? records.get(key) : null),
    setItem: (key, value) => { records.set(String(key), String(value)); changed(); },
    removeItem: (key) => { if (records.delete(key)) { changed(); } },
    key: (i) => { const keys = Array.from(records.keys()); return i < keys.length ? keys[i] : null; },
    get length() { return records.size; }
  };

  if (status === "" || status === "not attempted") { status = "incomplete"; }
  commitNow();
  return { backend, resumeAt, pageShown, questionSeen, commitNow, finish, records, version: dialect.version };
}
