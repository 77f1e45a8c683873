/* Finding the LMS's SCORM API object, and the two run-times' time spans.
 *
 * The search is pipwerks-scorm-api-wrapper's: look for window.API (SCORM 1.2) or
 * window.API_1484_11 (SCORM 2004) in this window, then up
 * through each window.parent (at most MAX_DEPTH steps, the top included), then the same from
 * window.opener. A window of another origin throws on access: it is skipped, never an error.
 */

const MAX_DEPTH = 500;

// The object's name and the call that proves it is one.
const KINDS = { API: "LMSInitialize", API_1484_11: "Initialize" };

function apiOf(win, name) {
  try {
    const api = win[name];
    return api && typeof api[KINDS[name]] === "function" ? api : null;
  } catch (err) { return null; }
}

function searchUp(start, name) {
  let win = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const api = apiOf(win, name);
    if (api) { return api; }
    let parent = null;
    try { parent = win.parent; } catch (err) { parent = null; }
    if (!parent || parent === win) { return null; }
    win = parent;
  }
  return null;
}

// name: "API" (SCORM 1.2, the default) or "API_1484_11" (SCORM 2004).
export function findAPI(win, name) {
  const kind = name || "API";
  const found = searchUp(win, kind);
  if (found) { return found; }
  let opener = null;
  try { opener = win.top && win.top.opener; } catch (err) { opener = null; }
  try { if (!opener) { opener = win.opener; } } catch (err) { opener = null; }
  return opener ? searchUp(opener, kind) : null;
}

// Milliseconds as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS (hours capped at 9999).
export function timespan(ms) {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = Math.floor(centis / 100) % 60;
  const pad = (n, width) => String(n).padStart(width, "0");
  return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(centis % 100, 2);
}

// Milliseconds as SCORM 2004's timeinterval (ISO 8601 duration): PT1H2M3.45S.
export function isoDuration(ms) {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = (centis % 6000) / 100;
  return "PT" + hours + "H" + minutes + "M" + seconds.toFixed(2) + "S";
}
