// Every change to one question's state (question-state.js): answer and check, try again,
// reveal, hint, clear, exam mode and restoring a saved answer. Pure: no DOM.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as q from "../../src/compact_course/static/src/question-state.js";
import { course } from "./fixtures.mjs";

const single = course.scoring.find((c) => c.name === "single: the correct option").spec;
const multiple = course.scoring.find((c) => c.name.startsWith("multiple: partial")).spec;
const matching = course.scoring.find((c) => c.name === "matching: every item right").spec;
const context = { time: "2026-01-02T03:04:05.000Z", page: "/book/lessons/01.html" };
const right = single.choices.find((c) => c.correct).key;
const wrong = single.choices.find((c) => !c.correct).key;

test("a new question shows nothing and has no result", () => {
  const s = q.initialState();
  assert.deepEqual([s.exam, s.result, s.feedback.kind, s.marks, s.answerShown, s.hintShown],
    [false, null, "blank", [], false, false]);
});

test("checking a right answer shows the result, marks the row, shows try again and saves", () => {
  const step = q.check(q.initialState(), single, right, context, true);
  assert.equal(step.result.correct, true);
  assert.equal(step.state.result, step.result);
  assert.deepEqual(step.state.feedback, { kind: "result", result: step.result, restored: false });
  assert.deepEqual(step.state.marks, [{ key: right, correct: true }]);
  assert.equal(step.state.retryVisible, true);
  assert.deepEqual(step.effects.persist, { answer: right, correct: true, fingerprint: single.fingerprint,
    time: context.time, question: single.id, page: context.page,
    first: { answer: right, correct: true, time: context.time } });
});

test("checking a wrong answer is answered, not correct, and saved", () => {
  const step = q.check(q.initialState(), single, wrong, context, true);
  assert.deepEqual([step.state.result.answered, step.state.result.correct], [true, false]);
  assert.deepEqual(step.state.marks, [{ key: wrong, correct: false }]);
  assert.equal(step.effects.persist.correct, false);
});

test("checking with nothing chosen asks for an answer, keeps the last result and saves nothing", () => {
  const first = q.check(q.initialState(), single, right, context, true).state;
  const step = q.check(first, single, null, context, true);
  assert.equal(step.state.feedback.kind, "unanswered");
  assert.deepEqual(step.state.marks, []);
  assert.equal(step.state.result, first.result);
  assert.equal(step.state.retryVisible, true);
  assert.equal(step.effects.persist, undefined);
});

test("a multiple-select question marks only the options chosen", () => {
  const chosen = [multiple.choices.find((c) => c.correct).key];
  const step = q.check(q.initialState(), multiple, chosen, context, true);
  assert.equal(step.result.feedback.length, 2);  // the chosen one and the one missed
  assert.deepEqual(step.state.marks, [{ key: chosen[0], correct: true }]);
});

test("try again empties the form and focuses it; the cleared answer counts nowhere, its first attempt kept", () => {
  const checked = q.check(q.initialState(), matching, { 1: "a" }, context, true).state;
  const step = q.tryAgain(checked, matching);
  assert.deepEqual(step.effects, { writeResponse: {}, focus: "first-control", clearSaved: true });
  assert.deepEqual(step.state.feedback, { kind: "message", text: "cleared" });
  assert.deepEqual(step.state.marks, []);
  assert.equal(step.state.retryVisible, false);
  assert.equal(step.state.result, null);
  assert.equal(step.state.first, checked.first);
  assert.deepEqual(q.tryAgain(q.initialState(), single).effects, { writeResponse: null, focus: "first-control" });
  assert.deepEqual(q.tryAgain(checked, multiple).effects.writeResponse, []);
  assert.equal(q.tryAgain(checked, single).effects.writeResponse, null);
});

test("show answer opens the answer, says so, keeps the marks and counts the question as not known", () => {
  const checked = q.check(q.initialState(), single, right, context, true).state;
  assert.equal(checked.result.correct, true);
  const step = q.reveal(checked, single, context);
  assert.equal(step.state.answerShown, true);
  assert.equal(step.state.revealed, true);
  assert.deepEqual(step.state.feedback, { kind: "message", text: "revealed" });
  assert.equal(step.state.marks, checked.marks);
  assert.equal(step.state.result.correct, false);
  assert.equal(step.state.first, checked.first);  // a first attempt made before seeing the answer stays
  assert.equal(step.effects.focus, "answer");
  assert.deepEqual([step.effects.persist.correct, step.effects.persist.revealed, step.effects.persist.answer],
    [false, true, right]);
  assert.equal(q.reveal(step.state, single, context).effects.persist, undefined, "saved once");
});

