// The plan builder's layout (plan-layout.js) against the shared table tests/fixtures/plan_cases.json,
// which tests/test_plan_parity.py holds to `compact-course plan` (Python).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { clock, layoutPlan } from "../../src/compact_course/static/src/plan-layout.js";

const cases = JSON.parse(readFileSync(new URL("../fixtures/plan_cases.json", import.meta.url), "utf8"));

test("the table has plans that fit and each kind of refusal", () => {
  const kinds = new Set(cases.map((c) => c.expected.error || "fits"));
  assert.deepEqual([...kinds].sort(), ["fits", "lesson-too-long", "past-midnight", "too-many-days", "too-many-minutes"]);
});

for (const c of cases) {
  test("plan case: " + c.name, () => {
    const result = layoutPlan(c.lessons, c.settings);
    if (c.expected.error) {
      assert.equal(result.error, c.expected.error);
      return;
    }
    assert.equal(result.error, undefined);
    const days = result.days.map((day) => day.slots.map((s) => [s.kind, s.start, s.minutes, s.lesson, s.polled]));
    assert.deepEqual(days, c.expected.days);
  });
}

test("clock times", () => {
  assert.equal(clock(9 * 60 + 5), "09:05");
  assert.equal(clock(23 * 60 + 59), "23:59");
});
