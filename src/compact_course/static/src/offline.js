/* Registering the course's service worker (issue 28; the worker is offline-sw.js, written at the
 * site's root as compact-offline.js by compact_course/book/offline.py).
 *
 * Only where it can help and cannot harm: a page of the learner edition served over http(s), in a
 * browser with service workers, at the top of its window. Never on file:// (the offline zip works
 * without it), never in a frame (a learning platform's, or the SCORM launch page's), never on the
 * facilitator edition. Registration waits until a second after the page has loaded, so
 * the first visit is not slowed. When the worker has cached the course it tells the page, which
 * says so once in a polite status box the learner can close.
 */

export const WORKER = "compact-offline.js";
export const READY = "compact-offline-ready";

// Whether this page may register the worker.
export function offlineAllowed(win, manifest) {
  if (!manifest || manifest.facilitator) { return false; }
  if (!win.navigator || !("serviceWorker" in win.navigator)) { return false; }
  // Comparing windows is allowed across sites: a frame of any page, an LMS's too, is left out.
  return /^https?:$/.test(win.location.protocol) && win.top === win.self;
}

function showReady(doc, words) {
  const box = doc.createElement("div");
  box.id = "cc-offline-ready";
  box.setAttribute("role", "status");
  doc.body.appendChild(box);
  const p = doc.createElement("p");
  const close = doc.createElement("button");
  close.type = "button";
  close.className = "cc-button";
  close.textContent = words.close;
  close.addEventListener("click", () => { box.remove(); });
  // Filled after the box is in the page, so that screen readers announce it.
  window.setTimeout(() => { p.textContent = words.ready; box.append(p, close); }, 50);
}

export function registerOffline(win, doc, manifest, root) {
  if (!offlineAllowed(win, manifest)) { return; }
  const container = win.navigator.serviceWorker;
  container.addEventListener("message", (event) => {
    if (event.data && event.data.type === READY) { showReady(doc, manifest.text.offline); }
  });
  const base = new URL(root || "./", doc.baseURI);
  // A second after the page has loaded: the learner's page first, the course's copy after.
  const later = () => { win.setTimeout(() => { container.register(new URL(WORKER, base), { scope: base.href }).catch(() => {}); }, 1000); };
  if (doc.readyState === "complete") { later(); } else { win.addEventListener("load", later, { once: true }); }
}
