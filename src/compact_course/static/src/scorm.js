/* The course in a learning platform (SCORM 1.2): the launch page and the pages in its frame.
 *
 * scorm-launch.html (written by compact_course/export/scorm.py) carries the course's question
 * index in #cc-scorm-course and an empty frame. On it, startLaunchPage() finds the LMS's API,
 * opens the one session (scorm-session.js), shows the page to resume at in the frame, reports
 * each page the frame shows as cmi.core.lesson_location, commits when the page is hidden and
 * finishes once when it is left. Without an LMS it simply opens the book: no error, no warning.
 * Each book page asks framedHost() for the launch page's storage and uses it instead of
 * localStorage; a page outside the launch page gets null and keeps to localStorage.
 */

import { findAPI } from "./scorm-api.js";
import { createSession } from "./scorm-session.js";

export const HOST = "CompactScormHost";

export function isLaunchPage(doc) { return !!doc.getElementById("cc-scorm-course"); }

// The launch page's {backend} if this page is in its frame, else null.
export function framedHost(win) {
  try {
    const parent = win.parent;
    return parent && parent !== win && parent[HOST] ? parent[HOST] : null;
  } catch (err) { return null; }  // a frame of another site's page
}

// Links to other sites open outside the course's frame (many sites refuse to be framed).
export function openExternalLinksOutside(doc) {
  doc.querySelectorAll("a[href]").forEach((a) => {
    if (/^https?:/.test(a.href) && a.origin !== doc.location.origin) {
      a.target = "_blank";
      a.rel = "noopener";
    }
  });
}

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
