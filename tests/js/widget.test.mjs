// The live widget's side of the sync (widget.js): what it writes to the model's traits, which
// anywidget sends to Python (compact_course.quiz.widget.CourseWidget: results, score).
import assert from "node:assert/strict";
import { test } from "node:test";
import * as q from "../../src/compact_course/static/src/question-state.js";
import { syncQuiz } from "../../src/compact_course/static/src/widget.js";
import { course } from "./fixtures.mjs";

const context = { time: "2026-01-02T03:04:05.000Z", page: "/l.html" };

function fakeModel() {
  const traits = {};
  let saves = 0;
  return { traits, get saves() { return saves; }, set(name, value) { traits[name] = value; }, save_changes() { saves += 1; } };
}

test("answers, answers seen and the score reach the model's traits, then are saved", () => {
  const [a, b, c] = course.summary.specs;
  const rightOf = (spec) => spec.choices.find((choice) => choice.correct).key;
  const rightA = q.check(q.initialState(), a, rightOf(a), context, true).state;
  const shownB = q.check(q.reveal(q.initialState(), b, context).state, b, rightOf(b), context, true).state;
  const quiz = { questions: [
    { spec: a, result: rightA.result, first: rightA.first, revealed: rightA.revealed },
    { spec: b, result: shownB.result, first: shownB.first, revealed: shownB.revealed },
    { spec: c, result: null, first: null, revealed: false }
  ] };
  const model = fakeModel();
  syncQuiz(model, quiz);
  assert.equal(model.saves, 1);
  assert.deepEqual(model.traits.score, { correct: 1, answered: 2, total: 3 });
  assert.deepEqual(model.traits.results[a.id], { answered: true, correct: true, revealed: false, first_correct: true });
  assert.deepEqual(model.traits.results[b.id], { answered: true, correct: false, revealed: true, first_correct: false });
  assert.deepEqual(model.traits.results[c.id], { answered: false, correct: false, revealed: false, first_correct: null });
});
