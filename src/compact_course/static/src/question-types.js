/* The script's side of the question-type registry (compact_course/core/question_types.py): for
 * each type, what a response is, and so how scoring.js scores it and question.js reads and
 * writes its controls:
 *   one    a choice key (radio buttons)
 *   set    a set of choice keys (checkboxes)
 *   pairs  {item key: choice key} (a drop-down per item)
 * tests/js/question-types.test.mjs fails when this table and Python's differ.
 */

export const QUESTION_TYPES = Object.freeze({
  single: { response: "one" },
  multiple: { response: "set" },
  "true-false": { response: "one" },
  scenario: { response: "one" },
  matching: { response: "pairs" }
});

export function responseKind(spec) {
  const entry = QUESTION_TYPES[spec.type];
  if (!entry) { throw new Error("no question type " + spec.type + " in question-types.js"); }
  return entry.response;
}
