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
 *   revealed     the answer was shown ("Show answer", confirmed) for this version of the question:
 *                every later result counts as not known (correct false) in the score, results,
 *                record, CSV and SCORM score, though its feedback still says what was right
 *   hintShown    whether the hint shows
 * A transition that redraws the feedback or marks puts new objects there; one that leaves them
 * alone keeps the same objects, so the view redraws (and a screen reader re-announces) only
 * what the original action changed. Effects: writeResponse (a response to put in the form),
 * focus ("first-control" or "answer"), persist (a record to save), clearSaved (the time at
 * which the saved answer was cleared: it then counts nowhere, its first attempt kept), reset
 * (as clearSaved, and the answer no longer counts as shown: a new attempt). saveEffects() carries out the storage effects. A saved record carries `revealed: true`
 * once the answer was shown.
 */

import { responseKind } from "./question-types.js";
import { emptyResponse, score } from "./scoring.js";
import { isAnswered } from "./storage.js";

export function initialState() {
  return { exam: false, response: null, result: null, first: null, feedback: { kind: "blank" }, marks: [],
    retryVisible: undefined, answerShown: false, revealed: false, hintShown: false };
}

// The result that counts: once the answer was shown, a right answer counts as not known.
export function counted(result, revealed) {
  return revealed && result.answered ? { ...result, correct: false, revealed: true } : result;
}

// Rows to tick or cross: for "multiple", only the options the learner chose.
export function marksFor(spec, result, response) {
  return result.feedback
    .filter((line) => responseKind(spec) !== "set" || (response || []).indexOf(line.key) >= 0)
    .map((line) => ({ key: line.key, correct: line.correct }));
}

function showing(state, spec, result, restored, explain) {
  if (!result.answered) {
    return { ...state, feedback: { kind: "unanswered" }, marks: [] };
  }
  const feedback = { kind: "result", result, restored };
  if (explain) { feedback.explain = true; }
  if (state.revealed) { feedback.revealed = true; }
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
  const revealed = saved.revealed === true;
  if (!isAnswered(saved.answer)) {
    return { state: { ...state, first, revealed }, effects: saved.answer === null ? {} : { writeResponse: saved.answer } };
  }
  const result = score(spec, saved.answer);
  let next = { ...state, response: saved.answer, first, revealed };
  if (result.answered) {
    next = { ...next, result: counted(result, revealed) };
    if (!next.exam) { next = showing(next, spec, result, true, false); }
  }
  return { state: next, effects: { writeResponse: saved.answer } };
}

// result: the result that counts (see counted()).
function record(spec, response, result, context, first, revealed) {
  const saved = { answer: response, correct: result.correct, fingerprint: spec.fingerprint,
    time: context.time, question: spec.id, page: context.page, first };
  if (revealed) { saved.revealed = true; }
  return saved;
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
  const counts = counted(result, state.revealed);
  const first = attemptFirst(state, response, counts, context);
  let next = { ...state, response, result: counts, first };
  if (!state.exam) { next = showing(next, spec, result, !announce, false); }
  return { state: next, effects: { persist: record(spec, response, counts, context, first, state.revealed) },
    result: counts };
}

// Exam mode's "Submit all answers": the submitted response is the attempt that counts, so an
// unanswered question counts as not answered even if an earlier answer was saved. Every
// question then shows its feedback and explanation.
export function submit(state, spec, response, context) {
  const result = score(spec, response);
  let next;
  const effects = {};
  const counts = counted(result, state.revealed);
  if (result.answered) {
    const first = attemptFirst(state, response, counts, context);
    next = { ...state, response, result: counts, first };
    effects.persist = record(spec, response, counts, context, first, state.revealed);
  } else {
    next = { ...state, response, result: null };
    if (state.result) { effects.clearSaved = context.time; }
  }
  next = result.answered ? showing(next, spec, result, false, true)
    : { ...next, feedback: { kind: "unanswered", explain: true }, marks: [] };
  return { state: next, effects, result: counts };
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

// "Show answer", once confirmed: the answer shows and this question now counts as not known
// (its current result too); a question never attempted gets a first attempt that is not right.
export function reveal(state, spec, context) {
  const effects = { focus: "answer" };
  const result = state.result ? counted(state.result, true) : null;
  const first = state.first || { answer: null, correct: false, time: context.time };
  if (!state.revealed) {
    effects.persist = record(spec, result ? state.response : null, result || { correct: false }, context, first, true);
  }
  return {
    state: { ...state, result, first, revealed: true, answerShown: true, feedback: { kind: "message", text: "revealed" } },
    effects
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

// "Start again" and a new draw: forget the answer and its result, and start a new attempt (the
// answer no longer counts as shown); the first attempt is kept, so a later attempt can say
// which questions came up before.
export function clear(state, spec) {
  const response = emptyResponse(spec);
  return {
    state: { ...state, response, result: null, marks: [], feedback: { kind: "blank" },
      answerShown: false, revealed: false },
    effects: { writeResponse: response, reset: true }
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
  if (effects.reset) {
    store.update(key, (current) => {
      if (!current || current.fingerprint !== spec.fingerprint) { return null; }
      const next = { ...current, answer: null, correct: false, time };
      delete next.revealed;
      return next;
    });
  }
}
