/* The self-assessment's results, as data: per-module and per-lesson scores, first attempts,
 * revision advice, the lessons not yet studied, and the CSV and JSON downloads. Pure: questions
 * are {spec, result, first, revealed}, where result is the answer that counts (or null; an
 * answer shown before it was given counts as not correct), first the first attempt {correct}
 * (or null) and revealed whether the learner chose to see the answer.
 */

import { csvText } from "./csv.js";

export const RESULTS_FORMAT = "compact-course-assessment-results";
export const CSV_COLUMNS = ["date", "scope", "module", "lesson", "number", "title", "correct", "answered", "total",
  "percent", "status", "first_correct", "first_answered"];

// Whole percent, halves rounded up (as Python's percent()); 0 of 0 is 0.
export function percent(correct, total) { return total ? Math.round(100 * correct / total) : 0; }

const attempted = (answered) => (answered ? "attempted" : "not attempted");

// correct / answered / total of the answers that count, and of the first attempts.
export function quizTally(questions) {
  const answered = questions.filter((q) => q.result);
  const firsts = questions.filter((q) => q.first);
  return {
    correct: answered.filter((q) => q.result.correct).length, answered: answered.length, total: questions.length,
    first: { correct: firsts.filter((q) => q.first.correct).length, answered: firsts.length }
  };
}

function scored(group) {
  const tally = quizTally(group.questions);
  return { ...group, correct: tally.correct, answered: tally.answered, total: tally.total,
    percent: percent(tally.correct, tally.total), status: attempted(tally.answered), first: tally.first };
}

// Questions grouped by `part` (module or lesson), ordered by number.
function groups(questions, part) {
  const byId = {};
  const out = [];
  questions.forEach((q) => {
    const p = q.spec[part];
    if (!byId[p.id]) {
      byId[p.id] = { id: p.id, number: p.number, title: p.title, href: p.href, questions: [] };
      out.push(byId[p.id]);
    }
    byId[p.id].questions.push(q);
  });
  out.sort((a, b) => a.number - b.number);
  return out.map(scored);
}

// Lessons with a question missed (wrong or unanswered): most missed first, then the larger
// share missed, then course order.
function revisionAdvice(lessons) {
  const advice = lessons.map((l) => ({ id: l.id, number: l.number, title: l.title, href: l.href, total: l.total,
    questions: l.questions.filter((q) => !(q.result && q.result.correct)).map((q) => q.spec.id) }))
    .map((l) => ({ ...l, missed: l.questions.length }))
    .filter((l) => l.missed > 0);
  advice.sort((a, b) => (b.missed - a.missed) || (b.missed / b.total - a.missed / a.total) || (a.number - b.number));
  return advice;
}

// notStudied: lessons {id, number, title, href} with no lesson quiz answered (progress.js).
export function summarise(questions, notStudied) {
  const overall = scored({ questions });
  const lessons = groups(questions, "lesson");
  const modules = groups(questions, "module").map((m) => ({ ...m,
    lessons: lessons.filter((l) => m.questions.some((q) => q.spec.lesson.id === l.id)) }));
  return {
    correct: overall.correct, answered: overall.answered, total: overall.total, percent: overall.percent,
    status: overall.status, first: overall.first, modules, lessons, advice: revisionAdvice(lessons),
    revealed: questions.filter((q) => q.revealed).length,
    notStudied: notStudied || [],
    outcomes: questions.map((q) => ({
      question: q.spec.id, lesson: q.spec.lesson.id, module: q.spec.module.id, answered: !!q.result,
      correct: !!(q.result && q.result.correct), changed: false,
      status: q.result ? (q.result.correct ? "correct" : "incorrect") : "unanswered",
      first_correct: q.first ? q.first.correct : null, revealed: !!q.revealed
    }))
  };
}

const tallyCells = (t) => [t.correct, t.answered, t.total, t.percent, t.status, t.first.correct, t.first.answered];

// Same columns and rows as AssessmentResult.to_csv(): each module, its lessons, then overall.
// date: YYYY-MM-DD.
export function resultsCsv(summary, title, date) {
  const rows = [CSV_COLUMNS];
  summary.modules.forEach((m) => {
    rows.push([date, "module", m.id, "", m.number, m.title, ...tallyCells(m)]);
    m.lessons.forEach((l) => { rows.push([date, "lesson", m.id, l.id, l.number, l.title, ...tallyCells(l)]); });
  });
  rows.push([date, "overall", "", "", "", title, ...tallyCells(summary)]);
  return csvText(rows, "\n");
}

const tallyFields = (t) => ({ correct: t.correct, answered: t.answered, total: t.total, percent: t.percent,
  status: t.status, first: { correct: t.first.correct, answered: t.first.answered } });

// Same content as AssessmentResult.to_dict(). date: YYYY-MM-DD.
export function resultsJson(summary, title, date) {
  return {
    format: RESULTS_FORMAT, version: 2, title, date,
    overall: tallyFields(summary), revealed: summary.revealed,
    modules: summary.modules.map((m) => ({ module: m.id, number: m.number, title: m.title, ...tallyFields(m) })),
    lessons: summary.lessons.map((l) => ({ lesson: l.id, number: l.number, title: l.title, ...tallyFields(l) })),
    questions: summary.outcomes,
    advice: summary.advice.map((l) => ({ lesson: l.id, number: l.number, title: l.title, link: l.href,
      missed: l.missed, total: l.total, questions: l.questions })),
    not_studied: summary.notStudied.map((l) => ({ lesson: l.id, number: l.number, title: l.title }))
  };
}

// The local calendar date as YYYY-MM-DD.
export function isoDate(when) {
  const two = (n) => String(n).padStart(2, "0");
  return when.getFullYear() + "-" + two(when.getMonth() + 1) + "-" + two(when.getDate());
}
