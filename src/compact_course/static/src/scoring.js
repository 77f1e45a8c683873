/* Scoring one response to one question: the course's one implementation of the rule.
 *
 * Pure: a spec (one question of a quiz's data block, compact_course.quiz.data) and a response
 * in, {answered, correct, feedback: [{key, correct, text}]} out. A response is a choice key (or
 * null) for single, scenario and true-false; a list of keys for multiple; {item key: choice key}
 * for matching. Correct only when the whole response is right; an empty response is unanswered.
 * The feedback lines' words come from the interface text (text.js).
 */

import { responseKind } from "./question-types.js";
import { fill, text } from "./text.js";

function unanswered() {
  return { answered: false, correct: false, feedback: [] };
}

function choiceMap(spec) {
  const map = {};
  spec.choices.forEach((c) => { map[c.key] = c; });
  return map;
}

function scoreMatching(spec, choices, response) {
  response = response || {};
  const any = spec.items.some((item) => !!response[item.key]);
  if (!any) { return unanswered(); }
  const lines = spec.items.map((item) => {
    const chosen = response[item.key] || "";
    const right = chosen === item.answer;
    const words = text().question;
    const values = { item: item.text, feedback: item.feedback, choice: chosen ? choices[chosen].text : "" };
    const line = fill(right ? words.match_right : (chosen ? words.match_wrong : words.match_blank), values);
    return { key: item.key, correct: right, text: line };
  });
  return { answered: true, correct: lines.every((l) => l.correct), feedback: lines };
}

function scoreMultiple(spec, choices, response) {
  let chosenKeys = (response || []).slice().sort();
  chosenKeys = chosenKeys.filter((k, i) => chosenKeys.indexOf(k) === i);
  if (chosenKeys.length === 0) { return unanswered(); }
  const wanted = spec.choices.filter((c) => c.correct).map((c) => c.key);
  const feedback = chosenKeys.map((k) => ({ key: k, correct: choices[k].correct, text: choices[k].feedback }));
  // A right option missed: its own feedback is written for choosing it ("Correct. ..."), so the
  // line says only that it was missed (the explanation says why it is right).
  wanted.filter((k) => chosenKeys.indexOf(k) < 0).sort().forEach((k) => {
    feedback.push({ key: k, correct: false, text: fill(text().question.missed, { option: choices[k].text }) });
  });
  const exact = wanted.length === chosenKeys.length && wanted.every((k) => chosenKeys.indexOf(k) >= 0);
  return { answered: true, correct: exact, feedback };
}

export function score(spec, response) {
  const choices = choiceMap(spec);
  const kind = responseKind(spec);
  if (kind === "pairs") { return scoreMatching(spec, choices, response); }
  if (kind === "set") { return scoreMultiple(spec, choices, response); }
  if (response === null || response === undefined || response === "") { return unanswered(); }
  const choice = choices[response];
  return { answered: true, correct: choice.correct,
    feedback: [{ key: choice.key, correct: choice.correct, text: choice.feedback }] };
}

// The response that means "nothing chosen" for a question of this type.
export function emptyResponse(spec) {
  const kind = responseKind(spec);
  if (kind === "set") { return []; }
  if (kind === "pairs") { return {}; }
  return null;
}
