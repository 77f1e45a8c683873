/* The self-assessment's results on the page, which print on their own: the course, the
 * learner's name (a field) and the date (record-view.js's recordFacts), the overall line with
 * the pass mark and first attempts, the per-module table (how many questions each score rests on) and chart, the lessons to revisit, the
 * lessons not yet studied, the lessons completed, and print and download buttons. Printing
 * prints only these results (compact-quiz.css: html.cc-printing-record). The record of learning
 * with every lesson quiz is on My progress (record-view.js).
 */

import { stackTable } from "./stack-table.js";  // stacks on a phone (issue 28)
import { download, el, headRow, makeButton } from "./dom.js";
import { printButton, recordFacts } from "./record-view.js";
import { isoDate, resultsCsv, resultsJson, summarise } from "./results.js";
import { fill, plural, text } from "./text.js";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

function svgNode(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.keys(attributes).forEach((name) => { node.setAttribute(name, attributes[name]); });
  if (text !== undefined) { node.textContent = text; }
  return node;
}

export function moduleChart(modules) {
  const rowHeight = 34;
  const labelWidth = 120;
  const barWidth = 300;
  const width = labelWidth + barWidth + 60;
  const svg = svgNode("svg", {
    viewBox: "0 0 " + width + " " + (modules.length * rowHeight + 10),
    role: "img",
    "aria-label": fill(text().results.chart_label,
      { scores: modules.map((m) => fill(text().results.chart_score, { number: m.number, percent: m.percent })).join(", ") })
  });
  modules.forEach((m, i) => {
    const y = i * rowHeight + 5;
    svg.appendChild(svgNode("text", { x: "0", y: String(y + 20), fill: "currentColor" }, fill(text().results.module_short, { number: m.number })));
    svg.appendChild(svgNode("rect", { x: String(labelWidth), y: String(y + 4),
      width: String(Math.max(1, barWidth * m.percent / 100)), height: "22",
      fill: COLOURS[i % COLOURS.length], stroke: "currentColor" }));
    svg.appendChild(svgNode("text", { x: String(labelWidth + barWidth * m.percent / 100 + 6), y: String(y + 20),
      fill: "currentColor" }, m.percent + "%"));
  });
  return svg;
}

function moduleTable(summary, t) {
  const table = el("table", null, "cc-table cc-module-scores");
  table.appendChild(el("caption", t.table_caption));
  table.appendChild(headRow([t.column_module, t.column_correct, t.column_questions, t.column_score]));
  const tbody = el("tbody");
  summary.modules.forEach((m) => {
    const tr = el("tr");
    const th = el("th", fill(t.module_title, { number: m.number, title: m.title })); th.scope = "row"; tr.appendChild(th);
    tr.appendChild(el("td", String(m.correct))); tr.appendChild(el("td", String(m.total)));
    tr.appendChild(el("td", m.answered ? m.percent + "%" : t.not_attempted));
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);
  return stackTable(table);
}

function restsOn(box, summary, t) {
  const list = el("ul", null, "cc-rests-on");
  summary.modules.forEach((m) => { list.appendChild(el("li", plural(t.rests_on, m.total, { number: m.number }))); });
  box.appendChild(list);
  box.appendChild(el("p", t.rests_on_note, "cc-rests-on-note"));
}

function lessonList(className, lessons, item) {
  const list = el(className === "cc-advice" ? "ol" : "ul", null, className);
  lessons.forEach((l) => {
    const li = el("li");
    const a = el("a", fill(text().results.lesson_title, { number: l.number, title: l.title }));
    a.href = l.href;
    li.appendChild(a);
    if (item) { li.appendChild(document.createTextNode(" (" + item(l) + ")")); }
    list.appendChild(li);
  });
  return list;
}

function adviceBlock(box, advice, t) {
  box.appendChild(el("h3", t.revisit_heading));
  if (advice.length === 0) {
    box.appendChild(el("p", t.revisit_none));
    return;
  }
  box.appendChild(el("p", t.revisit_intro));
  box.appendChild(lessonList("cc-advice", advice, (l) => fill(t.revisit_item, { missed: l.missed, total: l.total })));
}

// root: the book's root, prefixed to the manifest's lesson links.
function notStudiedBlock(box, lessons, t, root, known) {
  if (!known) { return; }
  box.appendChild(el("h3", t.not_studied_heading));
  if (!lessons.length) { box.appendChild(el("p", t.not_studied_none)); return; }
  box.appendChild(el("p", t.not_studied_intro));
  box.appendChild(lessonList("cc-not-studied", lessons.map((l) => ({ ...l, href: root + l.href }))));
}

function completedBlock(box, completed, t) {
  if (!completed) { return; }
  box.appendChild(el("h3", t.completed_heading));
  if (completed.length) {
    const done = el("ul", null, "cc-completed");
    completed.forEach((l) => { done.appendChild(el("li", fill(t.lesson_title, { number: l.number, title: l.title }))); });
    box.appendChild(done);
  } else {
    box.appendChild(el("p", t.completed_none));
  }
}

// services: completedLessons() and notStudied() (null / [] without the manifest), root, manifest.
export function showResults(section, quiz, box, services, quiet) {
  const t = text().results;
  const notStudied = services.notStudied ? services.notStudied() : null;
  const summary = summarise(quiz.questions, notStudied || []);
  box.textContent = "";
  box.hidden = false;
  box.classList.add("cc-record");
  box.appendChild(el("h2", t.heading));
  const when = new Date();
  const manifest = services.manifest || {};
  recordFacts(box, { course: manifest.course, record: isoDate(when) }, "cc-record-name-input");
  box.appendChild(el("p", summary.answered ? fill(t.overall, summary) : fill(t.overall_none, summary), "cc-overall"));
  const mastery = manifest.mastery;
  if (typeof mastery === "number") {  // the pass mark beside the result (data/assessment.yaml)
    box.appendChild(el("p", fill(summary.percent >= mastery ? t.passed : t.not_passed, { mastery }), "cc-pass-mark"));
  }
  if (summary.revealed) { box.appendChild(el("p", plural(t.revealed, summary.revealed), "cc-revealed")); }
  box.appendChild(el("p", fill(t.first_attempts, summary.first), "cc-first-attempts"));
  const figure = el("figure", null, "cc-chart");
  figure.appendChild(moduleChart(summary.modules));
  figure.appendChild(el("figcaption", t.chart_caption));
  box.appendChild(moduleTable(summary, t));
  restsOn(box, summary, t);
  box.appendChild(figure);
  adviceBlock(box, summary.advice, t);
  notStudiedBlock(box, summary.notStudied, t, services.root || "", notStudied !== null);
  completedBlock(box, services.completedLessons(), t);

  const actions = el("div", null, "cc-controls cc-no-print");
  const print = printButton(t.print);
  const title = (section.getAttribute("aria-label") || "").replace(/^Quiz: /, "");
  const csv = makeButton(t.download_csv);
  csv.addEventListener("click", () => {
    download("compact-course-results.csv", "text/csv", resultsCsv(summary, title, isoDate(when)));
  });
  const json = makeButton(t.download_json);
  json.addEventListener("click", () => {
    download("compact-course-results.json", "application/json",
      JSON.stringify(resultsJson(summary, title, isoDate(when)), null, 2) + "\n");
  });
  actions.appendChild(print); actions.appendChild(csv); actions.appendChild(json);
  box.appendChild(actions);
  section.classList.add("cc-has-results");
  if (!quiet) { box.focus(); }
}
