// The table of step sequences (fixtures/progress_cases.json), replayed through the script's
// rules: question-state.js transitions, their storage effects on storage.js, the lesson score
// (results.js quizTally), the progress page's row (progress.js) and the self-assessment's
// results (results.js summarise). A cleared answer counts nowhere; an answer shown counts as
// not known.
import assert from "node:assert/strict";
import { test } from "node:test";
import { lessonStatus } from "../../src/compact_course/static/src/progress.js";
import * as q from "../../src/compact_course/static/src/question-state.js";
import { quizTally, summarise } from "../../src/compact_course/static/src/results.js";
import { PREFIX, createStore } from "../../src/compact_course/static/src/storage.js";
import { course, progressCases as table, rightAnswer } from "./fixtures.mjs";

function memoryStorage() {
  const data = new Map();
  return { get length() { return data.size; }, key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => { data.set(k, String(v)); },
    removeItem: (k) => { data.delete(k); } };
}

const quietNotices = { add() {}, show() {}, unsaved() { throw new Error("storage works here"); } };

function wrong(spec) {
  if (spec.type === "multiple") { return [spec.choices.find((c) => !c.correct).key]; }
  if (spec.type === "matching") {
    const [a, b] = spec.items;
    return { ...rightAnswer(spec), [a.key]: b.answer, [b.key]: a.answer };
  }
  return spec.choices.find((c) => !c.correct).key;
}

class Replay {
  constructor(kind) {
    this.kind = kind;
    this.store = createStore(memoryStorage(), quietNotices);
    this.clock = 0;
    const storeName = kind === "lesson" ? "lesson" : "assessment";
    this.slots = {};
    this.questions = course.summary.specs.slice(0, 3).map((spec, at) => {
      const slot = { spec, key: PREFIX + storeName + ":" + spec.id, state: q.initialState(), form: null };
      this.slots["q" + (at + 1)] = slot;
      return slot;
    });
    if (kind !== "lesson") { this.questions.forEach((slot) => this.apply(slot, q.setExam(slot.state, true))); }
    this.result = null;
  }

  context() {
    this.clock += 1;
    return { time: new Date(Date.UTC(2026, 0, 1, 0, 0, this.clock)).toISOString(), page: "/page.html" };
  }

  apply(slot, step) {
    slot.state = step.state;
    if ("writeResponse" in step.effects) { slot.form = step.effects.writeResponse; }
    q.saveEffects(this.store, slot.key, slot.spec, step.effects, this.context().time);
  }

  step(action, name, arg) {
    const slot = this.slots[name];
    if (action === "answer") { slot.form = arg === "right" ? rightAnswer(slot.spec) : wrong(slot.spec); }
    else if (action === "check") { if (!slot.state.exam) { this.apply(slot, q.check(slot.state, slot.spec, slot.form, this.context(), true)); } }
    else if (action === "try-again") { this.apply(slot, q.tryAgain(slot.state, slot.spec)); }
    else if (action === "reveal") { this.apply(slot, q.reveal(slot.state, slot.spec, this.context())); }
    else if (action === "switch-mode") { this.questions.forEach((s) => this.apply(s, q.setExam(s.state, name === "exam"))); }
    else if (action === "submit") {
      this.questions.forEach((s) => this.apply(s, q.submit(s.state, s.spec, s.form, this.context())));
      this.result = summarise(this.questions.map((s) => ({ spec: s.spec, result: s.state.result, first: s.state.first,
        revealed: s.state.revealed })));
    } else { throw new Error("unknown step " + action); }
  }

  // First attempts as saved (what the progress file or localStorage holds).
  savedFirst() {
    const records = this.questions.map((s) => this.store.read(s.key)).filter((r) => r && r.first);
    return { answered: records.length, correct: records.filter((r) => r.first.correct).length };
  }

  observed() {
    if (this.kind !== "lesson") {
      return { self_assessment: this.result
        ? { answered: this.result.answered, correct: this.result.correct, first: this.savedFirst() } : null };
    }
    const tally = quizTally(this.questions.map((s) => ({ result: s.state.result, first: s.state.first })));
    const manifest = { modules: [{ id: "m", number: 1, title: "M", lessons: [{ id: "l", number: 1, title: "L", href: "l.html",
      questions: this.questions.map((s) => ({ id: s.spec.id, fingerprint: s.spec.fingerprint })) }] }] };
    const row = lessonStatus(manifest, this.store.read)[0];
    assert.deepEqual(tally.first, this.savedFirst(), "the page's first attempts are the saved ones");
    return {
      lesson_score: { answered: tally.answered, correct: tally.correct, first: tally.first },
      progress: { answered: row.answered, correct: row.correct, first: row.first }
    };
  }
}

for (const c of table.cases) {
  test(`shared progress case: ${c.name}`, () => {
    const replay = new Replay(c.quiz);
    c.steps.forEach((step) => replay.step(...step));
    assert.deepEqual(replay.observed(), c.expect);
  });
}

test("the shared table has every step and both quizzes", () => {
  const actions = new Set(table.cases.flatMap((c) => c.steps.map((s) => s[0])));
  assert.deepEqual([...actions].sort(), ["answer", "check", "reveal", "submit", "switch-mode", "try-again"]);
  assert.deepEqual([...new Set(table.cases.map((c) => c.quiz))].sort(), ["lesson", "self-assessment"]);
});
