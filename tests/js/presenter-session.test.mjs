// The presenter's session (presenter-session.js): kept and read back, refused when damaged,
// chat counts parsed, and the session's CSV export with a count per option, the key and time.
import assert from "node:assert/strict";
import { test } from "node:test";
import "./fixtures.mjs"; // the interface's words
import { createPoll } from "../../src/compact_course/static/src/poll-model.js";
import { newSession, parseChatCounts, readSession, recordPoll, SESSION_KEY, sessionCsv, sessionStore, writeSession }
  from "../../src/compact_course/static/src/presenter-session.js";
import { fill, text } from "../../src/compact_course/static/src/text.js";

function fakeStorage() {
  const items = new Map();
  return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => { items.set(k, String(v)); },
    removeItem: (k) => { items.delete(k); }, items };
}

const q1 = { id: "q-1", prompt: "Is it, \"binding\"?", options: [{ key: "x", correct: false }, { key: "y", correct: true }] };
const q2 = { id: "q-2", prompt: "Which?", options: [{ key: "a", correct: true }, { key: "b", correct: false }, { key: "c", correct: true }] };

test("a session is written and read back; a damaged or foreign record starts a new one", () => {
  const storage = fakeStorage();
  const session = newSession("2026-01-01T09:00:00.000Z");
  session.lessons["l-1"] = { slide: 3, step: "votes", part: 0 };
  recordPoll(session, q1, "Lesson 1", { x: 2, y: 5 }, true, "2026-01-01T09:05:00.000Z");
  assert.equal(writeSession(storage, session), true);
  assert.deepEqual(readSession(storage, "later"), session);
  for (const bad of ["{", "null", "[]", JSON.stringify({ ...session, format: "other" }), JSON.stringify({ ...session, polls: 3 })]) {
    storage.setItem(SESSION_KEY, bad);
    assert.deepEqual(readSession(storage, "now").polls, {}, bad);
    assert.equal(readSession(storage, "now").started, "now");
  }
  // One bad poll record is dropped, the rest kept.
  storage.setItem(SESSION_KEY, JSON.stringify({ ...session, polls: { ...session.polls, "q-2": { lesson: "L", counts: { a: -1 } } } }));
  assert.deepEqual(Object.keys(readSession(storage, "now").polls), ["q-1"]);
});

test("a storage that refuses writes is reported, not thrown; no storage at all falls back to memory", () => {
  const full = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} };
  assert.equal(writeSession(full, newSession("t")), false);
  const store = sessionStore({ get localStorage() { throw new Error("SecurityError"); }, sessionStorage: full });
  assert.equal(store.kept, false);
  store.storage.setItem("k", "v");
  assert.equal(store.storage.getItem("k"), "v");
  assert.equal(sessionStore({ localStorage: fakeStorage() }).kept, true);
});

test("a poll starts from the saved counts and reports every change", () => {
  const changes = [];
  const poll = createPoll("Set", [q1, q2], { "q-2": { counts: { a: 4, b: 1000, c: 2 }, revealed: true } },
    (question, counts, revealed) => { changes.push([question.id, { ...counts }, revealed]); });
  assert.deepEqual(poll.counts, { x: 0, y: 0 });
  poll.goTo(1);
  assert.deepEqual(poll.counts, { a: 4, b: 0, c: 2 }); // 1000 is no count: it is not kept
  assert.equal(poll.revealed, true);
  poll.addVote("b");
  poll.goTo(0);
  poll.setCount("y", "7");
  assert.equal(poll.setCount("y", "7.5"), false);
  poll.reveal();
  poll.reveal();
  assert.deepEqual(changes, [["q-2", { a: 4, b: 1, c: 2 }, true], ["q-1", { x: 0, y: 7 }, false], ["q-1", { x: 0, y: 7 }, true]]);
});

test("counts typed in a meeting chat", () => {
  assert.deepEqual(parseChatCounts("A3 B7 C2", ["A", "B", "C"]), { counts: { A: 3, B: 7, C: 2 }, bad: [] });
  assert.deepEqual(parseChatCounts("a 3, b: 7\nc=2 A1", ["A", "B", "C"]), { counts: { A: 4, B: 7, C: 2 }, bad: [] });
  assert.deepEqual(parseChatCounts("A3 D4 hello B1234", ["A", "B", "C"]), { counts: { A: 3 }, bad: ["D4", "hello", "B1234"] });
  assert.deepEqual(parseChatCounts("", ["A"]), { counts: {}, bad: [] });
});

test("the session's CSV: a row per polled question, a count per option by letter, the key and the time", () => {
  const session = newSession("2026-01-01T09:00:00.000Z");
  recordPoll(session, q2, "Lesson 2", { a: 1, b: 2, c: 3 }, false, "2026-01-01T09:20:00.000Z");
  recordPoll(session, q1, "Lesson 1", { x: 2, y: 5 }, true, "2026-01-01T09:10:00.000Z");
  const words = text().presenter;
  const lines = sessionCsv(session, { "q-1": q1, "q-2": q2 }, words, fill).split("\r\n");
  assert.equal(lines[0], [words.csv_started, words.csv_lesson, words.csv_question, words.csv_prompt,
    fill(words.csv_votes, { letter: "A" }), fill(words.csv_votes, { letter: "B" }), fill(words.csv_votes, { letter: "C" }),
    words.csv_total, words.csv_key, words.csv_revealed, words.csv_time].join(","));
  assert.equal(lines[1], `2026-01-01T09:00:00.000Z,Lesson 1,q-1,"Is it, ""binding""?",2,5,,7,B,${words.csv_yes},2026-01-01T09:10:00.000Z`);
  assert.equal(lines[2], `2026-01-01T09:00:00.000Z,Lesson 2,q-2,Which?,1,2,3,6,A C,${words.csv_no},2026-01-01T09:20:00.000Z`);
  assert.equal(lines[3], "");
});

test("the session's CSV opens in a spreadsheet as text: a prompt or lesson that looks like a formula is not one", () => {
  const session = newSession("2026-01-01T09:00:00.000Z");
  const formula = { ...q2, id: "q-3", prompt: "=HYPERLINK(\"http://x\")" };
  recordPoll(session, formula, "+Lesson 3", { a: 1 }, false, "2026-01-01T09:30:00.000Z");
  const row = sessionCsv(session, { "q-3": formula }, text().presenter, fill).split("\r\n")[1];
  assert.ok(row.includes(`,'+Lesson 3,q-3,"'=HYPERLINK(""http://x"")",`), row);
});
