// The progress code (progress-code.js, issue 28): the export as one line of text, compressed,
// checksummed and versioned; a damaged or foreign code is refused; an import merges like a file.
import assert from "node:assert/strict";
import { test } from "node:test";
import "./fixtures.mjs";
import { CODE_VERSION, decodeProgress, encodeProgress, grow, shrink } from "../../src/compact_course/static/src/progress-code.js";
import { PREFIX, createStore } from "../../src/compact_course/static/src/storage.js";

function memoryStorage(entries = {}) {
  const data = new Map(Object.entries(entries));
  return {
    get length() { return data.size; },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem(k, v) { data.set(k, String(v)); },
    removeItem: (k) => { data.delete(k); },
    data
  };
}
const notices = { add() {}, show() {}, unsaved() {} };

// Every lesson question answered, as a learner who finished the course would have it.
function fullExport() {
  const records = {};
  for (let lesson = 1; lesson <= 19; lesson += 1) {
    for (let q = 1; q <= 5; q += 1) {
      const time = `2026-03-${String(lesson).padStart(2, "0")}T10:${String(q * 7).padStart(2, "0")}:00.000Z`;
      records[`${PREFIX}lesson:q-lesson-number-${lesson}-0${q}`] = { answer: q % 2 ? "b" : ["a", "c"], correct: q % 3 !== 0,
        fingerprint: (lesson * 7919 + q).toString(16).padStart(12, "0"), time, first: { answer: "a", correct: false, time } };
    }
  }
  records[`${PREFIX}lesson:q-matching-01`] = { answer: { a: "c", first: "a", t: "b" }, correct: true, fingerprint: "abc", time: "2026-03-01T00:00:00Z" };
  return { format: "compact-course-progress", version: 2, exported: "2026-03-20T09:00:00.000Z", records };
}

