// Scoring (scoring.js), the course's one implementation of the rule, over the table in
// fixtures/scoring_cases.json: each case's question as the page's data block carries it, a
// response, and whether it is answered and right, with the keys of its feedback lines.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyResponse, score } from "../../src/compact_course/static/src/scoring.js";
import { fill } from "../../src/compact_course/static/src/text.js";
import { course, scoringCases } from "./fixtures.mjs";

const words = course.text.question;

test("the course data covers the scoring table as it is now", () => {
  assert.deepEqual(course.scoring.map((c) => c.name), scoringCases.map((c) => c.name),
    "regenerate tests/js/fixtures/course_data.json (see make_course_data.py)");
});

for (const c of course.scoring) {
  test("score: " + c.name, () => {
    const result = score(c.spec, c.response);
    assert.deepEqual([result.answered, result.correct], [c.answered, c.correct]);
    assert.deepEqual(result.feedback.map((f) => [f.key, f.correct]), c.feedback_keys);
    assert.ok(result.feedback.every((f) => typeof f.text === "string" && f.text.length > 0));
  });
}

test("a chosen option's line is its own feedback; a right option missed says so, never its 'Correct.'", () => {
  const c = course.scoring.find((x) => x.name.startsWith("multiple: partial"));
  const result = score(c.spec, c.response);
  const byKey = Object.fromEntries(c.spec.choices.map((choice) => [choice.key, choice]));
  c.response.forEach((key) => {
    assert.equal(result.feedback.find((f) => f.key === key).text, byKey[key].feedback);
  });
  const missed = result.feedback.filter((f) => c.response.indexOf(f.key) < 0);
  assert.ok(missed.length > 0);
  missed.forEach((line) => {
    assert.equal(line.correct, false);
    assert.equal(line.text, fill(words.missed, { option: byKey[line.key].text }));
    assert.ok(!line.text.includes(byKey[line.key].feedback));
  });
});

test("a matching line names the item, what was chosen, and the item's feedback", () => {
  const c = course.scoring.find((x) => x.name === "matching: a wrong match and the distractor");
  const result = score(c.spec, c.response);
  const choiceText = Object.fromEntries(c.spec.choices.map((choice) => [choice.key, choice.text]));
  c.spec.items.forEach((item) => {
    const line = result.feedback.find((f) => f.key === item.key);
    const chosen = c.response[item.key];
    const template = chosen === item.answer ? words.match_right : (chosen ? words.match_wrong : words.match_blank);
    assert.equal(line.text, fill(template, { item: item.text, feedback: item.feedback, choice: chosen ? choiceText[chosen] : "" }));
  });
});

test("a response is never changed by scoring it", () => {
  const multiple = course.scoring.find((c) => c.spec.type === "multiple" && c.response.length > 1);
  const response = multiple.response.slice().reverse();
  const before = response.slice();
  score(multiple.spec, response);
  assert.deepEqual(response, before);
});

test("the empty response of each type scores as unanswered", () => {
  for (const type of ["single", "scenario", "true-false", "multiple", "matching"]) {
    const c = course.scoring.find((x) => x.spec.type === type);
    assert.deepEqual(score(c.spec, emptyResponse(c.spec)), { answered: false, correct: false, feedback: [] });
  }
});
