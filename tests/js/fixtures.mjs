// Shared test data: the Python-side tables (tests/fixtures/) and Python's recorded answers
// (fixtures/python_results.json, written by fixtures/make_python_results.py).
import { readFileSync } from "node:fs";

const json = (url) => JSON.parse(readFileSync(new URL(url, import.meta.url), "utf8"));

export const scoringCases = json("../fixtures/scoring_cases.json");
export const drawCases = json("../fixtures/draw_cases.json");
export const python = json("./fixtures/python_results.json");

// The interface's words, as the course manifest hands them to the script (data/interface.yaml).
import { setText } from "../../src/compact_course/static/src/text.js";
setText(python.text);
