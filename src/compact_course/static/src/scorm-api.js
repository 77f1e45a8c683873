/* Finding the LMS's SCORM 1.2 API object, and the CMITimespan format.
 *
 * The search is pipwerks-scorm-api-wrapper's: look for window.API in this window, then up
 * through each window.parent (at most MAX_DEPTH steps, the top included), then the same from
 * window.opener. A window of another origin throws on access: it is skipped, never an error.
 */

const MAX_DEPTH = 500;

function apiOf(win) {
  try {
    const api = win.API;
    return api && typeof api.LMSInitialize === "function" ? api : null;
  } catch (err) { return null; }
}

function searchUp(start) {
  let win = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const api = apiOf(win);
    if (api) { return api; }
    let parent = null;
    try { parent = win.parent; } catch (err) { parent = null; }
    if (!parent || parent === win) { return null; }
    win = parent;
  }
  return null;
}

export function findAPI(win) {
  const found = searchUp(win);
  if (found) { return found; }
  let opener = null;
  try { opener = win.top && win.top.opener; } catch (err) { opener = null; }
  try { if (!opener) { opener = win.opener; } } catch (err) { opener = null; }
  return opener ? searchUp(opener) : null;
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
