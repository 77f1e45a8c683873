/* Scoring one response to one question: a mirror of compact_course/quiz/scoring.py.
 *
 * Pure: a spec (the JSON compact_course.quiz.html.question_spec writes into each form) and a
 * response in, {answered, correct, feedback: [{key, correct, text}]} out. The shared table
 * tests/fixtures/scoring_cases.json holds this and the Python rule to the same answers.
 */

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
    let text;
    if (right) {
      text = "\u201c" + item.text + "\u201d: right. " + item.feedback;
    } else {
      const picked = chosen ? "not \u201c" + choices[chosen].text + "\u201d" : "not answered";
      text = "\u201c" + item.text + "\u201d: " + picked + ". " + item.feedback;
    }
    return { key: item.key, correct: right, text };
  });
  return { answered: true, correct: lines.every((l) => l.correct), feedback: lines };
}

function scoreMultiple(spec, choices, response) {
  let chosenKeys = (response || []).slice().sort();
  chosenKeys = chosenKeys.filter((k, i) => chosenKeys.indexOf(k) === i);
  if (chosenKeys.length === 0) { return unanswered(); }
  const wanted = spec.choices.filter((c) => c.correct).map((c) => c.key);
  const feedback = chosenKeys.map((k) => ({ key: k, correct: choices[k].correct, text: choices[k].feedback }));
  wanted.filter((k) => chosenKeys.indexOf(k) < 0).sort().forEach((k) => {
    feedback.push({ key: k, correct: false,
      text: "You did not select \u201c" + choices[k].text + "\u201d. " + choices[k].feedback });
  });
  const exact = wanted.length === chosenKeys.length && wanted.every((k) => chosenKeys.indexOf(k) >= 0);
  return { answered: true, correct: exact, feedback };
}

export function score(spec, response) {
  const choices = choiceMap(spec);
  if (spec.type === "matching") { return scoreMatching(spec, choices, response); }
  if (spec.type === "multiple") { return scoreMultiple(spec, choices, response); }
  if (response === null || response === undefined || response === "") { return unanswered(); }
  const choice = choices[response];
  return { answered: true, correct: choice.correct,
    feedback: [{ key: choice.key, correct: choice.correct, text: choice.feedback }] };
}

// The response that means "nothing chosen" for a question of this type.
export function emptyResponse(spec) {
  if (spec.type === "multiple") { return []; }
  if (spec.type === "matching") { return {}; }
  return null;
}
