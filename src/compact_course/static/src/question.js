/* One question's form: reads and writes the controls, draws the state from question-state.js
 * and wires the buttons (check, try again, show answer, hint). Every string goes in with
 * textContent: nothing from the bank is parsed as HTML.
 */

import * as transitions from "./question-state.js";
import { responseKind } from "./question-types.js";
import { score } from "./scoring.js";
import { PREFIX } from "./storage.js";
import { confirmStep } from "./dom.js";
import { fill, text } from "./text.js";

export function readResponse(form, spec) {
  if (responseKind(spec) === "pairs") {
    const out = {};
    spec.items.forEach((item, index) => {
      const value = form.querySelectorAll(".cc-match select")[index].value;
      if (value) { out[item.key] = value; }
    });
    return out;
  }
  const checked = Array.prototype.slice.call(form.querySelectorAll("input:checked")).map((input) => input.value);
  if (responseKind(spec) === "set") { return checked; }
  return checked.length ? checked[0] : null;
}

// A closed drop-down cuts a long match off on a phone, so the chosen match is also written out in
// full under it (hidden from screen readers: the drop-down itself announces its value).
export function showChosen(select) {
  let shown = select.nextElementSibling;
  if (!shown || !shown.classList.contains("cc-chosen")) {
    shown = select.ownerDocument.createElement("span");
    shown.className = "cc-chosen";
    shown.setAttribute("aria-hidden", "true");
    select.insertAdjacentElement("afterend", shown);
  }
  const option = select.options[select.selectedIndex];
  shown.textContent = select.value && option ? option.text : "";
}

function writeResponse(form, spec, response) {
  if (responseKind(spec) === "pairs") {
    spec.items.forEach((item, index) => {
      const select = form.querySelectorAll(".cc-match select")[index];
      select.value = (response && response[item.key]) || "";
      showChosen(select);
    });
    return;
  }
  const chosen = responseKind(spec) === "set" ? (response || []) : [response];
  form.querySelectorAll("input").forEach((input) => { input.checked = chosen.indexOf(input.value) >= 0; });
}

// The row of a choice (its label) or of a matching item, by key.
function rowOf(form, spec, key) {
  if (responseKind(spec) === "pairs") {
    const index = spec.items.findIndex((item) => item.key === key);
    return index < 0 ? null : form.querySelectorAll(".cc-match")[index];
  }
  const input = Array.prototype.find.call(form.querySelectorAll(".cc-options input"), (i) => i.value === key);
  return input ? input.closest("label") : null;
}

function drawMarks(form, spec, marks) {
  form.querySelectorAll(".cc-mark").forEach((mark) => { mark.parentNode.removeChild(mark); });
  form.querySelectorAll(".cc-right, .cc-wrong").forEach((node) => { node.classList.remove("cc-right", "cc-wrong"); });
  marks.forEach((mark) => {
    const row = rowOf(form, spec, mark.key);
    if (!row) { return; }
    row.classList.add(mark.correct ? "cc-right" : "cc-wrong");
    const span = form.ownerDocument.createElement("span");
    span.className = "cc-mark";
    span.textContent = (mark.correct ? "\u2713 " : "\u2717 ") + (mark.correct ? text().question.mark_right : text().question.mark_wrong);
    row.appendChild(span);
  });
}

function paragraph(doc, text, className) {
  const p = doc.createElement("p");
  if (className) { p.className = className; }
  p.textContent = text;
  return p;
}

function moreLink(doc, spec) {
  const more = doc.createElement("p");
  const link = doc.createElement("a");
  link.href = spec.more.href;
  link.textContent = fill(text().question.read_more, { label: spec.more.label });
  more.appendChild(link);
  return more;
}

// feedback.explain (after an exam-mode submit): the explanation shows, right or wrong, and no
// button exam mode lacks is mentioned.
function drawFeedback(box, spec, feedback) {
  const doc = box.ownerDocument;
  const words = text().question;
  box.textContent = "";
  if (feedback.kind === "message") { box.textContent = words[feedback.text]; }
  if (feedback.kind === "unanswered") {
    box.appendChild(paragraph(doc, feedback.explain ? words.not_answered : words.unanswered, "cc-verdict-line cc-wrong"));
    if (feedback.explain) {
      box.appendChild(paragraph(doc, spec.explanation, "cc-explanation-line"));
      box.appendChild(moreLink(doc, spec));
    }
  }
  if (feedback.kind !== "result") { return; }
  const result = feedback.result;
  box.appendChild(paragraph(doc, result.correct ? words.right : words.wrong,
    "cc-verdict-line " + (result.correct ? "cc-right" : "cc-wrong")));
  const list = doc.createElement("ul");
  result.feedback.forEach((line) => {
    const li = doc.createElement("li");
    li.textContent = (line.correct ? "\u2713 " : "\u2717 ") + line.text;
    list.appendChild(li);
  });
  box.appendChild(list);
  if (feedback.revealed) { box.appendChild(paragraph(doc, words.revealed_counts, "cc-revealed-line")); }
  const explain = result.correct || feedback.explain;
  box.appendChild(paragraph(doc, explain ? spec.explanation : words.next_step, explain ? "cc-explanation-line" : "cc-next-step"));
  box.appendChild(moreLink(doc, spec));
  if (feedback.restored) { box.setAttribute("data-restored", "true"); }
}

