/* The pack's cover says which pages to copy (issue 27): each item's pages and each set's, as the
 * pack prints on A4 from this page.
 *
 * No script may see a print layout, so the pack is laid out again in a hidden frame: the frame
 * is an A4 page's text area wide and loads the paper twins of the page's stylesheets (the same
 * rules with the print ones opened for the screen and forced page breaks made column breaks;
 * compact_course/book/paper_css.py); the pack then flows into columns one text area high (compact-print.css), and
 * each column is a printed page. Held to Chromium's own printing by tests/test_pack_pages.py.
 * Nothing is read from the stylesheets' rules, so this works on file:// (the offline zip) too.
 */

import { fill, text } from "./text.js";

// The paper twin of a stylesheet in _static (<name>.paper.css, with the same query); any other
// stylesheet as it is.
export function paperHref(href) {
  const url = new URL(href);
  const match = /^(.*\/_static\/[^/]+)\.css$/.exec(url.pathname);
  if (!match) { return href; }
  url.pathname = match[1] + ".paper.css";
  return url.href;
}

// Where each fragment of an item falls: its first and last page (1-based), from the left edge
// of each fragment, the left edge of the first page and the width of a page.
export function pagesFromEdges(fragments, origin, pageWidth) {
  const page = (left) => Math.round((left - origin) / pageWidth) + 1;
  const ranges = {};
  let total = 0;
  Object.keys(fragments).forEach((id) => {
    const lefts = fragments[id];
    if (!lefts.length) { return; }
    ranges[id] = { first: page(lefts[0]), last: page(lefts[lefts.length - 1]) };
    total = Math.max(total, ranges[id].last);
  });
  return { ranges, total };
}

// A set's pages: from its first item's first page to its last item's last page.
export function setRange(ranges, items) {
  const counted = items.filter((id) => ranges[id]);
  if (!counted.length) { return null; }
  const first = Math.min(...counted.map((id) => ranges[id].first));
  const last = Math.max(...counted.map((id) => ranges[id].last));
  return { first, last, count: last - first + 1 };
}

function loaded(link) {
  return new Promise((resolve) => { link.onload = resolve; link.onerror = resolve; });
}

// The pack laid out in a hidden frame: {ranges: {itemId: {first, last}}, total}.
export async function countPages(pack) {
  const frame = document.createElement("iframe");
  frame.className = "cc-pack-measure-frame";
  frame.title = text().plan.measure_title;
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  // A document with a doctype: about:blank would lay the pack out in quirks mode.
  frame.srcdoc = "<!DOCTYPE html><html><head></head><body></body></html>";
  const ready = new Promise((resolve) => { frame.addEventListener("load", resolve, { once: true }); });
  document.body.appendChild(frame);
  try {
    await ready;
    const doc = frame.contentDocument;
    Array.from(document.documentElement.attributes).forEach((a) => { doc.documentElement.setAttribute(a.name, a.value); });
    doc.documentElement.classList.add("cc-pack-measure");
    const links = [];
    document.querySelectorAll('link[rel="stylesheet"]').forEach((link) => {
      const copy = doc.createElement("link");
      copy.rel = "stylesheet"; copy.href = paperHref(link.href);
      links.push(loaded(copy));
      doc.head.appendChild(copy);
    });
    await Promise.all(links);
    // The pack's ancestors (bare, without their other children), so the same rules reach it.
    Array.from(document.body.attributes).forEach((a) => { doc.body.setAttribute(a.name, a.value); });
    let host = doc.body;
    const chain = [];
    for (let node = pack.parentElement; node && node !== document.body; node = node.parentElement) { chain.unshift(node); }
    chain.forEach((node) => { const bare = doc.importNode(node, false); bare.hidden = false; host.appendChild(bare); host = bare; });
    const copy = doc.importNode(pack, true);
    copy.hidden = false;
    host.appendChild(copy);
    if (doc.fonts && doc.fonts.ready) { await doc.fonts.ready; }
    const items = Array.from(copy.children).filter((node) => node.classList.contains("cc-pack-item") && !node.hidden);
    const fragments = {};
    items.forEach((item) => { fragments[item.id] = Array.from(item.getClientRects()).filter((r) => r.height > 0).map((r) => r.left); });
    const origin = items.length && fragments[items[0].id].length ? fragments[items[0].id][0] : 0;
    return pagesFromEdges(fragments, origin, copy.clientWidth);
  } finally {
    frame.remove();
  }
}

// Fill the cover: each item's pages, and each set's line.
export function showPages(pack, counted) {
  const words = text().plan;
  const span = (r) => fill(r.first === r.last ? words.pages_one : words.pages_range, r);
  pack.querySelectorAll("[data-pages]").forEach((cell) => {
    const range = counted.ranges[cell.getAttribute("data-pages")];
    if (range) { cell.textContent = span(range); }
  });
  pack.querySelectorAll("[data-set-pages]").forEach((line) => {
    const table = line.previousElementSibling;
    const items = table ? Array.from(table.querySelectorAll("[data-pages]")).map((c) => c.getAttribute("data-pages")) : [];
    const range = setRange(counted.ranges, items);
    if (!range) { line.hidden = true; return; }
    line.textContent = fill(words.set_pages, { ...range, total: counted.total });
    line.hidden = false;
  });
}

// Count and fill; the promise settles when the cover is up to date (print waits for it).
export function updatePages(pack) {
  if (!pack || !pack.querySelector("[data-pages]")) { return Promise.resolve(null); }
  return countPages(pack).then((counted) => { showPages(pack, counted); return counted; });
}
