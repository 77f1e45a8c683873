/* The self-assessment: exam mode (answer everything, submit, then results) or practice mode, and
 * "Start again", which begins a new attempt with a set of questions drawn afresh (attempt.js).
 */

import { attemptKey, currentAttempt, nextAttempt, repeatsOf } from "./attempt.js";
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
  const every = quiz.questions.slice();  // the whole pool on the self-assessment: a later attempt shows any of them
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
    every.forEach((q) => { q.setExam(mode === "exam"); });
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
      // A new attempt: a new set, the fewest seen before, and how many of them came up before.
      status.textContent = attempts ? attempts.next() : t.cleared;
      quiz.update();
      const first = section.querySelector("form.cc-question input, form.cc-question select");
      if (first) { first.focus(); }
    });
  });
  const attempts = section.hasAttribute("data-draw-seed") ? setupAttempts(section, quiz, store, switcher) : null;
  setMode("exam");
  const saved = store.read(submittedKey);
  if (saved && saved.fingerprints === fingerprints()) {
    quiz.questions.forEach((q) => { q.showResult(q.result); });
    showResults(section, quiz, results, services, true);
  }
}

// How many of an attempt's questions came up in an earlier attempt.
function seenLine(record) {
  const t = words().exam;
  const seen = repeatsOf(record);
  const total = record.ids.length;
  return seen ? plural(t.seen, seen, { total }) : fill(t.seen_none, { total });
}

// The attempts: the section holds the whole pool; the current attempt's set shows, in its order
// (the first attempt's set is the one the page shows without the script). Returns {next()}: start
// the next attempt with a set drawn afresh, and say so.
function setupAttempts(section, quiz, store, switcher) {
  const pool = quiz.questions.slice();
  const specs = pool.map((q) => ({ id: q.spec.id, module: q.spec.module }));
  const seed = section.getAttribute("data-draw-seed");
  const perModule = parseInt(section.getAttribute("data-draw-per-module"), 10);
  const first = pool.filter((q) => !q.form.hidden).map((q) => q.spec.id);
  const key = attemptKey(quiz.id);
  const t = words().exam;
  const line = el("p", "", "cc-attempt");
  line.hidden = true;
  switcher.parentNode.insertBefore(line, switcher.nextSibling);
  const anchor = section.querySelector(".cc-submit-bar");

  function show(record) {
    pool.forEach((q) => { q.form.hidden = record.ids.indexOf(q.spec.id) < 0; });
    quiz.questions = record.ids.map((id) => pool.filter((q) => q.spec.id === id)[0]);
    quiz.questions.forEach((q, index) => {
      section.insertBefore(q.form, anchor);
      q.form.querySelector(".cc-number").textContent = fill(t.question_number, { number: index + 1, total: record.ids.length });
    });
    section.setAttribute("data-attempt", String(record.attempt));
    // Said before the learner starts, and kept while the attempt lasts.
    line.textContent = record.attempt > 1 ? fill(t.attempt, { attempt: record.attempt }) + " " + seenLine(record) : "";
    line.hidden = record.attempt === 1;
  }

  let current = currentAttempt(store.read(key), first, specs.map((q) => q.id));
  show(current);
  return {
    next() {
      current = nextAttempt(current, specs, seed, perModule, new Date().toISOString());
      store.write(key, current);
      show(current);
      return t.new_set + " " + seenLine(current);
    }
  };
}
