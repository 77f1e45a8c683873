/* The self-assessment's results on the page: overall line, per-module table and chart, what to
 * revise, lessons completed, and print and download buttons.
 */

import { download, el, headRow, makeButton } from "./dom.js";
import { resultsCsv, resultsJson, summarise } from "./results.js";

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
    "aria-label": "Bar chart of your score per module: " +
      modules.map((m) => "Module " + m.number + " " + m.percent + "%").join(", ") + ". The same figures are in the table."
  });
  modules.forEach((m, i) => {
    const y = i * rowHeight + 5;
    svg.appendChild(svgNode("text", { x: "0", y: String(y + 20), fill: "currentColor" }, "Module " + m.number));
    svg.appendChild(svgNode("rect", { x: String(labelWidth), y: String(y + 4),
      width: String(Math.max(1, barWidth * m.percent / 100)), height: "22",
      fill: COLOURS[i % COLOURS.length], stroke: "currentColor" }));
    svg.appendChild(svgNode("text", { x: String(labelWidth + barWidth * m.percent / 100 + 6), y: String(y + 20),
      fill: "currentColor" }, m.percent + "%"));
  });
  return svg;
}

function moduleTable(summary) {
  const table = el("table", null, "cc-table cc-module-scores");
  table.appendChild(el("caption", "Score per module"));
  table.appendChild(headRow(["Module", "Correct", "Out of", "Score"]));
  const tbody = el("tbody");
  summary.modules.forEach((m) => {
    const tr = el("tr");
    const th = el("th", "Module " + m.number + ": " + m.title); th.scope = "row"; tr.appendChild(th);
    tr.appendChild(el("td", String(m.correct))); tr.appendChild(el("td", String(m.total)));
    tr.appendChild(el("td", m.answered ? m.percent + "%" : "not attempted"));
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);
  return table;
}

function adviceBlock(box, advice) {
  box.appendChild(el("h3", "What to revise"));
  if (advice.length === 0) {
    box.appendChild(el("p", "You answered every question correctly. Nothing to revise."));
    return;
  }
  box.appendChild(el("p", "Lessons to revisit, most important first:"));
  const list = el("ol", null, "cc-advice");
  advice.forEach((l) => {
    const li = el("li");
    const a = el("a", "Lesson " + l.number + ": " + l.title);
    a.href = l.href;
    li.appendChild(a);
    li.appendChild(document.createTextNode(" (" + l.missed + " of " + l.total + " missed)"));
    list.appendChild(li);
  });
  box.appendChild(list);
}

function completedBlock(box, completed) {
  if (!completed) { return; }
  box.appendChild(el("h3", "Lessons completed"));
  if (completed.length) {
    const done = el("ul", null, "cc-completed");
    completed.forEach((l) => { done.appendChild(el("li", "Lesson " + l.number + ": " + l.title)); });
    box.appendChild(done);
  } else {
    box.appendChild(el("p", "No lesson quizzes completed in this browser yet."));
  }
}

// services.completedLessons(): the lessons done in this browser, or null without the manifest.
export function showResults(section, quiz, box, services, quiet) {
  const summary = summarise(quiz.questions);
  box.textContent = "";
  box.hidden = false;
  box.appendChild(el("h2", "Your results"));
  const when = new Date();
  box.appendChild(el("p", "Date: " + when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }),
    "cc-record-date"));
  box.appendChild(el("p", summary.answered
    ? "Overall: " + summary.correct + " of " + summary.total + " correct (" + summary.percent + "%)."
    : "Overall: not attempted. You answered none of the " + summary.total + " questions.", "cc-overall"));
  const figure = el("figure", null, "cc-chart");
  figure.appendChild(moduleChart(summary.modules));
  figure.appendChild(el("figcaption", "Your score per module (the table above has the same figures)."));
  box.appendChild(moduleTable(summary));
  box.appendChild(figure);
  adviceBlock(box, summary.advice);
  completedBlock(box, services.completedLessons());

  const actions = el("div", null, "cc-controls");
  const print = makeButton("Print record of learning");
  print.addEventListener("click", () => { window.print(); });
  const title = (section.getAttribute("aria-label") || "").replace(/^Quiz: /, "");
  const csv = makeButton("Download results (CSV)");
  csv.addEventListener("click", () => { download("compact-course-results.csv", "text/csv", resultsCsv(summary, title)); });
  const json = makeButton("Download results (JSON)");
  json.addEventListener("click", () => {
    download("compact-course-results.json", "application/json",
      JSON.stringify(resultsJson(summary, title, when.toISOString()), null, 2) + "\n");
  });
  actions.appendChild(print); actions.appendChild(csv); actions.appendChild(json);
  box.appendChild(actions);
  section.classList.add("cc-has-results");
  if (!quiet) { box.focus(); }
}
