/* The record of learning on My progress (issue 28): the course, the learner's name (typed here,
 * never saved), the dates, a table per module of its lesson quizzes' results, the latest
 * self-assessment with its pass mark, and "Print record of learning" (only the record prints:
 * compact-quiz.css, html.cc-printing-record) and a CSV for a spreadsheet. recordFacts() also
 * heads the self-assessment's printed results.
 */

import { download, el, headRow, makeButton } from "./dom.js";
import { isoDate } from "./results.js";
import { learningRecord, recordCsv } from "./record.js";
import { stackTable } from "./stack-table.js";
import { fill, text } from "./text.js";

export const NAME_ID = "cc-learning-record-name";

// A readable date ("5 December 2026") from YYYY-MM-DD, as the results' date.
export function longDate(ymd) {
  const [year, month, day] = ymd.split("-").map(Number);
  return new Date(year, month - 1, day).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

function fact(list, term, value, className) {
  list.appendChild(el("dt", term));
  const dd = el("dd", value, className);
  list.appendChild(dd);
  return dd;
}

// The name field (screen only) and the facts that print: course, learner, dates. facts: {course,
// record, started, last} (dates YYYY-MM-DD; started and last left out when undefined).
// initial: a name to start with (My progress keeps it when it redraws). Returns name(): the name as typed.
export function recordFacts(box, facts, id, initial) {
  const t = text().record;
  const row = el("p", null, "cc-record-name cc-no-print");
  const label = el("label", t.name_label);
  const input = document.createElement("input");
  input.type = "text"; input.id = id; input.autocomplete = "name";
  label.setAttribute("for", input.id);
  row.appendChild(label); row.appendChild(input);
  box.appendChild(row);
  const list = el("dl", null, "cc-record-facts");
  if (facts.course) { fact(list, t.course, facts.course, "cc-record-course"); }
  const learner = fact(list, t.learner, t.name_missing, "cc-record-learner cc-record-missing");
  const show = () => {
    const name = input.value.trim();
    learner.textContent = name || t.name_missing;
    learner.classList.toggle("cc-record-missing", !name);
  };
  input.value = initial || "";
  show();
  input.addEventListener("input", show);
  fact(list, t.date, longDate(facts.record), "cc-record-date");
  if (facts.started !== undefined) {
    fact(list, t.started, facts.started ? longDate(facts.started) : t.no_activity, "cc-record-started");
    fact(list, t.last_activity, facts.last ? longDate(facts.last) : t.no_activity, "cc-record-last");
  }
  box.appendChild(list);
  return () => input.value;
}

function moduleTable(module) {
  const t = text().record;
  const of = (count, total) => fill(t.of, { count, total });
  const table = el("table", null, "cc-table cc-record-table");
  table.appendChild(el("caption", fill(t.module_caption, module)));
  table.appendChild(headRow([t.column_lesson, t.column_answered, t.column_right, t.column_first, t.column_shown]));
  const tbody = el("tbody");
  module.lessons.forEach((l) => {
    const tr = el("tr");
    tr.setAttribute("data-record-lesson", l.id);
    const th = el("th", fill(t.lesson, l)); th.scope = "row"; tr.appendChild(th);
    [of(l.answered, l.total), of(l.right, l.total), of(l.first.right, l.total), String(l.shown)]
      .forEach((cell) => { tr.appendChild(el("td", cell)); });
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);
  return stackTable(table);
}

function assessmentBlock(box, a) {
  const t = text().record;
  box.appendChild(el("h3", t.assessment_heading));
  box.appendChild(el("p", a.taken ? fill(t.assessment, { ...a, date: longDate(a.date) }) : t.not_taken,
    "cc-record-assessment"));
  if (typeof a.mastery !== "number") { return; }
  const results = text().results;
  const mark = a.taken ? fill(a.passed ? results.passed : results.not_passed, { mastery: a.mastery })
    : fill(t.pass_mark, { mastery: a.mastery });
  box.appendChild(el("p", mark, "cc-pass-mark"));
}

export function printButton(label) {
  const button = makeButton(label);
  button.addEventListener("click", () => {
    const html = document.documentElement;
    html.classList.add("cc-printing-record");
    window.addEventListener("afterprint", () => { html.classList.remove("cc-printing-record"); }, { once: true });
    window.print();
  });
  return button;
}

// page: {store, manifest}; name: the name typed before a redraw. The record reads the store when it is drawn (My progress redraws on
// every change) and again for the CSV, so the file holds what was saved at that moment.
export function recordSection(container, page, typed) {
  const t = text().record;
  const today = () => isoDate(new Date());
  const record = learningRecord(page.manifest, page.store, "", today());
  const box = el("section", null, "cc-record cc-learning-record");
  const heading = el("h2", t.heading);
  heading.id = "cc-record-heading";
  box.setAttribute("aria-labelledby", heading.id);
  box.appendChild(heading);
  box.appendChild(el("p", t.intro, "cc-no-print"));
  const name = recordFacts(box, { course: record.course, record: record.dates.record, started: record.dates.started,
    last: record.dates.last }, NAME_ID, typed);
  box.appendChild(el("h3", t.lessons_heading));
  box.appendChild(el("p", t.lessons_note, "cc-record-note"));
  record.modules.forEach((m) => { box.appendChild(moduleTable(m)); });
  assessmentBlock(box, record.assessment);
  const actions = el("div", null, "cc-controls cc-no-print");
  const csv = makeButton(t.download_csv);
  csv.addEventListener("click", () => {
    const now = learningRecord(page.manifest, page.store, name(), today());
    download("compact-course-record-of-learning.csv", "text/csv;charset=utf-8", recordCsv(now, text()));
  });
  actions.appendChild(printButton(t.print));
  actions.appendChild(csv);
  box.appendChild(actions);
  container.appendChild(box);
}
