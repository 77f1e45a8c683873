// Saved progress (storage.js) over an in-memory stand-in for localStorage, with its faults:
// refused (SecurityError), full (QuotaExceededError), throwing on read; and two tabs at once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PREFIX, SET_ASIDE, canWrite, createStore, mergeRecords, probeStorage, validatorFor } from "../../src/compact_course/static/src/storage.js";
import { course } from "./fixtures.mjs";

function memoryStorage(entries = {}, faults = {}) {
  const data = new Map(Object.entries(entries));
  const fail = (what) => { if (faults[what]) { const err = new Error(faults[what]); err.name = faults[what]; throw err; } };
  return {
    get length() { fail("read"); return data.size; },
    key: (i) => { fail("read"); return [...data.keys()][i] ?? null; },
    getItem: (k) => { fail("read"); return data.has(k) ? data.get(k) : null; },
    setItem(k, v) { fail("write"); data.set(k, String(v)); },
    removeItem: (k) => { fail("write"); data.delete(k); },
    data,
    faults
  };
}

function fakeNotices() {
  const list = [];
  return { list, shown: 0, unsavedCalls: 0, add(text) { list.push(text); }, show() { this.shown += 1; },
    unsaved() { this.unsavedCalls += 1; } };
}

const answerKey = PREFIX + "lesson:q-who-is-the-compact-for-01";
const answer = { answer: "b", correct: true, fingerprint: "f1", time: "2026-01-01T00:00:00Z",
  first: { answer: "b", correct: true, time: "2026-01-01T00:00:00Z" } };

test("records round-trip as JSON", () => {
  const backend = memoryStorage();
  const store = createStore(backend, fakeNotices());
  store.write(answerKey, answer);
  assert.deepEqual(store.read(answerKey), answer);
  store.remove(answerKey);
  assert.equal(store.read(answerKey), null);
});

