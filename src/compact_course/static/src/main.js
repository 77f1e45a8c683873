/* Compact course quizzes in the static book (no kernel): the entry module.
 *
 * Enhances the semantic forms written by compact_course/quiz/html.py: checking, feedback in a
 * live region, try again, show answer, hints, the quiz score, the self-assessment, the My
 * progress page, and progress saved in localStorage. Every string is inserted with textContent:
 * nothing from the bank is parsed as HTML.
 *
 * These ES modules are the source; the book ships them as bundles in src/compact_course/static/,
 * committed so the Python package needs no Node (scripts/bundle.mjs): compact-quiz.js (this
 * entry: what a lesson page uses) on every page, and, loaded by it only where needed,
 * compact-pages.js (self-assessment, My progress), compact-present.js with compact-poll-data.js
 * (presenter view, room poll) and compact-scorm.js (the SCORM launch page). After editing
 * anything in this folder, rebuild them with
 *     npm run build
 * and commit both. `npm test` fails if the bundle differs from these sources, then runs the
 * unit tests in tests/js/ (node --test).
 */

import { drawIds, fnv1a32 } from "./draw.js";
import { createNotices } from "./notices.js";
import { lessonsCompleted, lessonsNotStudied } from "./progress.js";
import { questionIdOf, readQuizData } from "./question-spec.js";
import { setupQuiz } from "./quiz.js";
import { loadScript, loadScripts } from "./load.js";
import { registerOffline } from "./offline.js";
import { framedHost, isLaunchPage, openExternalLinksOutside } from "./scorm-frame.js";
import { score } from "./scoring.js";
import { canWrite, createStore, probeStorage } from "./storage.js";
import { download } from "./dom.js";
import { setText } from "./text.js";

function contentRoot() {
  return document.documentElement.getAttribute("data-content_root") ||
    (window.DOCUMENTATION_OPTIONS && window.DOCUMENTATION_OPTIONS.URL_ROOT) || "";
}

// What tests/test_browser.py calls to hold the page's rules to Python's.
// specOf: the data the script uses for a question's form (from its quiz's data block).
function specOf(id) {
  const form = document.getElementById(id);
  const data = readQuizData(form.closest("section.cc-quiz"), window.CompactCourseManifest, contentRoot());
  return data.specs[questionIdOf(form)];
}
window.CompactQuiz = { score, drawIds, fnv1a32, specOf };

const PRESENT_HASH = "#present";
const PRESENT_FILES = ["compact-poll-data.js", "compact-present.js"];

function startPresenter(pressed) {
  loadScripts(PRESENT_FILES, () => { if (window.CompactPresent) { window.CompactPresent.start(pressed); } });
}

// The facilitator tools load on first use: the room poll, plan-and-pack and pack pages at once, a lesson's presenter view
// when its button is pressed or the address asks for it (#present).
function facilitatorTools() {
  const tools = document.getElementById("cc-room-poll") || document.getElementById("cc-plan-builder") ||
    document.querySelector(".cc-pack [data-pages]");  // a pack's cover counts its pages
  if (tools) { startPresenter(null); return; }
  const blocks = document.querySelectorAll("div.cc-present");
  if (!blocks.length) { return; }
  let started = false;
  const begin = (pressed) => { if (!started) { started = true; startPresenter(pressed); } };
  blocks.forEach((block) => {
    const button = block.querySelector(".cc-present-open");
    if (!button || !block.querySelector("script.cc-present-data")) { return; }
    button.hidden = false;
    button.addEventListener("click", () => { begin(button); }, { once: true });
  });
  const fromAddress = () => { if (window.location.hash === PRESENT_HASH) { begin(null); } };
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
}

function start() {
  if (isLaunchPage(document)) { loadScript("compact-scorm.js", () => {}); return; }
  facilitatorTools();
  const quizzes = document.querySelectorAll("section.cc-quiz");
  const progress = document.getElementById("cc-progress");
  const needsPages = !!progress || !!document.querySelector('section.cc-quiz[data-mode="exam"]');
  if (needsPages && !window.CompactPages) { loadScript("compact-pages.js", () => { startLearning(quizzes, progress); }); return; }
  startLearning(quizzes, progress);
}

function startLearning(quizzes, progress) {
  const pages = window.CompactPages || {};
  const manifest = window.CompactCourseManifest || null;
  if (!manifest || !manifest.text) { return; }  // the interface's words come with the manifest
  setText(manifest.text);
  registerOffline(window, document, manifest, contentRoot());  // the course offline (issue 28)
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
  const services = { store, manifest, root, completedLessons: () => lessonsCompleted(manifest, store.read),
    notStudied: () => (manifest ? lessonsNotStudied(manifest, store.read) : null),
    setupAssessment: pages.setupAssessment };
  quizzes.forEach((section) => { setupQuiz(section, services); });
  if (progress && pages.setupProgressPage) { pages.setupProgressPage(progress, { store, notices, manifest, root }); }
  notices.show();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
