// The room poll's arithmetic: the table tests/fixtures/poll_cases.json, and the poll's moves,
// reveal and CSV.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { createPoll, optionShares, percent, summaryCsv, summaryRow, summaryShare } from "../../src/compact_course/static/src/poll-model.js";
import { course } from "./fixtures.mjs";

const words = course.text.poll; // data/interface.yaml's `poll`, as the manifest hands it over

const cases = JSON.parse(readFileSync(new URL("../fixtures/poll_cases.json", import.meta.url), "utf8"));

for (const c of cases) {
  test("poll case: " + c.name, () => {
    const shares = optionShares(c.options, c.counts).map(({ key, count, percent: p }) => ({ key, count, percent: p }));
    assert.deepEqual(shares, c.shares);
    const row = summaryRow(c.summary.number, { prompt: c.name, options: c.options }, c.counts, c.revealed);
    assert.deepEqual(
      { number: row.number, votes: row.votes, correct_votes: row.correctVotes, percent: row.percent, share_text: summaryShare(row, words) },
      c.summary);
  });
}

test("percent rounds halves up and refuses no votes", () => {
  assert.equal(percent(5, 8), 63);
  assert.equal(percent(1, 200), 1);
  assert.equal(percent(0, 3), 0);
  assert.throws(() => percent(0, 0), RangeError);
});

test("each option's share is its count and percent of the votes, none with no votes", () => {
  const shares = optionShares([{ key: "a" }, { key: "b" }], { a: 1, b: 2 });
  assert.deepEqual(shares.map((s) => [s.count, s.percent]), [[1, 33], [2, 67]]);
  assert.deepEqual(optionShares([{ key: "a" }], { a: 0 }).map((s) => [s.count, s.percent]), [[0, null]]);
});

const question = (prompt, correct) => ({ prompt, options: [{ key: "a", correct }, { key: "b", correct: !correct }] });

test("each question keeps its own counts and reveal; moves stop at the ends", () => {
  const poll = createPoll("Two questions", [question("First", true), question("Second", false)]);
  poll.addVote("a"); poll.addVote("a"); poll.setCount("b", 3);
  assert.equal(poll.go(-1), 0);
  assert.equal(poll.go(1), 1);
  assert.equal(poll.go(1), 1);
  assert.deepEqual(poll.counts, { a: 0, b: 0 });
  poll.reveal();
  poll.goTo(0);
  assert.deepEqual(poll.counts, { a: 2, b: 3 });
  assert.equal(poll.revealed, false);
  assert.deepEqual(poll.summary().map((r) => [r.votes, r.correctVotes, r.revealed]), [[5, 2, false], [0, 0, true]]);
});

test("counts must be whole numbers from 0 to 999", () => {
  const poll = createPoll("One", [question("Only", true)]);
  assert.equal(poll.setCount("a", "12"), true);
  assert.equal(poll.setCount("a", "999"), true);
  for (const bad of ["-1", "2.5", "abc", "1000", "1e2", "", " ", "0x10"]) { assert.equal(poll.setCount("a", bad), false, bad); }
  assert.equal(poll.counts.a, 999);
  assert.equal(poll.setCount("a", 12), true);
  assert.equal(poll.setCount("z", 1), false);
  assert.equal(poll.counts.a, 12);
});

test("the summary CSV quotes prompts with commas and quotes", () => {
  const poll = createPoll("Set", [question('Is it "binding", or not?', true)]);
  poll.setCount("a", 1); poll.setCount("b", 1); poll.reveal();
  assert.equal(summaryCsv(poll.summary(), words),
    "Question,Prompt,Votes,Votes on correct options,Percent on correct options,Answer revealed\r\n" +
    '1,"Is it ""binding"", or not?",2,1,50,yes\r\n');
});