test("show answer before any answer: a first attempt that is not right, and a later right answer not known", () => {
  const step = q.reveal(q.initialState(), single, context);
  assert.deepEqual(step.state.first, { answer: null, correct: false, time: context.time });
  assert.deepEqual([step.effects.persist.answer, step.effects.persist.correct, step.effects.persist.revealed],
    [null, false, true]);
  const checked = q.check(step.state, single, right, context, true);
  assert.equal(checked.result.correct, false);
  assert.equal(checked.state.feedback.result.correct, true, "the feedback still says the choice was right");
  assert.equal(checked.state.feedback.revealed, true, "and that it counts as not known");
  assert.equal(checked.effects.persist.revealed, true);
  const restored = q.restore(q.initialState(), single, checked.effects.persist);
  assert.deepEqual([restored.state.revealed, restored.state.result.correct], [true, false]);
});

test("hint shows the hint and changes nothing else", () => {
  const checked = q.check(q.initialState(), single, wrong, context, true).state;
  const step = q.showHint(checked);
  assert.deepEqual(step.state, { ...checked, hintShown: true });
  assert.equal(step.state.feedback, checked.feedback);  // same object: the live region is not redrawn
});

test("clear (a new attempt) forgets the answer and its result, keeps the first attempt, and hides the answer", () => {
  const checked = q.check(q.initialState(), single, right, context, true).state;
  const shown = q.reveal(checked, single, context).state;
  const step = q.clear(shown, single);
  assert.deepEqual(step.effects, { writeResponse: null, reset: true });
  assert.deepEqual([step.state.result, step.state.feedback.kind, step.state.marks, step.state.answerShown, step.state.revealed],
    [null, "blank", [], false, false]);
  assert.equal(step.state.first, checked.first);
});

test("exam mode hides feedback; checking then shows nothing but still records the result", () => {
  const practised = q.check(q.initialState(), single, wrong, context, true).state;
  const exam = q.setExam(practised, true).state;
  assert.deepEqual([exam.exam, exam.feedback.kind, exam.marks], [true, "blank", []]);
  const step = q.check(exam, single, right, context, false);
  assert.equal(step.state.feedback, exam.feedback);
  assert.equal(step.state.result.correct, true);
  assert.equal(step.effects.persist.correct, true);
  const shown = q.submit(step.state, single, right, context).state;  // submit shows it, with the explanation
  assert.deepEqual([shown.feedback.kind, shown.feedback.explain, shown.marks.length], ["result", true, 1]);
  const practice = q.setExam(shown, false).state;
  assert.equal(practice.exam, false);
  assert.equal(practice.feedback, shown.feedback);
});

test("a saved answer for this version is restored and shown as restored", () => {
  const saved = { answer: right, correct: true, fingerprint: single.fingerprint };
  const step = q.restore(q.initialState(), single, saved);
  assert.deepEqual(step.effects, { writeResponse: right });
  assert.equal(step.state.result.correct, true);
  assert.equal(step.state.feedback.restored, true);
});

test("a saved answer to an older version of the question is ignored", () => {
  const saved = { answer: right, correct: true, fingerprint: "an older fingerprint" };
  const step = q.restore(q.initialState(), single, saved);
  assert.deepEqual(step, { state: q.initialState(), effects: {} });
  assert.deepEqual(q.restore(q.initialState(), single, null).effects, {});
});

test("a saved empty answer fills the form but gives no result", () => {
  const saved = { answer: [], correct: false, fingerprint: multiple.fingerprint };
  const step = q.restore(q.initialState(), multiple, saved);
  assert.deepEqual(step.effects, { writeResponse: [] });
  assert.deepEqual([step.state.result, step.state.feedback.kind], [null, "blank"]);
});

test("submit scores only the submitted response: a saved answer no longer in the form is cleared", () => {
  const practised = q.check(q.initialState(), single, right, context, true).state;
  const cleared = q.tryAgain(practised, single).state;
  const step = q.submit(q.setExam(cleared, true).state, single, null, context);
  assert.equal(step.result.answered, false);
  assert.equal(step.state.result, null);
  assert.deepEqual(step.state.feedback, { kind: "unanswered", explain: true });
  const stale = q.submit(q.setExam(practised, true).state, single, null, context);
  assert.equal(stale.effects.clearSaved, context.time);
  const wrongNow = q.submit(q.setExam(practised, true).state, single, wrong, context);
  assert.equal(wrongNow.state.result.correct, false);
  assert.equal(wrongNow.state.feedback.explain, true);  // wrong answers get the explanation too
  assert.deepEqual(wrongNow.effects.persist.first, practised.first);
});

test("a cleared saved record restores only its first attempt", () => {
  const saved = { answer: null, correct: false, fingerprint: single.fingerprint, first: { answer: right, correct: true } };
  const step = q.restore(q.initialState(), single, saved);
  assert.deepEqual(step.effects, {});
  assert.equal(step.state.result, null);
  assert.deepEqual(step.state.first, saved.first);
});
