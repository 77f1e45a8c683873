/* One question's state and every change to it, as pure functions (no DOM, no storage).
 *
 * Each transition takes a state and returns {state, effects}; question.js draws the state and
 * carries out the effects. The state:
 *   exam         exam mode: no feedback until the whole self-assessment is submitted
 *   response     the last response checked, restored or reset (the form holds the live one)
 *   result       the last answered result (a later unanswered check keeps it), or null
 *   feedback     what the live region shows: {kind: "blank" | "message" | "unanswered" | "result"}
 *   marks        per-row ticks and crosses: [{key, correct}]
 *   retryVisible whether "Try again" shows (undefined: as the page was written)
 *   answerShown  whether the answer and explanation block shows
 *   hintShown    whether the hint shows
 * A transition that redraws the feedback or marks puts new objects there; one that leaves them
 * alone keeps the same objects, so the view redraws (and a screen reader re-announces) only
 * what the original action changed. Effects: writeResponse (a response to put in the form),
 * focus ("first-control" or "answer"), persist (a record to save), remove (forget the record).
 */

import { emptyResponse, score } from "./scoring.js";

export const MESSAGES = Object.freeze({
  cleared: "Your answer has been cleared. Choose again.",
  revealed: "The answer and explanation are shown below the question."
});

export function initialState() {
  return { exam: false, response: null, result: null, feedback: { kind: "blank" }, marks: [],
    retryVisible: undefined, answerShown: false, hintShown: false };
}

// Rows to tick or cross: for "multiple", only the options the learner chose.
export function marksFor(spec, result, response) {
  return result.feedback
    .filter((line) => spec.type !== "multiple" || (response || []).indexOf(line.key) >= 0)
    .map((line) => ({ key: line.key, correct: line.correct }));
}

function showing(state, spec, result, restored) {
  if (!result.answered) {
    return { ...state, feedback: { kind: "unanswered" }, marks: [] };
  }
  return { ...state, feedback: { kind: "result", result, restored },
    marks: marksFor(spec, result, state.response), retryVisible: true };
}

// The saved record, if it is for this version of the question, fills the form and shows its result.
export function restore(state, spec, saved) {
  if (!saved || saved.fingerprint !== spec.fingerprint) { return { state, effects: {} }; }
  const result = score(spec, saved.answer);
  let next = { ...state, response: saved.answer };
  if (result.answered) {
    next = { ...next, result };
    if (!next.exam) { next = showing(next, spec, result, true); }
  }
  return { state: next, effects: { writeResponse: saved.answer } };
}

// context: {time, page} for the saved record. announce false marks the feedback as restored.
export function check(state, spec, response, context, announce) {
  const result = score(spec, response);
  let next = { ...state, response, result: result.answered ? result : state.result };
  if (!state.exam) { next = showing(next, spec, result, !announce); }
  const effects = {};
  if (result.answered) {
    effects.persist = { answer: response, correct: result.correct, fingerprint: spec.fingerprint,
      time: context.time, question: spec.id, page: context.page };
  }
  return { state: next, effects, result };
}

// Show a result computed elsewhere (the self-assessment's submit), whatever the mode.
export function showResult(state, spec, result) {
  return { state: showing(state, spec, result, false), effects: {} };
}

// "Try again": an empty form and a message; the last result still counts towards the score.
export function tryAgain(state, spec) {
  const response = emptyResponse(spec);
  return {
    state: { ...state, response, marks: [], feedback: { kind: "message", text: MESSAGES.cleared },
      retryVisible: false },
    effects: { writeResponse: response, focus: "first-control" }
  };
}

export function reveal(state) {
  return {
    state: { ...state, answerShown: true, feedback: { kind: "message", text: MESSAGES.revealed } },
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
    state: { ...state, response, result: null, marks: [], feedback: { kind: "blank" }, answerShown: false },
    effects: { writeResponse: response, remove: true }
  };
}
