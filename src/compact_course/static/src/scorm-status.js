/* What the course reports to the LMS, as pure rules over the saved records.
 *
 *   passed / failed   the latest self-assessment submitted (exam mode), scored as the results
 *                     page scores it, against the mastery score
 *   completed         every lesson question answered, and no self-assessment result
 *   incomplete        anything else
 * A status already reported is never lowered (passed > failed > completed > incomplete): passed
 * stays passed whatever comes later, and failed is not replaced by completed or incomplete
 * (restarting the self-assessment does not wipe a result the LMS has recorded). A result that
 * cannot change the status leaves the LMS's score as it is.
 */

import { PREFIX } from "./storage.js";
import { percent } from "./results.js";

const RANK = { "": 0, "not attempted": 0, browsed: 0, incomplete: 1, completed: 2, failed: 3, passed: 4 };

function parsed(raw) {
  try { return raw ? JSON.parse(raw) : null; } catch (err) { return null; }
}

// The latest self-assessment result: {quiz, correct, total, percent}, or null.
export function latestResult(records, course) {
  let latest = null;
  course.exams.forEach(([quiz, store]) => {
    const submitted = parsed(records.get(PREFIX + "submitted:" + quiz));
    if (!submitted || typeof submitted.fingerprints !== "string") { return; }
    const fingerprints = submitted.fingerprints.split(",");
    const byFingerprint = {};
    course.slots.forEach((slot) => { if (slot[0].indexOf(store + ":") === 0) { byFingerprint[slot[1]] = slot[0]; } });
    let correct = 0;
    fingerprints.forEach((fp) => {
      const record = parsed(records.get(PREFIX + byFingerprint[fp]));
      if (record && record.fingerprint === fp && record.correct === true) { correct += 1; }
    });
    const result = { quiz, time: submitted.time, correct, total: fingerprints.length,
      percent: percent(correct, fingerprints.length) };
    if (!latest || result.time > latest.time) { latest = result; }
  });
  return latest;
}

export function lessonsDone(records, course) {
  const lessons = course.slots.filter((slot) => slot[0].indexOf("lesson:") === 0);
  return lessons.length > 0 && lessons.every((slot) => {
    const record = parsed(records.get(PREFIX + slot[0]));
    return record && record.fingerprint === slot[1];
  });
}

// {status, score}: score is a whole percent, or null to leave the LMS's score as it is.
export function courseReport(records, course, mastery, prior) {
  const result = latestResult(records, course);
  let status = "incomplete";
  if (result) {
    status = result.percent >= mastery ? "passed" : "failed";
  } else if (lessonsDone(records, course)) {
    status = "completed";
  }
  const before = prior || "";
  if (RANK[status] < (RANK[before] || 0)) {
    return { status: before, score: null };
  }
  return { status, score: result ? result.percent : null };
}

// Finished: nothing more the learner needs to do, so the LMS need not keep the attempt open.
export function isFinished(status) { return status === "passed" || status === "completed"; }
