/* The room poll's bar chart as SVG, built with createElementNS and textContent only.
 *
 * One bar per option, in option order, with the option's label above it and its count and
 * share written beside it. After the reveal the correct options say so in words ("correct")
 * and their bars are hatched: colour never carries meaning alone. The SVG's <title> says the
 * whole chart in one sentence for screen readers.
 */

import { optionShares } from "./poll-model.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 720;
const BAR_MAX = 420;
const LINE = 34;
const BAR = 40;
const GAP = 18;
const WRAP = 40; // characters per label line at this width

let charts = 0; // unique pattern ids when several charts share a page

function node(tag, attributes, text) {
  const n = document.createElementNS(SVG, tag);
  Object.keys(attributes).forEach((name) => { n.setAttribute(name, String(attributes[name])); });
  if (text !== undefined) { n.textContent = text; }
  return n;
}

export function wrapLabel(text, width) {
  const lines = [];
  let line = "";
  text.split(/\s+/).forEach((word) => {
    if (line && (line + " " + word).length > width) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
  });
  if (line) { lines.push(line); }
  return lines;
}

export function optionLabel(option, revealed) {
  return option.label + (revealed && option.correct ? " (correct)" : "");
}

export function chartSummary(number, total, options, counts, revealed) {
  const shares = optionShares(options, counts);
  const votes = shares.reduce((sum, s) => sum + s.count, 0);
  return "Bar chart of the room's answers to question " + number + " of " + total + ", " +
    votes + (votes === 1 ? " vote" : " votes") + " in all. " +
    options.map((o, i) => optionLabel(o, revealed).replace(/\.$/, "") + ": " + shares[i].text).join("; ") + ".";
}

export function pollChart(number, total, options, counts, revealed) {
  charts += 1;
  const hatch = "cc-poll-hatch-" + charts;
  const shares = optionShares(options, counts);
  const most = Math.max(1, ...shares.map((s) => s.count));
  const svg = node("svg", { class: "cc-poll-svg", role: "img", "aria-labelledby": hatch + "-title" });
  svg.appendChild(node("title", { id: hatch + "-title" }, chartSummary(number, total, options, counts, revealed)));
  const defs = node("defs", {});
  const pattern = node("pattern", { id: hatch, width: 16, height: 16, patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)" });
  pattern.appendChild(node("rect", { width: 16, height: 16, class: "cc-poll-bar" }));
  pattern.appendChild(node("line", { x1: 0, y1: 0, x2: 0, y2: 16, class: "cc-poll-hatch", "stroke-width": 6 }));
  defs.appendChild(pattern);
  svg.appendChild(defs);
  let y = 0;
  options.forEach((option, i) => {
    const row = node("g", { class: "cc-poll-row", "data-key": option.key });
    const lines = wrapLabel(optionLabel(option, revealed), WRAP);
    const label = node("text", { class: "cc-poll-label", x: 0, y: y + LINE - 8 });
    lines.forEach((line, j) => {
      label.appendChild(node("tspan", { x: 0, dy: j === 0 ? 0 : LINE }, line));
    });
    row.appendChild(label);
    y += lines.length * LINE;
    const width = Math.max(4, Math.round(BAR_MAX * shares[i].count / most));
    const correct = revealed && option.correct;
    row.appendChild(node("rect", { x: 0, y, width, height: BAR, class: "cc-poll-bar" + (correct ? " cc-poll-correct" : "") }));
    // The hatch lies over the bar as its own shape with a fill attribute (no stylesheet rule
    // sets its fill): a strict Content-Security-Policy blocks style attributes. Inset by half
    // the bar's outline, which stays whole.
    if (correct) {
      row.appendChild(node("rect", { x: 1, y: y + 1, width: Math.max(width - 2, 1), height: BAR - 2, fill: "url(#" + hatch + ")", class: "cc-poll-hatch-fill" }));
    }
    row.appendChild(node("text", { class: "cc-poll-value", x: width + 12, y: y + BAR - 10 }, shares[i].text));
    svg.appendChild(row);
    y += BAR + GAP;
  });
  svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + Math.max(y, 1));
  return svg;
}
