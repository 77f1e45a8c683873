/* The room poll's bar chart as SVG, built with createElementNS and textContent only.
 *
 * One bar per option, in option order, with the option's letter and text above it and its
 * count and share written beside it. After the reveal the correct options say so in words
 * ("correct") and their bars are hatched (a class and a fill attribute, never a style
 * attribute): colour never carries meaning alone. The SVG's <title> says the whole chart in one
 * sentence for screen readers. Words come from data/interface.yaml (`poll`).
 *
 * Two sizes: on the poll page the chart scales to its column (a 720-unit viewBox); in the
 * presenter (`fit` given) it is drawn at the pixel size of its box, so its 28 px text stays
 * 28 px, and when the options' text does not fit the height it has, each bar is labelled by
 * its letter alone (the question's slide has just shown the letters with their text).
 */

import { optionShares } from "./poll-model.js";
import { fill, plural, text } from "./text.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 720;
const BAR_MAX = 420;
const LINE = 36;
const BAR = 36;
const GAP = 16;
const WRAP = 40; // characters per label line at the poll page's width
const CHAR = 18; // the width of one character of 28 px text, generously, for wrapping
const LETTER = 56; // room for the letter before a bar when bars are labelled by letter only

let charts = 0; // unique pattern ids when several charts share a page

function node(tag, attributes, content) {
  const n = document.createElementNS(SVG, tag);
  Object.keys(attributes).forEach((name) => { n.setAttribute(name, String(attributes[name])); });
  if (content !== undefined) { n.textContent = content; }
  return n;
}

export function wrapLabel(words, width) {
  const lines = [];
  let line = "";
  words.split(/\s+/).forEach((word) => {
    if (line && (line + " " + word).length > width) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
  });
  if (line) { lines.push(line); }
  return lines;
}

export function optionLabel(option, revealed) {
  return option.label + (revealed && option.correct ? " (" + text().poll.correct + ")" : "");
}

function shareText(share) {
  const words = text().poll;
  return plural(words.vote_count, share.count) + (share.percent === null ? "" : fill(words.share, { percent: share.percent }));
}

export function chartSummary(number, total, options, counts, revealed) {
  const words = text().poll;
  const shares = optionShares(options, counts);
  const votes = shares.reduce((sum, s) => sum + s.count, 0);
  const rows = options.map((o, i) => fill(words.chart_row, { label: optionLabel(o, revealed).replace(/\.$/, ""),
    votes: plural(words.vote_count, shares[i].count), share: shares[i].percent === null ? "" : fill(words.share, { percent: shares[i].percent }) }));
  return fill(words.chart, { number, total, votes: plural(words.vote_count, votes), rows: rows.join("; ") });
}

// Rows of [label lines, bar] for each option: full labels, or letters only when `letters`.
function layout(options, revealed, width, letters) {
  const wrap = width ? Math.max(12, Math.floor(width / CHAR)) : WRAP;
  const correctWord = " (" + text().poll.correct + ")";
  return options.map((o) => (letters ? [(o.letter || "") + (revealed && o.correct ? correctWord : "")] : wrapLabel(optionLabel(o, revealed), wrap)));
}

function height(rows, letters) {
  return rows.reduce((sum, lines) => sum + (letters ? BAR + GAP + (lines[0].length > 2 ? LINE : 0) : lines.length * LINE + BAR + GAP), 0);
}

// fit: {width, height} in CSS pixels for the presenter; omitted on the poll page.
export function pollChart(number, total, options, counts, revealed, fit) {
  charts += 1;
  const hatch = "cc-poll-hatch-" + charts;
  const shares = optionShares(options, counts);
  const most = Math.max(1, ...shares.map((s) => s.count));
  const width = fit ? Math.max(320, Math.floor(fit.width)) : WIDTH;
  let letters = false;
  let rows = layout(options, revealed, fit ? width : 0, false);
  if (fit && height(rows, false) > fit.height && options.every((o) => o.letter)) {
    letters = true;
    rows = layout(options, revealed, width, true);
  }
  const svg = node("svg", { class: "cc-poll-svg" + (fit ? " cc-poll-svg-fit" : ""), role: "img", "aria-labelledby": hatch + "-title" });
  svg.appendChild(node("title", { id: hatch + "-title" }, chartSummary(number, total, options, counts, revealed)));
  const defs = node("defs", {});
  const pattern = node("pattern", { id: hatch, width: 16, height: 16, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  pattern.appendChild(node("rect", { width: 16, height: 16, class: "cc-poll-hatch-ground" }));
  pattern.appendChild(node("line", { x1: 0, y1: 0, x2: 0, y2: 16, class: "cc-poll-hatch", "stroke-width": 6 }));
  defs.appendChild(pattern);
  svg.appendChild(defs);
  const barMax = fit ? Math.max(120, width - (letters ? LETTER : 0) - 320) : BAR_MAX; // room for "999 votes (100%)"
  let y = 0;
  options.forEach((option, i) => {
    const row = node("g", { class: "cc-poll-row", "data-key": option.key });
    const lines = rows[i];
    const inline = letters && lines[0].length <= 2;
    const label = node("text", { class: "cc-poll-label", x: 0, y: y + LINE - 8 });
    lines.forEach((line, j) => { label.appendChild(node("tspan", { x: 0, dy: j === 0 ? 0 : LINE }, line)); });
    row.appendChild(label);
    if (!inline) { y += lines.length * LINE; }
    const x = inline ? LETTER : 0;
    const barWidth = Math.max(4, Math.round(barMax * shares[i].count / most));
    const correct = revealed && option.correct;
    row.appendChild(node("rect", { x, y, width: barWidth, height: BAR, class: "cc-poll-bar" + (correct ? " cc-poll-correct" : "") }));
    // The hatch lies over the bar as its own shape with a fill attribute (no stylesheet rule
    // sets its fill): a strict Content-Security-Policy blocks style attributes. Inset by half
    // the bar's outline, which stays whole.
    if (correct) {
      row.appendChild(node("rect", { x: x + 1, y: y + 1, width: Math.max(barWidth - 2, 1), height: BAR - 2, fill: "url(#" + hatch + ")", class: "cc-poll-hatch-fill" }));
    }
    row.appendChild(node("text", { class: "cc-poll-value", x: x + barWidth + 12, y: y + BAR - 8 }, shareText(shares[i])));
    svg.appendChild(row);
    y += BAR + GAP;
  });
  const drawn = Math.max(y, 1);
  svg.setAttribute("viewBox", "0 0 " + width + " " + drawn);
  if (fit) { svg.setAttribute("width", String(width)); svg.setAttribute("height", String(drawn)); }
  return svg;
}
