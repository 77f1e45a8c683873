// Shared test data: the script's behaviour tables (fixtures/*_cases.json) and the course's data
// as Python hands it to the script (fixtures/course_data.json, written by
// fixtures/make_course_data.py from compact_course.quiz.data).
import { readFileSync } from "node:fs";

const json = (url) => JSON.parse(readFileSync(new URL(url, import.meta.url), "utf8"));

export const scoringCases = json("./fixtures/scoring_cases.json");
export const drawCases = json("./fixtures/draw_cases.json");
export const progressCases = json("./fixtures/progress_cases.json");
export const course = json("./fixtures/course_data.json");

// The interface's words, as the course manifest hands them to the script (data/interface.yaml).
import { setText } from "../../src/compact_course/static/src/text.js";
setText(course.text);

// The right answer to a question, as its form would send it (spec: the question's data block).
export function rightAnswer(spec) {
  if (spec.type === "multiple") { return spec.choices.filter((c) => c.correct).map((c) => c.key); }
  if (spec.type === "matching") { return Object.fromEntries(spec.items.map((i) => [i.key, i.answer])); }
  return spec.choices.find((c) => c.correct).key;
}
