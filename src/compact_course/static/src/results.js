/* The self-assessment's results, as data: per-module scores, revision advice, and the CSV and
 * JSON downloads. A mirror of AssessmentResult in compact_course/learner/assessment.py (the
 * browser test compares the CSV files byte for byte). Pure: questions are {spec, result}.
 */

export const RESULTS_FORMAT = "compact-course-assessment-results";
export const CSV_COLUMNS = ["scope", "module", "number", "title", "correct", "answered", "total", "percent", "status"];

// Whole percent, halves rounded up (as Python's percent()); 0 of 0 is 0.
export function percent(correct, total) { return total ? Math.round(100 * correct / total) : 0; }

const attempted = (answered) => (answered ? "attempted" : "not attempted");

function moduleScores(questions) {
  const modules = [];
  const byModule = {};
  questions.forEach((q) => {
    const m = q.spec.module;
    if (!byModule[m.id]) {
      byModule[m.id] = { id: m.id, number: m.number, title: m.title, correct: 0, answered: 0, total: 0 };
      modules.push(byModule[m.id]);
    }
    byModule[m.id].total += 1;
    if (q.result) { byModule[m.id].answered += 1; }
    if (q.result && q.result.correct) { byModule[m.id].correct += 1; }
  });
  modules.sort((a, b) => a.number - b.number);
  modules.forEach((m) => {
    m.percent = percent(m.correct, m.total);
    m.status = attempted(m.answered);
  });
  return modules;
}

// Lessons with a question missed (wrong or unanswered): most missed first, then the larger
// share missed, then course order.
function revisionAdvice(questions) {
  const lessons = {};
  const order = [];
  questions.forEach((q) => {
    const l = q.spec.lesson;
    if (!lessons[l.id]) {
      lessons[l.id] = { id: l.id, number: l.number, title: l.title, href: l.href, missed: 0, total: 0, questions: [] };
      order.push(l.id);
    }
    lessons[l.id].total += 1;
    if (!(q.result && q.result.correct)) { lessons[l.id].missed += 1; lessons[l.id].questions.push(q.spec.id); }
  });
  const advice = order.map((id) => lessons[id]).filter((l) => l.missed > 0);
  advice.sort((a, b) => (b.missed - a.missed) || (b.missed / b.total - a.missed / a.total) || (a.number - b.number));
  return advice;
}

export function summarise(questions) {
  const correct = questions.filter((q) => q.result && q.result.correct).length;
  const answered = questions.filter((q) => q.result).length;
  return {
    correct, answered, total: questions.length, percent: percent(correct, questions.length),
    status: attempted(answered), modules: moduleScores(questions), advice: revisionAdvice(questions),
    outcomes: questions.map((q) => ({
      question: q.spec.id, lesson: q.spec.lesson.id, module: q.spec.module.id, answered: !!q.result,
      correct: !!(q.result && q.result.correct), changed: false,
      status: q.result ? (q.result.correct ? "correct" : "incorrect") : "unanswered"
    }))
  };
}

function csvCell(value) {
  const text = String(value);
  return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// Same columns and rows as AssessmentResult.to_csv().
export function resultsCsv(summary, title) {
  const rows = [CSV_COLUMNS];
  summary.modules.forEach((m) => {
    rows.push(["module", m.id, m.number, m.title, m.correct, m.answered, m.total, m.percent, m.status]);
  });
  rows.push(["overall", "", "", title, summary.correct, summary.answered, summary.total, summary.percent, summary.status]);
  return rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

// Same shape as AssessmentResult.to_dict(), plus the date of the attempt.
export function resultsJson(summary, title, date) {
  return {
    format: RESULTS_FORMAT, version: 1, title, date,
    overall: { correct: summary.correct, answered: summary.answered, total: summary.total,
      percent: summary.percent, status: summary.status },
    modules: summary.modules.map((m) => ({ module: m.id, number: m.number, title: m.title, correct: m.correct,
      answered: m.answered, total: m.total, percent: m.percent, status: m.status })),
    questions: summary.outcomes,
    advice: summary.advice.map((l) => ({ lesson: l.id, number: l.number, title: l.title, link: l.href,
      missed: l.missed, total: l.total, questions: l.questions }))
  };
}
