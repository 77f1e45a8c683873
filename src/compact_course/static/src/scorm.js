/* The course in a learning platform (SCORM 1.2): the launch page and the pages in its frame.
 *
 * scorm-launch.html (written by compact_course/export/scorm.py) carries the course's question
 * index in #cc-scorm-course and an empty frame. On it, startLaunchPage() finds the LMS's API,
 * opens the one session (scorm-session.js), shows the page to resume at in the frame, reports
 * each page the frame shows as cmi.core.lesson_location, commits when the page is hidden and
 * finishes once when it is left. Without an LMS it simply opens the book: no error, no warning.
 * Each book page asks framedHost() for the launch page's storage and uses it instead of
 * localStorage; a page outside the launch page gets null and keeps to localStorage.
 *
 * The launch page loads this adapter as its own bundle (compact-scorm.js, started by
 * scorm-start.js); the book's pages need only the few lines of scorm-frame.js.
 */

import { findAPI } from "./scorm-api.js";
import { createSession } from "./scorm-session.js";
import { HOST } from "./scorm-frame.js";

function pathInPackage(frameWin, base) {
  const href = frameWin.location.href.split("?")[0];
  return href.indexOf(base) === 0 ? href.slice(base.length) : null;
}

export function startLaunchPage(doc, win) {
  const course = JSON.parse(doc.getElementById("cc-scorm-course").textContent);
  const api = findAPI(win);
  const session = api ? createSession(api, course, { now: () => Date.now(),
    setTimeout: (f, ms) => win.setTimeout(f, ms), clearTimeout: (t) => win.clearTimeout(t) }) : null;
  if (!session) { win.location.replace(course.start); return; }
  win[HOST] = { backend: session.backend };
  const base = win.location.href.split(/[?#]/)[0].replace(/[^/]*$/, "");
  const frame = doc.getElementById("cc-scorm-frame");
  frame.addEventListener("load", () => {
    try {
      const path = pathInPackage(frame.contentWindow, base);
      if (path) { session.pageShown(path); }
    } catch (err) { /* the frame left the package: keep the last page */ }
  });
  doc.addEventListener("visibilitychange", () => { if (doc.visibilityState === "hidden") { session.commitNow(); } });
  win.addEventListener("pagehide", () => { session.finish(); });
  frame.src = session.resumeAt;
}