test("a record saved without a first attempt (version 1) reads with its answer as the first", () => {
  const old = { answer: "a", correct: false, fingerprint: "f1", time: "2025-01-01T00:00:00Z" };
  const store = createStore(memoryStorage({ [answerKey]: JSON.stringify(old) }), fakeNotices());
  assert.deepEqual(store.read(answerKey).first, { answer: "a", correct: false, time: old.time });
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
  // The reasons are the interface's words (data/interface.yaml), as the manifest hands them over.
  assert.ok(notices.list[0].includes(`(${course.text.storage.why_not_json})`), notices.list[0]);
  assert.ok(notices.list[1].includes(`(${course.text.storage.why_not_shape})`), notices.list[1]);
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

test("storage refused (no backend): answers are kept for this page, the learner is told, export works", () => {
  const notices = fakeNotices();
  const store = createStore(null, notices);
  assert.equal(store.available, false);
  store.write(answerKey, answer);
  assert.deepEqual(store.read(answerKey), answer);
  assert.ok(notices.unsavedCalls >= 1);
  assert.deepEqual(Object.keys(store.exportProgress("now").records), [answerKey]);
  assert.equal(probeStorage(() => { throw new Error("SecurityError"); }), null);
});

test("probing: storage that throws on read is refused; full storage is readable but cannot write", () => {
  assert.equal(probeStorage(() => memoryStorage({}, { read: "SecurityError" })), null);
  const full = memoryStorage({}, { write: "QuotaExceededError" });
  assert.equal(probeStorage(() => full), full);
  assert.equal(canWrite(full), false);
  const ok = memoryStorage();
  assert.equal(probeStorage(() => ok), ok);
  assert.equal(canWrite(ok), true);
  assert.equal(ok.data.size, 0);
});

test("storage full: the write is kept in memory, the saved record is untouched, and it is saved once storage works", () => {
  const before = { ...answer, answer: "a", correct: false, time: "2025-12-01T00:00:00Z",
    first: { answer: "a", correct: false, time: "2025-12-01T00:00:00Z" } };
  const backend = memoryStorage({ [answerKey]: JSON.stringify(before) });
  const notices = fakeNotices();
  const store = createStore(backend, notices);
  backend.faults.write = "QuotaExceededError";
  const kept = store.write(answerKey, answer);
  assert.equal(notices.unsavedCalls, 1);
  assert.equal(store.available, false);
  assert.deepEqual(JSON.parse(backend.data.get(answerKey)), before);  // nothing saved before is lost
  assert.equal(store.read(answerKey).answer, "b");  // this page still has the new answer
  assert.deepEqual(kept.first, before.first);  // the first attempt is the earlier one
  delete backend.faults.write;
  store.write(answerKey, { ...answer, time: "2026-01-02T00:00:00Z" });
  const saved = JSON.parse(backend.data.get(answerKey));
  assert.equal(saved.answer, "b");
  assert.deepEqual(saved.first, before.first);
});

test("storage that throws on read: nothing is overwritten, the page keeps working", () => {
  const backend = memoryStorage({ [answerKey]: JSON.stringify(answer) });
  const notices = fakeNotices();
  const store = createStore(backend, notices);
  backend.faults.read = "SecurityError";
  assert.equal(store.read(answerKey), null);
  store.write(answerKey, { ...answer, answer: "c", correct: false, time: "2026-02-01T00:00:00Z" });
  assert.equal(store.read(answerKey).answer, "c");
  assert.deepEqual(JSON.parse(backend.data.get(answerKey)), answer);
  assert.ok(notices.unsavedCalls >= 1);
  assert.deepEqual(store.unknownKeys(), []);
});

test("two tabs answering at once lose nothing: each write re-reads and merges its key", () => {
  const backend = memoryStorage();
  const tabA = createStore(backend, fakeNotices());
  const tabB = createStore(backend, fakeNotices());
  const other = PREFIX + "lesson:q-who-is-the-compact-for-02";
  tabA.write(answerKey, answer);
  tabB.write(other, { ...answer, time: "2026-01-01T00:00:01Z" });
  const later = { ...answer, answer: "c", correct: false, time: "2026-01-03T00:00:00Z",
    first: { answer: "c", correct: false, time: "2026-01-03T00:00:00Z" } };
  tabB.write(answerKey, later);  // tab B answered the same question later, from a stale page
  assert.ok(tabA.read(other));
  const merged = tabA.read(answerKey);
  assert.equal(merged.answer, "c");
  assert.deepEqual(merged.first, answer.first);  // the first attempt stays the earliest
  const stale = { ...answer, time: "2026-01-02T00:00:00Z" };
  assert.equal(tabA.write(answerKey, stale).answer, "c");  // an older write does not win
});

test("merging records: newer wins, earlier first attempt kept, other versions not mixed", () => {
  const a = { answer: "a", fingerprint: "f", correct: false, time: "1", first: { answer: "a", correct: false, time: "1" } };
  const b = { answer: "b", fingerprint: "f", correct: true, time: "2", first: { answer: "b", correct: true, time: "2" } };
  assert.deepEqual(mergeRecords(b, a), { ...b, first: a.first });
  assert.deepEqual(mergeRecords(a, b), { ...b, first: a.first });
  const changed = { ...b, fingerprint: "g" };
  assert.deepEqual(mergeRecords(changed, a), changed);
  assert.equal(mergeRecords(a, null), a);
});

test("export then import into an empty browser restores the records; the newer record wins", () => {
  const submitted = PREFIX + "submitted:self-assessment";
  const source = createStore(memoryStorage({ [answerKey]: JSON.stringify(answer),
    [submitted]: JSON.stringify({ fingerprints: "f1", time: "2026-01-01T00:00:00Z" }) }), fakeNotices());
  const exported = source.exportProgress("2026-02-01T00:00:00Z");
  assert.deepEqual(Object.keys(exported.records), [answerKey, submitted]);
  assert.deepEqual([exported.format, exported.version], ["compact-course-progress", 2]);

  const target = createStore(memoryStorage(), fakeNotices());
  const withJunk = { ...exported, records: { ...exported.records, [PREFIX + "lesson:q-y-01"]: { nope: 1 }, other: {} } };
  assert.deepEqual(target.importProgress(withJunk), { added: 2, skipped: 2 });
  assert.deepEqual(target.read(answerKey), answer);

  const newer = { ...answer, correct: false, time: "2026-03-01T00:00:00Z" };
  target.write(answerKey, newer);
  target.importProgress(exported);
  assert.deepEqual(target.read(answerKey), newer);
  assert.throws(() => target.importProgress({ format: "something else" }), /not a progress export/);
  assert.deepEqual(target.importProgress({ ...exported, version: 1 }).skipped, 0);  // version 1 files still import
});

test("the self-assessment's current attempt is a record of its own: read whole, set aside if malformed", () => {
  const key = PREFIX + "attempt:self-assessment";
  const attempt = { attempt: 2, ids: ["q-sa-m1-02"], seen: ["q-sa-m1-04"], time: "2026-01-01T00:00:00Z" };
  const bad = PREFIX + "attempt:other";
  const backend = memoryStorage({ [key]: JSON.stringify(attempt), [bad]: JSON.stringify({ ...attempt, attempt: "2" }) });
  const notices = fakeNotices();
  const store = createStore(backend, notices);
  assert.deepEqual(store.read(key), attempt);
  assert.equal(store.read(bad), null);
  assert.equal(backend.getItem(bad), null);
  assert.ok(backend.getItem(SET_ASIDE + bad));
  for (const broken of [{ ...attempt, ids: "q-sa-m1-02" }, { ...attempt, seen: [3] }, { ...attempt, attempt: 0 },
    { attempt: 2, ids: [], seen: [] }]) {
    assert.equal(validatorFor(key)(broken), false, JSON.stringify(broken));
  }
  assert.deepEqual(store.unknownKeys(), []);
});
