// Scoring: the shared table (tests/fixtures/scoring_cases.json, also used by test_scoring.py),
// with Python's feedback text for every case.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyResponse, score } from "../../src/compact_course/static/src/scoring.js";
import { python, scoringCases } from "./fixtures.mjs";

test("the recorded Python results cover the shared table as it is now", () => {
  assert.deepEqual(python.scoring.map((c) => c.name), scoringCases.map((c) => c.name),
    "regenerate tests/js/fixtures/python_results.json (see make_python_results.py)");
  python.scoring.forEach((recorded, i) => {
    const shared = scoringCases[i];
    assert.deepEqual(recorded.response, shared.response, shared.name);
    assert.deepEqual([recorded.answered, recorded.correct], [shared.answered, shared.correct], shared.name);
    assert.deepEqual(recorded.feedback.map((f) => [f.key, f.correct]), shared.feedback_keys, shared.name);
  });
});

for (const recorded of python.scoring) {
  test("score: " + recorded.name, () => {
    const result = score(recorded.spec, recorded.response);
    assert.deepEqual(result, { answered: recorded.answered, correct: recorded.correct, feedback: recorded.feedback });
  });
}

test("a response is never changed by scoring it", () => {
  const multiple = python.scoring.find((c) => c.spec.type === "multiple" && c.response.length > 1);
  const response = multiple.response.slice().reverse();
  const before = response.slice();
  score(multiple.spec, response);
  assert.deepEqual(response, before);
});

test("the empty response of each type scores as unanswered", () => {
  for (const type of ["single", "scenario", "true-false", "multiple", "matching"]) {
    const recorded = python.scoring.find((c) => c.spec.type === type);
    assert.deepEqual(score(recorded.spec, emptyResponse(recorded.spec)), { answered: false, correct: false, feedback: [] });
  }
});
