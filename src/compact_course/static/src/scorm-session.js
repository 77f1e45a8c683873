/* One SCORM 1.2 session, held by the launch page for as long as the learner is in the course.
 *
 * The pages in the launch page's frame keep their progress in `backend` (localStorage's
 * methods, over the records restored from cmi.suspend_data), so a page change never starts a
 * second session and progress never depends on the LMS's site allowing localStorage. Each
 * change is committed within COMMIT_DELAY_MS; commitNow() and finish() write at once.
 * api: the LMS's API object; clock: {now(), setTimeout, clearTimeout} (faked in tests).
 */

import { decode, encode } from "./scorm-encoding.js";
import { courseReport, isFinished } from "./scorm-status.js";
import { timespan } from "./scorm-api.js";

export const COMMIT_DELAY_MS = 1000;

function safeLocation(value, course) {
  const text = String(value || "");
  return /^[A-Za-z0-9_./-]+\.html(#[A-Za-z0-9_.-]*)?$/.test(text) && text.indexOf("..") < 0 &&
    text.charAt(0) !== "/" ? text : course.start;
}

// null if the LMS refuses to initialise (the launch page then opens the book as it is).
export function createSession(api, course, clock) {
  if (String(api.LMSInitialize("")) !== "true") { return null; }
  const started = clock.now();
  const get = (name) => String(api.LMSGetValue(name) || "");
  let status = get("cmi.core.lesson_status");
  const lmsMastery = parseFloat(get("cmi.student_data.mastery_score"));
  const mastery = isFinite(lmsMastery) ? lmsMastery : course.mastery;
  const records = decode(get("cmi.suspend_data"), course) || new Map();
  const resumeAt = safeLocation(get("cmi.core.lesson_location"), course);
  const sent = {};
  let location = resumeAt;
  let timer = null;
  let finished = false;

  function set(name, value) {
    if (sent[name] === value) { return; }
    api.LMSSetValue(name, value);
    sent[name] = value;
  }

  function write() {
    const report = courseReport(records, course, mastery, status);
    status = report.status;
    set("cmi.core.lesson_status", status);
    if (report.score !== null) {
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(report.score));
    }
    set("cmi.core.lesson_location", location);
    set("cmi.suspend_data", encode(records, course, clock.now() / 1000));
    set("cmi.core.exit", isFinished(status) ? "" : "suspend");
    api.LMSSetValue("cmi.core.session_time", timespan(clock.now() - started));
  }

  function commitNow() {
    if (timer !== null) { clock.clearTimeout(timer); timer = null; }
    if (finished) { return; }
    write();
    api.LMSCommit("");
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
    api.LMSFinish("");
  }

  function pageShown(path) {
    const next = safeLocation(path, course);
    if (next !== location) { location = next; changed(); }
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
  return { backend, resumeAt, pageShown, commitNow, finish, records };
}
