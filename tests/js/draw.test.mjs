// The seeded draw against a stored table (tests/js/fixtures/draw_cases.json: its own frozen pool),
// including seeds above 2^53, which a Number cannot hold.
import assert from "node:assert/strict";
import { test } from "node:test";
import { drawIds, drawKey, fmix32, fnv1a32, parseSeed, seedText } from "../../src/compact_course/static/src/draw.js";
import { course, drawCases } from "./fixtures.mjs";

test("hashes match the stored ones over UTF-8 bytes", () => {
  for (const vector of drawCases.hashes) {
    assert.equal(fnv1a32(vector.text), vector.fnv1a, vector.text);
    assert.equal(fmix32(fnv1a32(vector.text)), vector.key, vector.text);
  }
});

for (const c of drawCases.cases) {
  test(`seed ${c.seed}, ${c.per_module} per module: the stored questions`, () => {
    assert.deepEqual(drawIds(drawCases.pool, c.seed, c.per_module), c.expected);  // the seed as typed
    assert.deepEqual(drawIds(drawCases.pool, BigInt(c.seed), c.per_module), c.expected);
  });
}

test("the shared table has seeds above 2^53 that a Number would draw differently", () => {
  const large = drawCases.cases.filter((c) => BigInt(c.seed) > BigInt(Number.MAX_SAFE_INTEGER));
  assert.ok(large.length >= 2);
  for (const c of large) {
    assert.notEqual(String(Number(c.seed)), c.seed);
    assert.notDeepEqual(drawIds(drawCases.pool, Number(c.seed), c.per_module), c.expected);
  }
});

test("parseSeed keeps every digit and rejects anything but a whole number", () => {
  assert.equal(parseSeed("9007199254740993"), 9007199254740993n);
  assert.equal(parseSeed(" 18446744073709551621 "), 18446744073709551621n);
  assert.equal(parseSeed("007"), 7n);
  for (const bad of ["", " ", "-3", "1.5", "1e3", "0x10", "seven", "+4"]) { assert.equal(parseSeed(bad), null, bad); }
});

test("the key is over the seed as Python writes it", () => {
  assert.equal(seedText("007"), "7");
  assert.equal(seedText(2026), "2026");
  assert.equal(seedText(18446744073709551621n), "18446744073709551621");
  assert.equal(drawKey("2026", "q-who-is-the-compact-for-01"),
    drawCases.hashes.find((h) => h.text === "2026:q-who-is-the-compact-for-01").key);
  assert.throws(() => seedText("-1"), RangeError);
});
