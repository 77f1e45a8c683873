/* The address participants are given for the page on screen (the presenter's participants'
 * link, issue 27). The learner edition gives its own address. The facilitator edition holds the
 * answer keys, so it never gives its own: it gives the same page in the learner edition, where
 * the build was told that edition's address (the manifest's learnerAddress; compact_course/
 * book/learner_address.py), and otherwise none (null), and the view says what to share instead.
 */

// here: the page's address; root: the book's root as the page gives it (data-content_root,
// relative to here); manifest: {facilitator, learnerAddress}.
export function participantsAddress(manifest, here, root) {
  const page = new URL(here);
  page.search = ""; page.hash = "";
  if (!manifest || !manifest.facilitator) { return page.href; }
  if (!manifest.learnerAddress) { return null; }
  const base = new URL(root || "./", page).href;
  if (!page.href.startsWith(base)) { return null; }
  return new URL(page.href.slice(base.length), manifest.learnerAddress).href;
}
