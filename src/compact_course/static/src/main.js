/* Compact course quizzes in the static book (no kernel): the entry module.
 *
 * Enhances the semantic forms written by compact_course/quiz/html.py: checking, feedback in a
 * live region, try again, show answer, hints, the quiz score, the self-assessment, the My
 * progress page, and progress saved in localStorage. Every string is inserted with textContent:
 * nothing from the bank is parsed as HTML.
 *
 * These ES modules are the source; the book ships one bundled file,
 * src/compact_course/static/compact-quiz.js, which is committed so the Python package needs no
 * Node. After editing anything in this folder, rebuild it with
 *     npm run build
 * and commit both. `npm test` fails if the bundle differs from these sources, then runs the
 * unit tests in tests/js/ (node --test).
 */

import { drawIds, fnv1a32 } from "./draw.js";
import { createNotices } from "./notices.js";
import { setupProgressPage } from "./progress-page.js";
import { lessonsCompleted, lessonsNotStudied } from "./progress.js";
import { setupQuiz } from "./quiz.js";
import { framedHost, isLaunchPage, openExternalLinksOutside, startLaunchPage } from "./scorm.js";
import { score } from "./scoring.js";
import { canWrite, createStore, probeStorage } from "./storage.js";
import { download } from "./dom.js";
import { setText } from "./text.js";
import "./presenter-start.js"; // the presenter view and the room poll page (facilitator tools)

function contentRoot() {
  return document.documentElement.getAttribute("data-content_root") ||
    (window.DOCUMENTATION_OPTIONS && window.DOCUMENTATION_OPTIONS.URL_ROOT) || "";
}

// What tests/test_browser.py calls to hold the page's rules to Python's.
window.CompactQuiz = { score, drawIds, fnv1a32 };

function start() {
  if (isLaunchPage(document)) { startLaunchPage(document, window); return; }
  const manifest = window.CompactCourseManifest || null;
  const quizzes = document.querySelectorAll("section.cc-quiz");
  const progress = document.getElementById("cc-progress");
  if (!manifest || !manifest.text) { return; }  // the interface's words come with the manifest
  setText(manifest.text);
  const notices = createNotices(document);
  // In a learning platform the launch page keeps the progress (see scorm.js).
  const host = framedHost(window);
  if (host) { openExternalLinksOutside(document); }
  const backend = host ? host.backend : probeStorage(() => window.localStorage);
  const store = createStore(backend, notices);
  notices.setDownload(() => {
    download("compact-course-progress.json", "application/json",
      JSON.stringify(store.exportProgress(new Date().toISOString()), null, 2));
  });
  // Storage refused or broken: say so on pages that would save, before anything is answered.
  if (quizzes.length || progress) {
    if (backend && !host && !canWrite(backend)) { store.unsaved(); }  // full: readable, not writable
    if (!store.available) { notices.unsaved(); }
  }
  const root = contentRoot();
  const services = { store, root, completedLessons: () => lessonsCompleted(manifest, store.read),
    notStudied: () => (manifest ? lessonsNotStudied(manifest, store.read) : null) };
  quizzes.forEach((section) => { setupQuiz(section, services); });
  if (progress) { setupProgressPage(progress, { store, notices, manifest, root }); }
  notices.show();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