// The buttons, hint box and live region, cloned from the quiz's <template class="cc-tools"> into
// the form after its fieldset; a question without a hint gets no hint button.
function addTools(form, template, hasHint) {
  const tools = template.content.cloneNode(true);
  if (!hasHint) { tools.querySelector('[data-action="hint"]').remove(); }
  form.querySelector("fieldset").after(tools);
  form.querySelectorAll(".cc-options label").forEach((label) => { label.classList.add("cc-option"); });
}

// spec: the question's data (question-spec.js); quiz: {update()}, told after every check; store:
// see storage.js; page: {tools (the quiz's template), storeName (the quiz data's store)}.
export function setupQuestion(form, spec, quiz, store, page) {
  addTools(form, page.tools, !!spec.hint);
  const storeKey = PREFIX + page.storeName + ":" + spec.id;
  const parts = {
    controls: form.querySelector(".cc-controls"),
    feedback: form.querySelector(".cc-feedback"),
    details: form.querySelector("details.cc-answer"),
    hint: form.querySelector(".cc-hint"),
    retry: form.querySelector('[data-action="retry"]')
  };
  let state = transitions.initialState();
  form.querySelectorAll(".cc-match select").forEach((select) => {
    select.addEventListener("change", () => { showChosen(select); });
  });

  function draw(prev, next) {
    if (!prev || prev.exam !== next.exam) { parts.controls.hidden = next.exam; }
    if (!prev || prev.answerShown !== next.answerShown) {
      parts.details.hidden = !next.answerShown;
      if (next.answerShown) { parts.details.open = true; }
    }
    if (prev && prev.marks !== next.marks) { drawMarks(form, spec, next.marks); }
    if (prev && prev.feedback !== next.feedback) { drawFeedback(parts.feedback, spec, next.feedback); }
    if (prev && prev.retryVisible !== next.retryVisible && next.retryVisible !== undefined) {
      parts.retry.hidden = !next.retryVisible;
    }
    if (prev && !prev.hintShown && next.hintShown) {
      parts.hint.hidden = false;
      parts.hint.textContent = fill(text().question.hint, { hint: spec.hint });
    }
  }

  function apply(step) {
    const prev = state;
    state = step.state;
    const effects = step.effects;
    if ("writeResponse" in effects) { writeResponse(form, spec, effects.writeResponse); }
    draw(prev, state);
    if (effects.focus === "first-control") {
      const first = form.querySelector("input, select");
      if (first) { first.focus(); }
    } else if (effects.focus === "answer") {
      parts.details.querySelector("summary").focus();
    }
    transitions.saveEffects(store, storeKey, spec, effects, new Date().toISOString());
    return step;
  }

  // "Show answer" asks once per question: the answer then counts as not known.
  let confirmReveal = null;
  function askReveal(button) {
    const show = () => {
      apply(transitions.reveal(state, spec, { time: new Date().toISOString(), page: location.pathname }));
      quiz.update();  // the question now counts as not known
    };
    if (state.revealed) { show(); return; }
    const words = text().question;
    if (!confirmReveal) {
      confirmReveal = confirmStep("cc-confirm-reveal", words.reveal_yes, words.reveal_no);
      parts.controls.after(confirmReveal.box);
    }
    confirmReveal.ask(words.reveal_ask, (yes) => {
      if (yes) { show(); } else { button.focus(); }
    });
  }

  function check(announce) {
    const context = { time: new Date().toISOString(), page: location.pathname };
    const step = apply(transitions.check(state, spec, readResponse(form, spec), context, announce));
    quiz.update();
    return step.result;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!state.exam) { check(true); }
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) { return; }
    const action = button.getAttribute("data-action");
    if (action === "retry") { apply(transitions.tryAgain(state, spec)); quiz.update(); }
    else if (action === "reveal") { askReveal(button); }
    else if (action === "hint") { apply(transitions.showHint(state)); }
  });

  draw(null, state);
  apply(transitions.restore(state, spec, store.read(storeKey)));

  function submit() {
    const context = { time: new Date().toISOString(), page: location.pathname };
    return apply(transitions.submit(state, spec, readResponse(form, spec), context)).result;
  }

  return {
    spec,
    form,
    storeKey,
    get result() { return state.result; },
    get first() { return state.first; },
    get revealed() { return state.revealed; },
    check,
    submit,
    hasResponse() { return score(spec, readResponse(form, spec)).answered; },
    showResult(result) { apply(transitions.showResult(state, spec, result)); },
    setExam(on) { apply(transitions.setExam(state, on)); },
    clear() { apply(transitions.clear(state, spec)); }
  };
}
