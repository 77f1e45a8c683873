/* The self-assessment: exam mode (answer everything, submit, then results) or practice mode,
 * start again, and for the fresh-draw page the seed box that draws a new set of questions.
 */

import { drawIds, parseSeed } from "./draw.js";
import { el, makeButton } from "./dom.js";
import { showResults } from "./results-view.js";
import { PREFIX } from "./storage.js";

const MODES = [
  ["exam", "Exam mode: answer every question, then submit to see your results"],
  ["practice", "Practice mode: see feedback after each question"]
];

function modeSwitcher(quiz, onChange) {
  const switcher = el("fieldset", null, "cc-mode");
  switcher.appendChild(el("legend", "How do you want to take the self-assessment?"));
  MODES.forEach(([mode, text]) => {
    const row = el("div", null, "cc-option");
    const input = document.createElement("input");
    input.type = "radio"; input.name = quiz.id + "-mode"; input.value = mode;
    input.id = quiz.id + "-mode-" + mode;
    input.checked = mode === "exam";
    const label = el("label", text);
    label.setAttribute("for", input.id);
    row.appendChild(input); row.appendChild(label);
    switcher.appendChild(row);
    input.addEventListener("change", () => { if (input.checked) { onChange(mode); } });
  });
  return switcher;
}

// services: {store, completedLessons}; see main.js.
export function setupAssessment(section, quiz, services) {
  const store = services.store;
  const submittedKey = PREFIX + "submitted:" + quiz.id;
  const fingerprints = () => quiz.questions.map((q) => q.spec.fingerprint).join(",");
  const scoreLine = () => section.querySelector(".cc-score");

  const switcher = modeSwitcher(quiz, setMode);
  section.insertBefore(switcher, section.firstChild);

  const submitBar = el("div", null, "cc-controls cc-submit-bar");
  const submit = makeButton("Submit all answers", true);
  const restart = makeButton("Start again");
  submitBar.appendChild(submit); submitBar.appendChild(restart);
  const status = el("p", "", "cc-submit-status");
  status.setAttribute("role", "status");
  const results = el("div", null, "cc-results");
  results.hidden = true;
  results.tabIndex = -1;
  section.insertBefore(submitBar, scoreLine());
  section.insertBefore(status, scoreLine());
  section.appendChild(results);

  function setMode(mode) {
    quiz.mode = mode;
    section.setAttribute("data-active-mode", mode);
    submitBar.hidden = mode !== "exam";
    quiz.questions.forEach((q) => { q.setExam(mode === "exam"); });
    if (mode === "practice") { results.hidden = true; status.textContent = ""; }
    quiz.update();
  }

  submit.addEventListener("click", () => {
    let unanswered = 0;
    quiz.questions.forEach((q) => {
      const result = q.check(false);
      q.showResult(result);
      if (!result.answered) { unanswered += 1; }
    });
    store.write(submittedKey, { fingerprints: fingerprints(), time: new Date().toISOString(), quiz: quiz.id });
    status.textContent = unanswered ? unanswered + " question(s) were not answered and count as not correct." : "";
    showResults(section, quiz, results, services);
  });
  restart.addEventListener("click", () => {
    quiz.questions.forEach((q) => { q.clear(); });
    store.remove(submittedKey);
    results.hidden = true;
    status.textContent = "Your answers have been cleared. Start again from the first question.";
    const first = section.querySelector("form.cc-question input, form.cc-question select");
    if (first) { first.focus(); }
  });
  if (section.hasAttribute("data-draw-seed")) {
    setupDraw(section, quiz, switcher, results, status);
  }
  setMode("exam");
  const saved = store.read(submittedKey);
  if (saved && saved.fingerprints === fingerprints()) {
    quiz.questions.forEach((q) => { if (q.result) { q.showResult(q.result); } });
    showResults(section, quiz, results, services, true);
  }
}

// The fresh draw: the section holds every question; the seed decides which show, in what order.
function setupDraw(section, quiz, switcher, results, status) {
  const pool = quiz.questions.slice();
  const perModule = parseInt(section.getAttribute("data-draw-per-module"), 10);
  const box = el("div", null, "cc-draw");
  const label = el("label", "Seed (any whole number; the same seed always draws the same questions)");
  const input = document.createElement("input");
  input.type = "number"; input.min = "0"; input.step = "1"; input.id = quiz.id + "-seed";
  input.value = section.getAttribute("data-draw-seed");
  label.setAttribute("for", input.id);
  const button = makeButton("Draw questions", true);
  const drawn = el("p", "", "cc-draw-status");
  drawn.setAttribute("role", "status");
  box.appendChild(label); box.appendChild(input); box.appendChild(button); box.appendChild(drawn);
  switcher.parentNode.insertBefore(box, switcher.nextSibling);
  const anchor = section.querySelector(".cc-submit-bar");

  function apply(seed) {
    const ids = drawIds(pool.map((q) => ({ id: q.spec.id, module: q.spec.module })), seed, perModule);
    pool.forEach((q) => { q.form.hidden = ids.indexOf(q.spec.id) < 0; });
    quiz.questions = ids.map((id) => pool.filter((q) => q.spec.id === id)[0]);
    quiz.questions.forEach((q, index) => {
      section.insertBefore(q.form, anchor);
      q.form.querySelector(".cc-number").textContent = "Question " + (index + 1) + " of " + ids.length;
    });
    section.setAttribute("data-drawn-seed", String(seed));
    drawn.textContent = "Drew " + ids.length + " questions with seed " + seed + ".";
  }

  button.addEventListener("click", () => {
    const seed = parseSeed(input.value);
    if (seed === null) {
      drawn.textContent = "Enter a whole number of 0 or more as the seed.";
      input.focus();
      return;
    }
    pool.forEach((q) => { q.clear(); });
    results.hidden = true;
    status.textContent = "";
    apply(seed);
  });
  apply(parseSeed(section.getAttribute("data-draw-seed")));
}
