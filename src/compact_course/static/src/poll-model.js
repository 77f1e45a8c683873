/* The room poll's arithmetic, with no DOM: counts per option, each option's share of the votes,
 * the summary rows and their CSV: the one implementation, in the book and in a live kernel (the
 * widget, compact_course/quiz/widget.py). tests/js/poll.test.mjs holds it to the table in
 * tests/fixtures/poll_cases.json.
 *
 * Nothing here reads or writes storage: the presenter keeps a session's counts itself
 * (presenter-session.js) and hands them in as `saved`, with `onChange` to hear of each change.
 * Words come from data/interface.yaml (`poll`), handed in by the caller.
 */

import { csvText } from "./csv.js";
import { fill } from "./text.js";

export const MAX_COUNT = 999; // a count box takes whole numbers from 0 to this

// A count as typed into a box: its whole number, or null if it is not one from 0 to MAX_COUNT.
export function wholeCount(value) {
  const text = String(value).trim();
  if (!/^\d{1,4}$/.test(text)) { return null; }
  const n = Number(text);
  return n <= MAX_COUNT ? n : null;
}

// Whole-number percentage, halves rounded up, in integer arithmetic like core.tally.percent,
// so no floating-point rounding can make the two disagree.
export function percent(part, total) {
  if (total <= 0) { throw new RangeError("a percentage needs at least one vote"); }
  return Math.floor((200 * part + total) / (2 * total));
}

export function totalVotes(counts) {
  return Object.keys(counts).reduce((sum, key) => sum + counts[key], 0);
}

// One row per option, in option order: what the chart draws and writes beside each bar.
export function optionShares(options, counts) {
  const votes = options.reduce((sum, o) => sum + (counts[o.key] || 0), 0);
  return options.map((o) => {
    const count = counts[o.key] || 0;
    const share = votes ? percent(count, votes) : null;
    return { key: o.key, count, percent: share };
  });
}

// The summary row of one question.
export function summaryRow(number, question, counts, revealed) {
  const votes = question.options.reduce((sum, o) => sum + (counts[o.key] || 0), 0);
  const correctVotes = question.options.reduce((sum, o) => sum + (o.correct ? counts[o.key] || 0 : 0), 0);
  const share = votes ? percent(correctVotes, votes) : null;
  return { number, prompt: question.prompt, votes, correctVotes, percent: share, revealed: !!revealed };
}

// What a summary row says of the votes on correct options, in the poll's words.
export function summaryShare(row, words) {
  return row.votes ? fill(words.share_correct, { correct: row.correctVotes, votes: row.votes, percent: row.percent })
    : words.share_none;
}

export function summaryCsv(rows, words) {
  const columns = [words.column_question, words.column_prompt, words.column_votes, words.csv_correct_votes,
    words.csv_percent, words.column_revealed];
  const lines = [columns].concat(rows.map((r) => [r.number, r.prompt, r.votes, r.correctVotes,
    r.percent === null ? "" : r.percent, r.revealed ? words.csv_yes : words.csv_no]));
  return csvText(lines, "\r\n");
}

function savedCount(saved, key) {
  const n = saved && saved.counts ? saved.counts[key] : 0;
  return Number.isInteger(n) && n >= 0 && n <= MAX_COUNT ? n : 0;
}

// A whole poll: the questions of one set, one at a time, each with its own counts and reveal.
// saved: {questionId: {counts, revealed}} to start from; onChange(question, counts, revealed).
export function createPoll(title, questions, saved, onChange) {
  const before = (q) => (saved && q.id && saved[q.id]) || null;
  const counts = questions.map((q) => {
    const c = {};
    q.options.forEach((o) => { c[o.key] = savedCount(before(q), o.key); });
    return c;
  });
  const revealed = questions.map((q) => !!(before(q) && before(q).revealed));
  const changed = () => { if (onChange) { onChange(questions[poll.position], counts[poll.position], revealed[poll.position]); } };
  const poll = {
    title, questions, position: 0,
    get question() { return questions[poll.position]; },
    get counts() { return counts[poll.position]; },
    get revealed() { return revealed[poll.position]; },
    go(step) {
      poll.position = Math.min(Math.max(poll.position + step, 0), questions.length - 1);
      return poll.position;
    },
    goTo(index) { poll.position = Math.min(Math.max(index, 0), questions.length - 1); return poll.position; },
    setCount(key, value) {
      if (!(key in counts[poll.position])) { return false; }
      const n = wholeCount(value);
      if (n === null) { return false; }
      counts[poll.position][key] = n;
      changed();
      return true;
    },
    addVote(key) { return poll.setCount(key, Math.min((counts[poll.position][key] || 0) + 1, MAX_COUNT)); },
    reveal() { if (!revealed[poll.position]) { revealed[poll.position] = true; changed(); } },
    summary() { return questions.map((q, i) => summaryRow(i + 1, q, counts[i], revealed[i])); }
  };
  return poll;
}
