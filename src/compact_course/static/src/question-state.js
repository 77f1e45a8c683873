/* One question's state and every change to it, as pure functions (no DOM, no storage).
 *
 * Each transition takes a state and returns {state, effects}; question.js draws the state and
 * carries out the effects. The state:
 *   exam         exam mode: no feedback until the whole self-assessment is submitted
 *   response     the last response checked, restored or reset (the form holds the live one)
 *   result       the result that counts: the last answered check (a later unanswered check keeps
 *                it), null once "Try again" clears it, or the submitted attempt in exam mode
 *   first        the first attempt at this version of the question {answer, correct, time}, or null
 *   feedback     what the live region shows: {kind: "blank" | "message" | "unanswered" | "result"};
 *                a result after an exam-mode submit carries explain: true (the explanation shows
 *                whether right or wrong, and no button exam mode lacks is mentioned)
 *   marks        per-row ticks and crosses: [{key, correct}]
 *   retryVisible whether "Try again" shows (undefined: as the page was written)
 *   answerShown  whether the answer and explanation block shows
 *   hintShown    whether the hint shows
 * A transition that redraws the feedback or marks puts new objects there; one that leaves them
 * alone keeps the same objects, so the view redraws (and a screen reader re-announces) only
 * what the original action changed. Effects: writeResponse (a response to put in the form),
 * focus ("first-control" or "answer"), persist (a record to save), clearSaved (the time at
 * which the saved answer was cleared: it then counts nowhere, its first attempt kept), remove
 * (forget the record). saveEffects() carries out the storage effects.
 */

import { emptyResponse, score } from "./scoring.js";
import { isAnswered } from "./storage.js";

export function initialState() {
  return { exam: false, response: null, result: null, first: null, feedback: { kind: "blank" }, marks: [],
    retryVisible: undefined, answerShown: false, hintShown: false };
}

// Rows to tick or cross: for "multiple", only the options the learner chose.
export function marksFor(spec, result, response) {
  return result.feedback
    .filter((line) => spec.type !== "multiple" || (response || []).indexOf(line.key) >= 0)
    .map((line) => ({ key: line.key, correct: line.correct }));
}

function showing(state, spec, result, restored, explain) {
  if (!result.answered) {
    return { ...state, feedback: { kind: "unanswered" }, marks: [] };
  }
  const feedback = { kind: "result", result, restored };
  if (explain) { feedback.explain = true; }
  return { ...state, feedback, marks: marksFor(spec, result, state.response), retryVisible: true };
}

function firstOf(saved) {
  if (saved.first) { return saved.first; }
  return isAnswered(saved.answer) ? { answer: saved.answer, correct: saved.correct } : null;
}

// The saved record, if it is for this version of the question, fills the form and shows its
// result; a cleared record brings back only its first attempt.
export function restore(state, spec, saved) {
  if (!saved || saved.fingerprint !== spec.fingerprint) { return { state, effects: {} }; }
  const first = firstOf(saved);
  if (!isAnswered(saved.answer)) {
    return { state: { ...state, first }, effects: saved.answer === null ? {} : { writeResponse: saved.answer } };
  }
  const result = score(spec, saved.answer);
  let next = { ...state, response: saved.answer, first };
  if (result.answered) {
    next = { ...next, result };
    if (!next.exam) { next = showing(next, spec, result, true, false); }
  }
  return { state: next, effects: { writeResponse: saved.answer } };
}

function record(spec, response, result, context, first) {
  return { answer: response, correct: result.correct, fingerprint: spec.fingerprint,
    time: context.time, question: spec.id, page: context.page, first };
}

function attemptFirst(state, response, result, context) {
  return state.first || { answer: response, correct: result.correct, time: context.time };
}

// context: {time, page} for the saved record. announce false marks the feedback as restored.
export function check(state, spec, response, context, announce) {
  const result = score(spec, response);
  if (!result.answered) {
    const next = { ...state, response };
    return { state: state.exam ? next : showing(next, spec, result, !announce, false), effects: {}, result };
  }
  const first = attemptFirst(state, response, result, context);
  let next = { ...state, response, result, first };
  if (!state.exam) { next = showing(next, spec, result, !announce, false); }
  return { state: next, effects: { persist: record(spec, response, result, context, first) }, result };
}

// Exam mode's "Submit all answers": the submitted response is the attempt that counts, so an
// unanswered question counts as not answered even if an earlier answer was saved. Every
// question then shows its feedback and explanation.
export function submit(state, spec, response, context) {
  const result = score(spec, response);
  let next;
  const effects = {};
  if (result.answered) {
    const first = attemptFirst(state, response, result, context);
    next = { ...state, response, result, first };
    effects.persist = record(spec, response, result, context, first);
  } else {
    next = { ...state, response, result: null };
    if (state.result) { effects.clearSaved = context.time; }
  }
  next = result.answered ? showing(next, spec, result, false, true)
    : { ...next, feedback: { kind: "unanswered", explain: true }, marks: [] };
  return { state: next, effects, result };
}

// Show a saved result again after a reload of a submitted self-assessment.
export function showResult(state, spec, result) {
  if (!result) { return { state: { ...state, feedback: { kind: "unanswered", explain: true }, marks: [] }, effects: {} }; }
  return { state: showing(state, spec, result, true, true), effects: {} };
}

// "Try again": an empty form and a message; the cleared answer counts nowhere (its first
// attempt is kept).
export function tryAgain(state, spec) {
  const response = emptyResponse(spec);
  const effects = { writeResponse: response, focus: "first-control" };
  if (state.result) { effects.clearSaved = true; }
  return {
    state: { ...state, response, result: null, marks: [], feedback: { kind: "message", text: "cleared" },
      retryVisible: false },
    effects
  };
}

export function reveal(state) {
  return {
    state: { ...state, answerShown: true, feedback: { kind: "message", text: "revealed" } },
    effects: { focus: "answer" }
  };
}

export function showHint(state) {
  return { state: { ...state, hintShown: true }, effects: {} };
}

// Entering exam mode hides the feedback; leaving it shows nothing until the next check.
export function setExam(state, on) {
  if (!on) { return { state: { ...state, exam: false }, effects: {} }; }
  return { state: { ...state, exam: true, feedback: { kind: "blank" }, marks: [] }, effects: {} };
}

// "Start again" and a new draw: forget the answer, its result and its saved record.
export function clear(state, spec) {
  const response = emptyResponse(spec);
  return {
    state: { ...state, response, result: null, first: null, marks: [], feedback: { kind: "blank" },
      answerShown: false },
    effects: { writeResponse: response, remove: true }
  };
}

// Carry out a step's storage effects on `store` (see storage.js) under `key`; `time` stamps a
// cleared answer.
export function saveEffects(store, key, spec, effects, time) {
  if (effects.persist) { store.write(key, effects.persist); }
  if (effects.clearSaved) {
    const when = typeof effects.clearSaved === "string" ? effects.clearSaved : time;
    store.update(key, (current) => (current && current.fingerprint === spec.fingerprint && isAnswered(current.answer)
      ? { ...current, answer: null, correct: false, time: when } : null));
  }
  if (effects.remove) { store.remove(key); }
}
