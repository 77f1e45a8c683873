// The pack cover's page arithmetic (pack-pages.js); the layout itself is held to Chromium's
// printing by tests/test_pack_pages.py.
import assert from "node:assert/strict";
import { test } from "node:test";
import { pagesFromEdges, paperHref, setRange } from "../../src/compact_course/static/src/pack-pages.js";

test("each item's first and last page come from its fragments' left edges", () => {
  const width = 600;
  const fragments = { cover: [10], handout: [610, 1210, 1810], agenda: [2410], empty: [] };
  const { ranges, total } = pagesFromEdges(fragments, 10, width);
  assert.deepEqual(ranges, { cover: { first: 1, last: 1 }, handout: { first: 2, last: 4 }, agenda: { first: 5, last: 5 } });
  assert.equal(total, 5);
});

test("sub-pixel edges round to the page they sit on", () => {
  const { ranges } = pagesFromEdges({ tally: [10 + 600 * 7 - 0.4, 10 + 600 * 8 + 0.3] }, 10, 600);
  assert.deepEqual(ranges.tally, { first: 8, last: 9 });
});

test("a set runs from its first item's first page to its last item's last page", () => {
  const ranges = { crib: { first: 15, last: 18 }, answers: { first: 19, last: 19 }, tally: { first: 21, last: 22 } };
  assert.deepEqual(setRange(ranges, ["crib", "answers", "attendance", "tally"]), { first: 15, last: 22, count: 8 });
  assert.equal(setRange(ranges, ["handout"]), null);
});

test("a stylesheet in _static has a paper twin beside it; others are used as they are", () => {
  assert.equal(paperHref("http://host/book/_static/compact-bundle.ab12.css?v=3"), "http://host/book/_static/compact-bundle.ab12.paper.css?v=3");
  assert.equal(paperHref("file:///usb/course/_static/compact-noscript.css"), "file:///usb/course/_static/compact-noscript.paper.css");
  assert.equal(paperHref("http://host/_static/styles/theme.css"), "http://host/_static/styles/theme.css");
  assert.equal(paperHref("http://host/other/site.css"), "http://host/other/site.css");
});
