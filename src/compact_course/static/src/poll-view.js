/* One room-poll question on screen, in parts the poll page and the presenter share:
 *
 * - questionParts(question): the scenario, the prompt, how to vote and the options lettered
 *   A, B, C... (as on the voting cards and handouts), as blocks the presenter can split over
 *   continued slides;
 * - createCounts(poll, announce, redraw): a labelled number box (whole numbers 0-999) and a
 *   "+1" button per option, and a box for counts typed in a meeting chat ("A3 B7 C2");
 * - revealParts(question): the answer and its explanation.
 *
 * createPollView puts them together for the poll page. Keys handled here: 1-9 add a vote to
 * that option, R reveals. Every string goes in by textContent, every word from
 * data/interface.yaml (`poll`).
 */

import { el, makeButton } from "./dom.js";
import { pollChart } from "./poll-chart.js";
import { MAX_COUNT, wholeCount } from "./poll-model.js";
import { letterOf, parseChatCounts } from "./presenter-session.js";
import { fill, plural, text } from "./text.js";

let views = 0; // unique ids when several views share a page

export function shortcutLegend(keys) {
  const box = el("ul", null, "cc-poll-keys");
  keys.forEach((line) => { box.appendChild(el("li", line)); });
  return box;
}

function letterOf0(option, i) { return option.letter || letterOf(i); }

// Blocks: {node} elements, each one whole thing the presenter may move to a continued slide.
export function questionParts(question) {
  const words = text().poll;
  const parts = [];
  if (question.scenario) {
    const p = el("p", null, "cc-poll-scenario");
    p.appendChild(el("strong", words.scenario));
    p.appendChild(document.createTextNode(question.scenario));
    parts.push({ node: p, text: question.scenario });
  }
  parts.push({ node: el("p", question.prompt, "cc-poll-prompt") });
  if (question.howToVote) { parts.push({ node: el("p", question.howToVote, "cc-poll-how") }); }
  if (question.items) {
    parts.push({ node: el("p", words.items, "cc-poll-list-lead") });
    question.items.forEach((t, i) => { parts.push({ node: el("p", (i + 1) + ". " + t, "cc-poll-item") }); });
    parts.push({ node: el("p", words.matches, "cc-poll-list-lead") });
    question.matches.forEach((t) => { parts.push({ node: el("p", t, "cc-poll-item") }); });
  }
  question.options.forEach((option, i) => {
    const p = el("p", null, "cc-poll-choice");
    p.appendChild(el("span", letterOf0(option, i), "cc-poll-letter"));
    p.appendChild(document.createTextNode(" " + (option.text || option.label)));
    parts.push({ node: p });
  });
  return parts;
}

export function revealParts(question) {
  const words = text().poll;
  const parts = [{ node: el("p", words.answer, "cc-poll-answer-lead") }];
  question.answer.forEach((line) => { parts.push({ node: el("p", line, "cc-poll-answer") }); });
  const why = el("p", null, "cc-poll-explanation");
  why.appendChild(el("strong", words.explanation));
  why.appendChild(document.createTextNode(question.explanation));
  parts.push({ node: why, text: question.explanation });
  return parts;
}

export function revealBlock(question) {
  const box = el("div", null, "cc-poll-reveal");
  revealParts(question).forEach((part) => { box.appendChild(part.node); });
  return box;
}

