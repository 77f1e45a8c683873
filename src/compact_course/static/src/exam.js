/* The self-assessment: exam mode (answer everything, submit, then results) or practice mode,
 * start again, and for the fresh-draw page the seed box that draws a new set of questions.
 */

import { drawIds, parseSeed } from "./draw.js";
import { confirmStep, el, makeButton } from "./dom.js";
import { showResults } from "./results-view.js";
import { isoDate, quizTally, percent } from "./results.js";
import { PREFIX } from "./storage.js";
import { fill, plural, text as words } from "./text.js";

function modeSwitcher(quiz, onChange) {
  const t = words().exam;
  const switcher = el("fieldset", null, "cc-mode");
  switcher.appendChild(el("legend", t.legend));
  [["exam", t.exam_mode], ["practice", t.practice_mode]].forEach(([mode, text]) => {
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

// services: {store, completedLessons, notStudied}; see main.js.
export function setupAssessment(section, quiz, services) {
  const store = services.store;
  const submittedKey = PREFIX + "submitted:" + quiz.id;
  const fingerprints = () => quiz.questions.map((q) => q.spec.fingerprint).join(",");
  const scoreLine = () => section.querySelector(".cc-score");

  const switcher = modeSwitcher(quiz, setMode);
  section.insertBefore(switcher, section.firstChild);

  const t = words().exam;
  const submitBar = el("div", null, "cc-controls cc-submit-bar");
  const submit = makeButton(t.submit, true);
  const restart = makeButton(t.start_again);
  submitBar.appendChild(submit); submitBar.appendChild(restart);
  const confirmSubmit = confirmStep("cc-confirm-submit", t.submit_anyway, t.keep_answering);
  const confirmRestart = confirmStep("cc-confirm-restart", t.restart_yes, t.restart_no);
  const status = el("p", "", "cc-submit-status");
  status.setAttribute("role", "status");
  const results = el("div", null, "cc-results");
  results.hidden = true;
  results.tabIndex = -1;
  section.insertBefore(submitBar, scoreLine());
  section.insertBefore(confirmSubmit.box, scoreLine());
  section.insertBefore(confirmRestart.box, scoreLine());
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

  // Only the submitted attempt counts: each question is scored on what its form holds now.
  function submitAll() {
    const unanswered = quiz.questions.filter((q) => !q.submit().answered).length;
    const tally = quizTally(quiz.questions);
    const title = (section.getAttribute("aria-label") || "").replace(/^Quiz: /, "");
    const when = new Date();
    store.write(submittedKey, { fingerprints: fingerprints(), time: when.toISOString(), quiz: quiz.id, title,
      date: isoDate(when), correct: tally.correct, answered: tally.answered, total: tally.total,
      percent: percent(tally.correct, tally.total) });
    status.textContent = unanswered ? plural(t.unanswered_after, unanswered) : "";
    showResults(section, quiz, results, services);
    quiz.update();
  }

  submit.addEventListener("click", () => {
    const forms = quiz.questions.map((q) => q.hasResponse());
    const unanswered = forms.filter((answered) => !answered).length;
    if (!unanswered) { submitAll(); return; }
    confirmSubmit.ask(plural(t.unanswered_ask, unanswered, { total: quiz.questions.length }), (yes) => {
        if (yes) { submitAll(); return; }
        const missing = quiz.questions[forms.indexOf(false)];
        const control = missing.form.querySelector("input, select");
        if (control) { control.focus(); }
      });
  });
  restart.addEventListener("click", () => {
    confirmRestart.ask(t.restart_ask, (yes) => {
      if (!yes) { status.textContent = t.restart_kept; restart.focus(); return; }
      quiz.questions.forEach((q) => { q.clear(); });
      store.remove(submittedKey);
      results.hidden = true;
      // A new attempt: the fresh-draw page draws a new set, the fewest seen before; either page
      // says how many of its questions came up in an earlier attempt.
      status.textContent = (draw ? draw.redraw() + " " : t.cleared + " ") + seenLine(quiz.questions);
      quiz.update();
      const first = section.querySelector("form.cc-question input, form.cc-question select");
      if (first) { first.focus(); }
    });
  });
  const draw = section.hasAttribute("data-draw-seed") ? setupDraw(section, quiz, switcher, results, status) : null;
  setMode("exam");
  const saved = store.read(submittedKey);
  if (saved && saved.fingerprints === fingerprints()) {
    quiz.questions.forEach((q) => { q.showResult(q.result); });
    showResults(section, quiz, results, services, true);
  }
}

// How many of the questions came up in an earlier attempt (their first attempt is kept).
function seenLine(questions) {
  const t = words().exam;
  const seen = questions.filter((q) => q.first).length;
  return seen ? plural(t.seen, seen, { total: questions.length }) : fill(t.seen_none, { total: questions.length });
}

const REDRAW_TRIES = 50;

// The fresh draw: the section holds every question; the seed decides which show, in what order.
// Returns {redraw()}: draw the next set with the fewest questions seen before.
function setupDraw(section, quiz, switcher, results, status) {
  const pool = quiz.questions.slice();
  const perModule = parseInt(section.getAttribute("data-draw-per-module"), 10);
  const box = el("div", null, "cc-draw");
  const t = words().exam;
  const label = el("label", t.draw_label);
  const input = document.createElement("input");
  input.type = "number"; input.min = "0"; input.step = "1"; input.id = quiz.id + "-seed";
  input.value = section.getAttribute("data-draw-seed");
  label.setAttribute("for", input.id);
  const button = makeButton(t.draw_button, true);
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
      q.form.querySelector(".cc-number").textContent = fill(t.question_number, { number: index + 1, total: ids.length });
    });
    section.setAttribute("data-drawn-seed", String(seed));
    drawn.textContent = fill(t.drew, { count: ids.length, seed });
  }

  button.addEventListener("click", () => {
    const seed = parseSeed(input.value);
    if (seed === null) {
      drawn.textContent = t.draw_bad_seed;
      input.focus();
      return;
    }
    pool.forEach((q) => { q.clear(); });
    results.hidden = true;
    current = seed;
    apply(seed);
    status.textContent = seenLine(quiz.questions);
  });
  let current = parseSeed(section.getAttribute("data-draw-seed"));
  apply(current);

  function redraw() {
    const seen = new Set(pool.filter((q) => q.first).map((q) => q.spec.id));
    const specs = pool.map((q) => ({ id: q.spec.id, module: q.spec.module }));
    let best = null;
    for (let step = BigInt(1); step <= BigInt(REDRAW_TRIES); step += BigInt(1)) {
      const seed = current + step;
      const repeats = drawIds(specs, seed, perModule).filter((id) => seen.has(id)).length;
      if (best === null || repeats < best.repeats) { best = { seed, repeats }; }
      if (repeats === 0) { break; }
    }
    pool.forEach((q) => { q.clear(); });
    current = best.seed;
    input.value = String(current);
    apply(current);
    return t.new_set + " " + drawn.textContent;
  }
  return { redraw };
}
