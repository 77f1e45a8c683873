// Saved progress (storage.js) over an in-memory stand-in for localStorage.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PREFIX, SET_ASIDE, createStore, probeStorage, validatorFor } from "../../src/compact_course/static/src/storage.js";

function memoryStorage(entries = {}, { full = false } = {}) {
  const data = new Map(Object.entries(entries));
  return {
    get length() { return data.size; },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem(k, v) { if (full) { throw new Error("QuotaExceededError"); } data.set(k, String(v)); },
    removeItem: (k) => { data.delete(k); },
    data
  };
}

function fakeNotices() {
  const list = [];
  return { list, shown: 0, add(text) { list.push(text); }, show() { this.shown += 1; } };
}

const answerKey = PREFIX + "lesson:q-who-is-the-compact-for-01";
const answer = { answer: "b", correct: true, fingerprint: "f1", time: "2026-01-01T00:00:00Z" };

test("records round-trip as JSON", () => {
  const backend = memoryStorage();
  const store = createStore(backend, fakeNotices());
  store.write(answerKey, answer);
  assert.deepEqual(store.read(answerKey), answer);
  store.remove(answerKey);
  assert.equal(store.read(answerKey), null);
});

test("a corrupt record is set aside with a notice, not dropped", () => {
  const backend = memoryStorage({ [answerKey]: "{not json", [PREFIX + "lesson:q-x-01"]: "[1,2]" });
  const notices = fakeNotices();
  const store = createStore(backend, notices);
  assert.equal(store.read(answerKey), null);
  assert.equal(store.read(PREFIX + "lesson:q-x-01"), null);
  assert.equal(backend.getItem(SET_ASIDE + answerKey), "{not json");
  assert.equal(backend.getItem(answerKey), null);
  assert.equal(notices.list.length, 2);
  assert.match(notices.list[0], /not valid JSON/);
  assert.match(notices.list[1], /not in the expected shape/);
});

test("keys of another version are left alone and listed", () => {
  const other = PREFIX + "future-thing:x";
  const backend = memoryStorage({ [other]: "whatever", "unrelated": "1" });
  const store = createStore(backend, fakeNotices());
  assert.equal(validatorFor(other), null);
  assert.equal(store.read(other), null);
  assert.deepEqual(store.unknownKeys(), [other]);
  store.clearProgress();
  assert.equal(backend.getItem(other), "whatever");
});

test("a failed write tells the learner at once", () => {
  const notices = fakeNotices();
  createStore(memoryStorage({}, { full: true }), notices).write(answerKey, answer);
  assert.equal(notices.list.length, 1);
  assert.equal(notices.shown, 1);
});

test("no storage: nothing is read or written, and nothing fails", () => {
  const store = createStore(null, fakeNotices());
  assert.equal(store.available, false);
  store.write(answerKey, answer);
  assert.equal(store.read(answerKey), null);
  assert.deepEqual(store.unknownKeys(), []);
  assert.equal(probeStorage(() => { throw new Error("SecurityError"); }), null);
});

test("export then import into an empty browser restores the records; the newer record wins", () => {
  const submitted = PREFIX + "submitted:self-assessment";
  const source = createStore(memoryStorage({ [answerKey]: JSON.stringify(answer),
    [submitted]: JSON.stringify({ fingerprints: "f1", time: "2026-01-01T00:00:00Z" }) }), fakeNotices());
  const exported = source.exportProgress("2026-02-01T00:00:00Z");
  assert.deepEqual(Object.keys(exported.records), [answerKey, submitted]);
  assert.equal(exported.format, "compact-course-progress");

  const target = createStore(memoryStorage(), fakeNotices());
  const withJunk = { ...exported, records: { ...exported.records, [PREFIX + "lesson:q-y-01"]: { nope: 1 }, other: {} } };
  assert.deepEqual(target.importProgress(withJunk), { added: 2, skipped: 2 });
  assert.deepEqual(target.read(answerKey), answer);

  const newer = { ...answer, correct: false, time: "2026-03-01T00:00:00Z" };
  target.write(answerKey, newer);
  assert.deepEqual(target.importProgress(exported), { added: 1, skipped: 0 });
  assert.deepEqual(target.read(answerKey), newer);
  assert.throws(() => target.importProgress({ format: "something else" }), /not a progress export/);
});