test("a code gives back the export exactly, answers' own keys included", async () => {
  const exported = fullExport();
  const code = await encodeProgress(exported);
  assert.match(code, /^CC1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  assert.deepEqual(await decodeProgress(code), exported);
  assert.deepEqual(grow(shrink(exported)), exported);
});

test("a whole course's progress fits a short code (under 3,000 characters for 96 answers)", async () => {
  const code = await encodeProgress(fullExport());
  assert.ok(code.length < 3000, `${code.length} characters`);
  assert.ok(code.length < JSON.stringify(fullExport()).length / 4);
});

test("spaces and line breaks added by an email are ignored", async () => {
  const code = await encodeProgress(fullExport());
  const wrapped = "  " + code.match(/.{1,60}/g).join("\r\n ") + "\n";
  assert.deepEqual(await decodeProgress(wrapped), fullExport());
});

async function refusal(pasted) {
  try { await decodeProgress(pasted); } catch (err) { return err.code; }
  return "accepted";
}

test("a damaged, cut or empty code is refused with its reason", async () => {
  const code = await encodeProgress(fullExport());
  const [version, body, check] = code.split(".");
  const flipped = body.slice(0, 40) + (body[40] === "A" ? "B" : "A") + body.slice(41);
  assert.equal(await refusal(`${version}.${flipped}.${check}`), "damaged");
  assert.equal(await refusal(code.slice(0, code.length - 30)), "damaged");
  assert.equal(await refusal(`${version}.${body}`), "damaged");
  assert.equal(await refusal(`${version}.${body}!.${check}`), "damaged");
  assert.equal(await refusal("hello"), "damaged");
  assert.equal(await refusal("   \n"), "empty");
  assert.equal(await refusal(""), "empty");
});

test("a code of another version is refused as such", async () => {
  const code = await encodeProgress(fullExport());
  assert.equal(CODE_VERSION, "CC1");
  assert.equal(await refusal(code.replace(/^CC1/, "CC2")), "version");
  const future = await encodeProgress({ ...fullExport(), version: 99 });
  assert.equal(await refusal(future), "version");
});

test("a right checksum over a body that is not a code is still refused", async () => {
  const { fnv1a32 } = await import("../../src/compact_course/static/src/draw.js");
  const body = "bm90LWRlZmxhdGU";
  assert.equal(await refusal(`CC1.${body}.${fnv1a32(body).toString(16).padStart(8, "0")}`), "damaged");
});

test("importing a code merges like the file import: the newer record wins, nothing is removed", async () => {
  const key = `${PREFIX}lesson:q-lesson-number-1-01`;
  const other = `${PREFIX}lesson:q-only-here-01`;
  const here = { answer: "d", correct: false, fingerprint: "f", time: "2027-01-01T00:00:00.000Z" };
  const mine = { answer: "a", correct: true, fingerprint: "f", time: "2026-01-01T00:00:00.000Z" };
  const backend = memoryStorage({ [key]: JSON.stringify({ ...mine, time: "2020-01-01T00:00:00.000Z" }), [other]: JSON.stringify(here) });
  const store = createStore(backend, notices);
  const exported = fullExport();
  const outcome = store.importProgress(await decodeProgress(await encodeProgress(exported)));
  assert.deepEqual(outcome, { added: Object.keys(exported.records).length, skipped: 0 });
  assert.equal(store.read(key).time, exported.records[key].time);  // the code's record is newer
  assert.deepEqual(store.read(other), { ...here, first: { answer: "d", correct: false, time: here.time } });  // kept
});

test("an answer shown in practice moves with the code and still counts as not known on the other device", async () => {
  const { initialState, restore } = await import("../../src/compact_course/static/src/question-state.js");
  const { summarise } = await import("../../src/compact_course/static/src/results.js");
  const spec = { id: "q-sa-m1-04", type: "single", fingerprint: "f1", lesson: { id: "l1", number: 1, title: "L" },
    module: { id: "m1", number: 1, title: "M" },
    choices: [{ key: "a", correct: true, feedback: "" }, { key: "b", correct: false, feedback: "" }] };
  const key = `${PREFIX}assessment:q-sa-m1-04`;
  const unanswered = `${PREFIX}assessment:q-sa-m1-13`;
  const first = { answer: "b", correct: false, time: "2026-02-01T09:00:00.000Z" };
  // On the first device: answered wrongly, the answer shown, then answered right (counts as not known);
  // another question's answer shown before any choice.
  const exported = { format: "compact-course-progress", version: 2, exported: "2026-02-02T00:00:00.000Z", records: {
    [key]: { answer: "a", correct: false, fingerprint: "f1", time: "2026-02-01T09:05:00.000Z", first, revealed: true },
    [unanswered]: { answer: null, correct: false, fingerprint: "f2", time: "2026-02-01T09:06:00.000Z",
      first: { answer: null, correct: false, time: "2026-02-01T09:06:00.000Z" }, revealed: true } } };
  const code = await encodeProgress(exported);
  assert.deepEqual(await decodeProgress(code), exported);
  // The other device had answered it right earlier, without seeing the answer.
  const backend = memoryStorage({ [key]: JSON.stringify({ answer: "a", correct: true, fingerprint: "f1", time: "2026-01-01T00:00:00.000Z" }) });
  const store = createStore(backend, notices);
  store.importProgress(await decodeProgress(code));
  assert.equal(store.read(key).revealed, true);
  assert.equal(store.read(unanswered).revealed, true);
  const state = restore(initialState(), spec, store.read(key)).state;
  assert.deepEqual([state.revealed, state.result.answered, state.result.correct], [true, true, false]);
  const summary = summarise([{ spec, result: state.result, first: state.first, revealed: state.revealed }], null);
  assert.deepEqual([summary.correct, summary.revealed, summary.outcomes[0].revealed], [0, 1, true]);
});

test("a code from before shown answers were named (no revealed field) reads as not shown", async () => {
  const exported = fullExport();
  const back = await decodeProgress(await encodeProgress(exported));
  assert.ok(Object.values(back.records).every((r) => !("revealed" in r)));
});

test("the self-assessment's current attempt moves with the code", async () => {
  const key = `${PREFIX}attempt:self-assessment`;
  const attempt = { attempt: 3, ids: ["q-sa-m1-02", "q-sa-m2-05"], seen: ["q-sa-m1-04", "q-sa-m2-07"], time: "2026-02-01T09:00:00.000Z" };
  const exported = { ...fullExport(), records: { ...fullExport().records, [key]: attempt } };
  const store = createStore(memoryStorage(), notices);
  const outcome = store.importProgress(await decodeProgress(await encodeProgress(exported)));
  assert.equal(outcome.skipped, 0);
  assert.deepEqual(store.read(key), attempt);
  assert.deepEqual(store.exportProgress("2026-02-02T00:00:00.000Z").records[key], attempt);
});
