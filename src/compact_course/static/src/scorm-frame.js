/* What every book page needs to know about SCORM, kept out of the adapter's bundle: whether this
 * is the launch page (which then loads compact-scorm.js), and whether this page runs in the
 * launch page's frame (it then keeps its progress in the launch page's storage; see scorm.js).
 */

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
