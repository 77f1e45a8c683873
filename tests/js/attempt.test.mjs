// The self-assessment's attempts (attempt.js over draw.js, issue 25.5): the first attempt is the
// fixed set; every later one draws afresh from the whole pool, per module, the fewest seen before,
// deterministic for a seed, an attempt and what came up before, and says how many came up before.
import assert from "node:assert/strict";
import { test } from "node:test";
import { attemptKey, currentAttempt, firstAttempt, nextAttempt, repeatsOf } from "../../src/compact_course/static/src/attempt.js";
import { attemptSeed, drawAttempt, drawIds } from "../../src/compact_course/static/src/draw.js";
import { PREFIX } from "../../src/compact_course/static/src/storage.js";
import { course } from "./fixtures.mjs";

const pool = course.draw_pool;  // the course's own pool: 15 questions in each of 5 modules
const fixed = course.summary.specs.map((s) => s.id);  // data/assessment.yaml `fixed`
const SEED = 2026;
const PER_MODULE = 3;
const TIME = "2026-05-01T10:00:00.000Z";
const moduleOf = Object.fromEntries(pool.map((q) => [q.id, q.module.id]));
const modules = [...new Set(pool.map((q) => q.module.id))];

function perModule(ids) {
  const counts = Object.fromEntries(modules.map((m) => [m, 0]));
  ids.forEach((id) => { counts[moduleOf[id]] += 1; });
  return counts;
}

// Attempts 1 .. n, each started from the one before.
function attempts(n, seed = SEED, per = PER_MODULE) {
  const out = [firstAttempt(fixed)];
  while (out.length < n) { out.push(nextAttempt(out[out.length - 1], pool, seed, per, TIME)); }
  return out;
}

test("the first attempt is the fixed set, nothing seen before", () => {
  const first = firstAttempt(fixed);
  assert.deepEqual(first, { attempt: 1, ids: fixed, seen: [] });
  assert.equal(repeatsOf(first), 0);
});

test("every later attempt draws another set, per_module from every module, in course order", () => {
  const chain = attempts(6);
  chain.slice(1).forEach((a, n) => {
    assert.equal(a.attempt, n + 2);
    assert.equal(a.time, TIME);
    assert.equal(new Set(a.ids).size, a.ids.length);
    assert.deepEqual(Object.values(perModule(a.ids)), modules.map(() => PER_MODULE), `attempt ${a.attempt}`);
    const order = a.ids.map((id) => pool.find((q) => q.id === id).module.number);
    assert.deepEqual(order, order.slice().sort((x, y) => x - y));
    assert.notDeepEqual(a.ids.slice().sort(), chain[n].ids.slice().sort(), "not the set before");
  });
  for (const per of [1, 2, 5]) {
    const a = attempts(2, SEED, per)[1];
    assert.deepEqual(Object.values(perModule(a.ids)), modules.map(() => per), `${per} per module`);
  }
});

test("no question comes up again until its module's pool is used up; then the fewest repeat", () => {
  // 15 a module, 3 fixed and 3 drawn each time: attempts 2-5 take the other 12, attempt 6 repeats 3 a module.
  const chain = attempts(6);
  chain.slice(1, 5).forEach((a) => { assert.equal(repeatsOf(a), 0, `attempt ${a.attempt}`); });
  assert.equal(new Set(chain.slice(0, 5).flatMap((a) => a.ids)).size, pool.length);
  assert.equal(repeatsOf(chain[5]), chain[5].ids.length);
  assert.deepEqual(chain[5].seen, pool.map((q) => q.id).sort());
});

test("what came up before is every question an earlier attempt showed, and counted exactly", () => {
  const [first, second, third] = attempts(3);
  assert.deepEqual(second.seen, fixed.slice().sort());
  assert.deepEqual(third.seen, [...fixed, ...second.ids].sort());
  // A history in which some of a module's questions were seen: the draw fills up with unseen ones first.
  const m1 = pool.filter((q) => q.module.id === modules[0]).map((q) => q.id);
  const seenNow = new Set(m1.slice(0, 13));  // only 2 of module 1's 15 unseen
  const drawn = drawAttempt(pool, SEED, 4, PER_MODULE, seenNow);
  const fromM1 = drawn.ids.filter((id) => moduleOf[id] === modules[0]);
  assert.ok(m1.slice(13).every((id) => fromM1.includes(id)), "both unseen questions are drawn");
  assert.equal(drawn.repeats, 1);
  assert.equal(repeatsOf({ ...first, ids: drawn.ids, seen: [...seenNow] }), 1);
});

test("the same seed, attempt and history give the same set; another seed or attempt another", () => {
  const seen = new Set(fixed);
  const a = drawAttempt(pool, SEED, 2, PER_MODULE, seen);
  assert.deepEqual(drawAttempt(pool, String(SEED), 2, PER_MODULE, new Set(fixed)), a);
  assert.deepEqual(a.ids, drawIds(pool, BigInt(SEED + 2), PER_MODULE, seen));
  assert.equal(attemptSeed(SEED, 2), 2028n);
  assert.notDeepEqual(drawAttempt(pool, SEED, 3, PER_MODULE, seen).ids, a.ids);
  assert.notDeepEqual(drawAttempt(pool, 7, 2, PER_MODULE, seen).ids, a.ids);
  assert.deepEqual(attempts(4), attempts(4));
  assert.throws(() => attemptSeed(SEED, 0), RangeError);
});

test("drawIds without a history is the seeded draw as before", () => {
  assert.deepEqual(drawIds(pool, SEED, PER_MODULE), drawIds(pool, SEED, PER_MODULE, new Set()));
});

test("a saved attempt is used only while every question it names is in the pool", () => {
  const ids = pool.map((q) => q.id);
  const [, second] = attempts(2);
  assert.equal(attemptKey("self-assessment"), PREFIX + "attempt:self-assessment");
  assert.deepEqual(currentAttempt(second, fixed, ids), second);
  assert.deepEqual(currentAttempt(null, fixed, ids), firstAttempt(fixed));
  assert.deepEqual(currentAttempt({ ...second, ids: ["q-sa-gone"] }, fixed, ids), firstAttempt(fixed));
  assert.deepEqual(currentAttempt({ ...second, seen: ["q-sa-gone"] }, fixed, ids), firstAttempt(fixed));
  assert.deepEqual(currentAttempt({ ...second, attempt: 0 }, fixed, ids), firstAttempt(fixed));
  assert.deepEqual(currentAttempt({ ...second, ids: [] }, fixed, ids), firstAttempt(fixed));
});
