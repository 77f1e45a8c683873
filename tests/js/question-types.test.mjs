// The question-type registry: the script's table (question-types.js) has every type Python's
// registry has (compact_course/core/question_types.py, through course_data.json), with the same
// response kind, and every type scores and has an empty response.
import assert from "node:assert/strict";
import { test } from "node:test";
import { QUESTION_TYPES, responseKind } from "../../src/compact_course/static/src/question-types.js";
import { emptyResponse, score } from "../../src/compact_course/static/src/scoring.js";
import { course } from "./fixtures.mjs";

test("the script's question types are Python's, with the same response kinds", () => {
  const script = Object.fromEntries(Object.entries(QUESTION_TYPES).map(([name, entry]) => [name, entry.response]));
  assert.deepEqual(script, course.question_types);
});

test("every registered type has a scoring case, scores it and has an empty response", () => {
  for (const type of Object.keys(course.question_types)) {
    const cases = course.scoring.filter((c) => c.spec.type === type);
    assert.ok(cases.length > 0, "no scoring case for " + type);
    cases.forEach((c) => { assert.equal(score(c.spec, c.response).answered, c.answered, c.name); });
    assert.equal(score(cases[0].spec, emptyResponse(cases[0].spec)).answered, false);
  }
});

test("a type the registry lacks is an error, not a silent single answer", () => {
  assert.throws(() => responseKind({ type: "ranking" }), /no question type ranking/);
});
