/* One room-poll question on screen: the prompt in large type, a labelled number box and a "+1"
 * button per option, the bar chart, "Reveal answer" and the answer with its explanation.
 *
 * Used by the static poll page (poll-page.js) and by the presenter view's poll slides
 * (presenter.js), which own moving between questions. Keys handled here: 1-5 add a vote to
 * that option, R reveals. Every string goes in by textContent.
 */

import { el, makeButton } from "./dom.js";
import { pollChart } from "./poll-chart.js";
import { MAX_COUNT } from "./poll-model.js";

let views = 0; // unique ids when several views share a page

function keyHint(keys, text) {
  const p = el("span", null, "cc-poll-key");
  keys.forEach((k, i) => { if (i) { p.appendChild(document.createTextNode(" or ")); } p.appendChild(el("kbd", k)); });
  p.appendChild(document.createTextNode(" " + text));
  return p;
}

export function shortcutLegend(withMoves) {
  const box = el("p", null, "cc-poll-keys");
  box.appendChild(el("span", "Keys: ", "cc-poll-keys-lead"));
  box.appendChild(keyHint(["1–5"], "adds a vote for that option"));
  box.appendChild(keyHint(["R"], "reveals the answer"));
  if (withMoves) {
    box.appendChild(keyHint(["N", "→"], "goes on"));
    box.appendChild(keyHint(["B", "←"], "goes back"));
  }
  return box;
}

function questionBlock(question) {
  const box = el("div", null, "cc-poll-question");
  if (question.scenario) {
    const p = el("p", null, "cc-poll-scenario");
    p.appendChild(el("strong", "Scenario: "));
    p.appendChild(document.createTextNode(question.scenario));
    box.appendChild(p);
  }
  box.appendChild(el("p", question.prompt, "cc-poll-prompt"));
  box.appendChild(el("p", question.typeLabel, "cc-how"));
  if (question.howToVote) { box.appendChild(el("p", question.howToVote, "cc-poll-how")); }
  if (question.items) {
    box.appendChild(el("p", "Items:"));
    const items = el("ol");
    question.items.forEach((t) => { items.appendChild(el("li", t)); });
    box.appendChild(items);
    box.appendChild(el("p", "Matches:"));
    const matches = el("ul");
    question.matches.forEach((t) => { matches.appendChild(el("li", t)); });
    box.appendChild(matches);
  }
  return box;
}

function revealBlock(question) {
  const box = el("div", null, "cc-poll-reveal");
  box.appendChild(el("p", null)).appendChild(el("strong", "Answer:"));
  const list = el("ul");
  question.answer.forEach((line) => { list.appendChild(el("li", line)); });
  box.appendChild(list);
  const why = el("p");
  why.appendChild(el("strong", "Explanation: "));
  why.appendChild(document.createTextNode(question.explanation));
  box.appendChild(why);
  return box;
}

// A view of `poll` (poll-model.js createPoll); announce(text) speaks through the owner's live region.
export function createPollView(poll, announce) {
  views += 1;
  const prefix = "cc-poll-" + views;
  const root = el("div", null, "cc-poll-view");
  let boxes = {};
  let chartBox = null;
  let revealButton = null;
  let revealBox = null;

  function drawChart() {
    chartBox.replaceChildren(pollChart(poll.position + 1, poll.questions.length, poll.question.options,
      poll.counts, poll.revealed));
  }

  function update() {
    poll.question.options.forEach((o) => {
      const box = boxes[o.key];
      if (Number(box.value) !== poll.counts[o.key] || box.value === "") { box.value = String(poll.counts[o.key]); }
      box.removeAttribute("aria-invalid");
    });
    drawChart();
    revealButton.disabled = poll.revealed;
    revealBox.replaceChildren();
    if (poll.revealed) { revealBox.appendChild(revealBlock(poll.question)); }
  }

  function addVote(key) {
    poll.addVote(key);
    update();
    const option = poll.question.options.find((o) => o.key === key);
    announce(option.label + ": " + poll.counts[key] + (poll.counts[key] === 1 ? " vote" : " votes"));
  }

  function reveal() {
    poll.reveal();
    update();
    announce("Answer revealed: " + poll.question.answer.join("; "));
  }

  function render() {
    const question = poll.question;
    root.replaceChildren();
    root.appendChild(el("p", "Question " + (poll.position + 1) + " of " + poll.questions.length, "cc-poll-position"));
    root.appendChild(questionBlock(question));
    const counts = el("div", null, "cc-poll-counts");
    boxes = {};
    question.options.forEach((option, i) => {
      const row = el("div", null, "cc-poll-option");
      const id = prefix + "-" + option.key;
      const label = el("label", "Votes for " + option.label, "cc-poll-option-label");
      label.htmlFor = id;
      const box = el("input", null, "cc-poll-count");
      box.type = "number"; box.id = id; box.min = "0"; box.max = String(MAX_COUNT); box.step = "1";
      box.inputMode = "numeric";
      box.value = String(poll.counts[option.key]);
      box.addEventListener("input", () => {
        if (box.value !== "" && poll.setCount(option.key, box.value)) {
          box.removeAttribute("aria-invalid");
          drawChart();
        } else if (box.value !== "") {
          box.setAttribute("aria-invalid", "true");
        }
      });
      box.addEventListener("change", () => { if (box.value === "") { box.value = String(poll.counts[option.key]); } });
      const plus = makeButton("+1");
      plus.classList.add("cc-poll-plus");
      plus.setAttribute("aria-label", "+1 vote for " + option.label);
      plus.addEventListener("click", () => { addVote(option.key); });
      row.appendChild(label);
      row.appendChild(box);
      row.appendChild(plus);
      if (i < 9) { row.appendChild(el("span", "key " + (i + 1), "cc-poll-shortcut")); }
      boxes[option.key] = box;
      counts.appendChild(row);
    });
    root.appendChild(counts);
    chartBox = el("div", null, "cc-poll-chart");
    root.appendChild(chartBox);
    revealButton = makeButton("Reveal answer", true);
    revealButton.classList.add("cc-poll-reveal-button");
    revealButton.addEventListener("click", reveal);
    root.appendChild(revealButton);
    revealBox = el("div", null, "cc-poll-reveal-box");
    root.appendChild(revealBox);
    update();
  }

  // Digits 1-9 and R; true when the key was used. The owner leaves out keys typed into a control.
  function handleKey(event) {
    const options = poll.question.options;
    if (/^[1-9]$/.test(event.key) && Number(event.key) <= options.length) {
      addVote(options[Number(event.key) - 1].key);
      return true;
    }
    if ((event.key === "r" || event.key === "R") && !poll.revealed) { reveal(); return true; }
    return false;
  }

  render();
  return { root, render, handleKey };
}

// Keys typed into a text box or list belong to it, not to the shortcuts.
export function typingInControl(event) {
  const t = event.target;
  return event.ctrlKey || event.metaKey || event.altKey ||
    !!(t && t.closest && t.closest("input, textarea, select, [contenteditable=true]"));
}
