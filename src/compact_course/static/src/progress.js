/* Progress across the course, as data: for each lesson in the manifest (window.CompactCourseManifest,
 * written by the Sphinx extension), how many of its questions have a saved answer for the
 * current version of the question, and how the first attempts went. A cleared answer ("Try
 * again") counts nowhere, as in Python's progress.py. Pure: `read(key)` gives the saved record
 * or null.
 */

import { PREFIX, isAnswered } from "./storage.js";

// A lesson's status; progress-page.js shows it in the interface's words (progress.status_*).
export const STATUS = Object.freeze({ none: "none", some: "some", all: "all" });

export function lessonStatus(manifest, read) {
  const rows = [];
  manifest.modules.forEach((module) => {
    module.lessons.forEach((lesson) => {
      let answered = 0;
      let correct = 0;
      let changed = 0;
      let revealed = 0;  // answers shown ("Show answer"): they count as not known
      const first = { answered: 0, correct: 0 };
      lesson.questions.forEach((q) => {
        const record = read(PREFIX + "lesson:" + q.id);
        if (!record) { return; }
        if (record.fingerprint !== q.fingerprint) { changed += 1; return; }
        if (record.revealed === true) { revealed += 1; }
        if (record.first) {
          first.answered += 1;
          if (record.first.correct) { first.correct += 1; }
        }
        if (!isAnswered(record.answer)) { return; }
        answered += 1;
        if (record.correct) { correct += 1; }
      });
      const total = lesson.questions.length;
      const status = answered === 0 ? STATUS.none : (answered === total ? STATUS.all : STATUS.some);
      rows.push({ module, lesson, answered, correct, total, changed, status, first, revealed });
    });
  });
  return rows;
}

// The lessons whose every question has an answer; null without a manifest.
export function lessonsCompleted(manifest, read) {
  if (!manifest) { return null; }
  return lessonStatus(manifest, read).filter((r) => r.status === STATUS.all).map((r) => r.lesson);
}

// The lessons with no lesson quiz answered (not yet studied); [] without a manifest.
export function lessonsNotStudied(manifest, read) {
  if (!manifest) { return []; }
  return lessonStatus(manifest, read).filter((r) => r.answered === 0).map((r) => r.lesson);
}

// The latest submitted self-assessment result saved in this browser, or null.
export function latestSubmission(keys, read) {
  let latest = null;
  keys.filter((key) => key.indexOf(PREFIX + "submitted:") === 0).forEach((key) => {
    const record = read(key);
    if (record && typeof record.total === "number" && (!latest || record.time > latest.time)) { latest = record; }
  });
  return latest;
}
