/* Progress across the course, as data: for each lesson in the manifest (window.CompactCourseManifest,
 * written by the Sphinx extension), how many of its questions have a saved answer for the
 * current version of the question. Pure: `read(key)` gives the saved record or null.
 */

import { PREFIX } from "./storage.js";

export const STATUS = Object.freeze({ none: "Not started", some: "In progress", all: "Done" });

export function lessonStatus(manifest, read) {
  const rows = [];
  manifest.modules.forEach((module) => {
    module.lessons.forEach((lesson) => {
      let answered = 0;
      let correct = 0;
      let changed = 0;
      lesson.questions.forEach((q) => {
        const record = read(PREFIX + "lesson:" + q.id);
        if (!record) { return; }
        if (record.fingerprint !== q.fingerprint) { changed += 1; return; }
        answered += 1;
        if (record.correct) { correct += 1; }
      });
      const total = lesson.questions.length;
      const status = answered === 0 ? STATUS.none : (answered === total ? STATUS.all : STATUS.some);
      rows.push({ module, lesson, answered, correct, total, changed, status });
    });
  });
  return rows;
}

// The lessons whose every question has an answer; null without a manifest.
export function lessonsCompleted(manifest, read) {
  if (!manifest) { return null; }
  return lessonStatus(manifest, read).filter((r) => r.status === STATUS.all).map((r) => r.lesson);
}
