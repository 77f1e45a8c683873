/* The course in a learning platform (SCORM 1.2 or 2004): the launch page and the pages in its frame.
 *
 * scorm-launch.html (written by compact_course/export/scorm.py) carries the course's question
 * index in #cc-scorm-course and an empty frame. On it, startLaunchPage() finds the LMS's API,
 * opens the one session (scorm-session.js), shows the page to resume at in the frame, reports
 * each page the frame shows as cmi.core.lesson_location, commits when the page is hidden and
 * finishes once when it is left. On each page the frame shows, it reads every question's data
 * through the page's own CompactQuiz.specOf (for the correct patterns of cmi.interactions). Without an LMS it simply opens the book: no error, no warning.
 * Each book page asks framedHost() for the launch page's storage and uses it instead of
 * localStorage; a page outside the launch page gets null and keeps to localStorage.
 *
 * The launch page loads this adapter as its own bundle (compact-scorm.js, started by
 * scorm-start.js); the book's pages need only the few lines of scorm-frame.js.
 */

import { findAPI } from "./scorm-api.js";
import { createSession } from "./scorm-session.js";
import { HOST } from "./scorm-frame.js";
import { dialectOf } from "./scorm-dialect.js";

function pathInPackage(frameWin, base) {
  const href = frameWin.location.href.split("?")[0];
  return href.indexOf(base) === 0 ? href.slice(base.length) : null;
}

// Every question on the page in the frame: its storage key and its data.
function learnQuestions(frameWin, session) {
  const quiz = frameWin.CompactQuiz;
  if (!quiz || typeof quiz.specOf !== "function") { return; }
  frameWin.document.querySelectorAll("form.cc-question").forEach((form) => {
    try {
      const spec = quiz.specOf(form.id);
      const store = form.getAttribute("data-store") || "lesson";
      session.questionSeen(store + ":" + (form.getAttribute("data-question") || spec.id), spec);
    } catch (err) { /* a form the script cannot read: its records go without a correct pattern */ }
  });
}

export function startLaunchPage(doc, win) {
  const course = JSON.parse(doc.getElementById("cc-scorm-course").textContent);
  const api = findAPI(win, dialectOf(course).apiName);
  const session = api ? createSession(api, course, { now: () => Date.now(),
    setTimeout: (f, ms) => win.setTimeout(f, ms), clearTimeout: (t) => win.clearTimeout(t) }) : null;
  if (!session) { win.location.replace(course.start); return; }
  win[HOST] = { backend: session.backend };
  const base = win.location.href.split(/[?#]/)[0].replace(/[^/]*$/, "");
  const frame = doc.getElementById("cc-scorm-frame");
  frame.addEventListener("load", () => {
    try {
      const path = pathInPackage(frame.contentWindow, base);
      if (path) { session.pageShown(path); learnQuestions(frame.contentWindow, session); }
    } catch (err) { /* the frame left the package: keep the last page */ }
  });
  doc.addEventListener("visibilitychange", () => { if (doc.visibilityState === "hidden") { session.commitNow(); } });
  win.addEventListener("pagehide", () => { session.finish(); });
  frame.src = session.resumeAt;
}