// The count boxes and the chat box for the poll's current question. redraw() is called after
// every accepted change, so the chart is drawn from the same counts the boxes show.
export function createCounts(poll, announce, redraw) {
  views += 1;
  const prefix = "cc-poll-" + views;
  const words = text().poll;
  const root = el("div", null, "cc-poll-counts");
  const options = poll.question.options;
  const letters = options.map(letterOf0);
  const boxes = {};
  const problem = el("p", null, "cc-poll-problem");
  problem.id = prefix + "-problem";

  function sync() {
    options.forEach((o) => { boxes[o.key].value = String(poll.counts[o.key]); boxes[o.key].removeAttribute("aria-invalid"); });
    problem.textContent = "";
  }

  function said(i) { return fill(words.announce_count, { letter: letters[i], votes: plural(words.vote_count, poll.counts[options[i].key]) }); }

  function addVote(i) {
    poll.addVote(options[i].key);
    sync();
    redraw();
    announce(said(i));
  }

  options.forEach((option, i) => {
    const row = el("div", null, "cc-poll-option");
    const id = prefix + "-" + option.key;
    // The letter shows; the words around it ("Votes for") are there for screen readers.
    const label = el("label", null, "cc-poll-option-label");
    const around = fill(words.votes_for, { letter: "\u0000" }).split("\u0000");
    if (around[0]) { label.appendChild(el("span", around[0], "cc-visually-hidden")); }
    label.appendChild(el("span", letters[i], "cc-poll-letter"));
    if (around[1]) { label.appendChild(el("span", around[1], "cc-visually-hidden")); }
    label.htmlFor = id;
    const box = el("input", null, "cc-poll-count");
    box.type = "number"; box.id = id; box.min = "0"; box.max = String(MAX_COUNT); box.step = "1";
    box.inputMode = "numeric";
    box.setAttribute("aria-describedby", problem.id);
    box.addEventListener("input", () => {
      if (box.value !== "" && poll.setCount(option.key, box.value)) {
        box.removeAttribute("aria-invalid");
        problem.textContent = "";
        redraw();
      } else if (box.value !== "" || box.validity.badInput) {
        box.setAttribute("aria-invalid", "true");
        problem.textContent = fill(words.count_range, { max: MAX_COUNT });
      }
    });
    // Leaving a box that holds no count puts back the count the chart shows: they never disagree.
    box.addEventListener("change", () => { if (wholeCount(box.value) !== poll.counts[option.key]) { sync(); } });
    const plus = makeButton("+1");
    plus.classList.add("cc-poll-plus");
    plus.setAttribute("aria-label", fill(words.plus_one, { letter: letters[i] }));
    plus.addEventListener("click", () => { addVote(i); });
    row.append(label, box, plus);
    boxes[option.key] = box;
    root.appendChild(row);
  });
  root.appendChild(problem);

  const chat = el("div", null, "cc-poll-chat");
  const chatLabel = el("label", words.chat_label);
  chatLabel.htmlFor = prefix + "-chat";
  const chatBox = el("input", null, "cc-poll-chat-box");
  chatBox.type = "text"; chatBox.id = prefix + "-chat"; chatBox.autocomplete = "off"; chatBox.spellcheck = false;
  const chatButton = makeButton(words.chat_button);
  function addChat() {
    const { counts, bad } = parseChatCounts(chatBox.value, letters);
    if (bad.length) { announce(fill(words.chat_bad, { parts: bad.join(" ") })); chatBox.setAttribute("aria-invalid", "true"); return; }
    const added = [];
    letters.forEach((letter, i) => {
      if (!counts[letter]) { return; }
      const key = options[i].key;
      poll.setCount(key, Math.min(poll.counts[key] + counts[letter], MAX_COUNT));
      added.push(letter + counts[letter]);
    });
    chatBox.value = "";
    chatBox.removeAttribute("aria-invalid");
    sync();
    redraw();
    announce(fill(words.chat_added, { counts: added.join(" ") }));
  }
  chatBox.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); event.stopPropagation(); addChat(); } });
  chatButton.addEventListener("click", addChat);
  chat.append(chatLabel, chatBox, chatButton);
  sync();

  // Digits 1-9 add a vote; true when the key was used. The owner leaves out keys typed into a control.
  function handleKey(event) {
    if (/^[1-9]$/.test(event.key) && Number(event.key) <= options.length) { addVote(Number(event.key) - 1); return true; }
    return false;
  }
  return { root, chat, sync, handleKey, addVote };
}

// A view of `poll` for the poll page: the question, counts, chart, "Reveal answer", the answer.
export function createPollView(poll, announce) {
  const words = text().poll;
  const root = el("div", null, "cc-poll-view");
  const chartBox = el("div", null, "cc-poll-chart");
  const revealBox = el("div", null, "cc-poll-reveal-box");
  const revealButton = makeButton(words.reveal, true);
  revealButton.classList.add("cc-poll-reveal-button");

  function drawChart() {
    chartBox.replaceChildren(pollChart(poll.position + 1, poll.questions.length, poll.question.options, poll.counts, poll.revealed));
  }
  function showReveal() {
    revealButton.disabled = poll.revealed;
    revealBox.replaceChildren();
    if (poll.revealed) { revealBox.appendChild(revealBlock(poll.question)); }
    drawChart();
  }
  function reveal() {
    poll.reveal();
    showReveal();
    announce(fill(words.revealed, { answer: poll.question.answer.join("; ") }));
  }
  const counts = createCounts(poll, announce, drawChart);
  root.appendChild(el("p", fill(words.question_position, { number: poll.position + 1, total: poll.questions.length }), "cc-poll-position"));
  const question = el("div", null, "cc-poll-question");
  questionParts(poll.question).forEach((part) => { question.appendChild(part.node); });
  revealButton.addEventListener("click", reveal);
  root.append(question, counts.root, counts.chat, chartBox, revealButton, revealBox);
  showReveal();

  function handleKey(event) {
    if (counts.handleKey(event)) { return true; }
    if ((event.key === "r" || event.key === "R") && !poll.revealed) { reveal(); return true; }
    return false;
  }
  return { root, handleKey };
}

// Keys typed into a text box or list belong to it, not to the shortcuts.
export function typingInControl(event) {
  const t = event.target;
  return event.ctrlKey || event.metaKey || event.altKey ||
    !!(t && t.closest && t.closest("input, textarea, select, [contenteditable=true]"));
}
