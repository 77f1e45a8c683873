/* A lesson's presenter view: a full-screen, projector-friendly modal dialog of slides built from
 * the lesson's data (compact_course/book/presenter.py writes it next to the "Present this lesson"
 * button as escaped JSON).
 *
 * Keys: Right, Page Down and Space go on (presentation clickers send these), N too; Left, Page
 * Up and B go back; Home and End; Escape leaves. On a poll slide 1-5 add a vote and R reveals.
 * The slide number is announced in a live region, focus stays inside while the view is open
 * (role=dialog, aria-modal, the rest of the page inert, Tab wraps) and returns to the button.
 * The view never reads the answers saved in this browser: a poll starts from zero and shows
 * no answer until revealed. Opening the lesson's address with #present opens the view.
 */

import { el, makeButton } from "./dom.js";
import { createPoll } from "./poll-model.js";
import { createPollView, typingInControl } from "./poll-view.js";

export const PRESENT_HASH = "#present";
const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), " +
  "textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

function list(items) {
  const ul = el("ul", null, "cc-slide-list");
  items.forEach((t) => { ul.appendChild(el("li", t)); });
  return ul;
}

function slideBody(slide, pollSlide) {
  const box = el("div", null, "cc-slide cc-slide-" + slide.kind);
  if (slide.lead && slide.kind !== "title") { box.appendChild(el("p", slide.lead, "cc-slide-lead")); }
  box.appendChild(el("h2", slide.heading, "cc-slide-heading"));
  if (slide.lead && slide.kind === "title") { box.appendChild(el("p", slide.lead, "cc-slide-lead")); }
  if (slide.text) { box.appendChild(el("p", slide.text, "cc-slide-text")); }
  if (slide.items) { box.appendChild(list(slide.items)); }
  if (slide.kind === "poll") { box.appendChild(pollSlide(slide)); }
  return box;
}

function keyLegend() {
  const p = el("p", null, "cc-presenter-keys");
  [["→", "Page Down", "Space"], ["←", "Page Up"], ["Home"], ["End"], ["Esc"]].forEach((keys, i) => {
    const part = el("span", null, "cc-poll-key");
    keys.forEach((k, j) => { if (j) { part.appendChild(document.createTextNode(" ")); } part.appendChild(el("kbd", k)); });
    part.appendChild(document.createTextNode(" " + ["next", "back", "first slide", "last slide", "leaves"][i]));
    p.appendChild(part);
  });
  return p;
}

export function setupPresenter(block, pollData) {
  const button = block.querySelector(".cc-present-open");
  const script = block.querySelector("script.cc-present-data");
  if (!button || !script) { return null; }
  const deck = JSON.parse(script.textContent);
  const questions = pollData && pollData.questions ? pollData.questions : {};
  let dialog = null;
  let madeInert = [];

  function open(fromClick) {
    if (dialog) { return; }
    const pollIds = deck.slides.filter((s) => s.kind === "poll" && questions[s.question]).map((s) => s.question);
    const poll = pollIds.length ? createPoll(deck.title, pollIds.map((id) => questions[id])) : null;
    let position = 0;
    let view = null;

    dialog = el("div", null, "cc-presenter");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "cc-presenter-title");
    dialog.tabIndex = -1;
    const bar = el("div", null, "cc-presenter-bar");
    const title = el("p", deck.title, "cc-presenter-title");
    title.id = "cc-presenter-title";
    const status = el("p", null, "cc-presenter-status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    const tools = el("div", null, "cc-presenter-tools");
    const notes = el("a", deck.notes.label + " (opens in a new window)", "cc-presenter-notes");
    notes.href = deck.notes.href;
    notes.target = "cc-facilitator-notes"; // one second window, reused, for the facilitator's screen
    notes.rel = "noopener";
    const back = makeButton("Previous slide");
    const next = makeButton("Next slide");
    const leave = makeButton("Leave presenter view");
    // The facilitator notes exist only in the facilitator edition (the manifest says which this is).
    const manifest = window.CompactCourseManifest;
    if (manifest && manifest.facilitator) { tools.append(notes); }
    tools.append(back, next, leave);
    bar.append(title, status, tools);
    const stage = el("div", null, "cc-presenter-stage");
    const pollStatus = el("p", null, "cc-visually-hidden");
    pollStatus.setAttribute("aria-live", "polite");
    dialog.append(bar, stage, pollStatus, keyLegend());

    function pollSlide(slide) {
      if (!poll) { return el("p", "", "cc-slide-text"); }
      poll.goTo(pollIds.indexOf(slide.question));
      view = createPollView(poll, (text) => { pollStatus.textContent = text; });
      return view.root;
    }

    function show(index) {
      position = Math.min(Math.max(index, 0), deck.slides.length - 1);
      const slide = deck.slides[position];
      const hadFocus = stage.contains(document.activeElement);
      view = null;
      stage.replaceChildren(slideBody(slide, pollSlide));
      back.disabled = position === 0;
      next.disabled = position === deck.slides.length - 1;
      status.textContent = "Slide " + (position + 1) + " of " + deck.slides.length + ": " + slide.heading;
      if (hadFocus || !dialog.contains(document.activeElement)) { dialog.focus(); }
    }

    function trapTab(event) {
      const items = Array.from(dialog.querySelectorAll(FOCUSABLE)).filter((n) => n.offsetParent !== null);
      if (!items.length) { event.preventDefault(); return; }
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
        event.preventDefault(); last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault(); first.focus();
      }
    }

    dialog.addEventListener("keydown", (event) => {
      const key = event.key;
      if (key === "Escape") { event.preventDefault(); close(); return; }
      if (key === "Tab") { trapTab(event); return; }
      const typing = typingInControl(event);
      const onControl = !!(event.target.closest && event.target.closest("button, a[href], summary"));
      let handled = true;
      if (key === "PageDown" || (!typing && (key === "ArrowRight" || key === "n" || key === "N" ||
          (key === " " && !onControl)))) {
        show(position + 1);
      } else if (key === "PageUp" || (!typing && (key === "ArrowLeft" || key === "b" || key === "B"))) {
        show(position - 1);
      } else if (!typing && key === "Home") {
        show(0);
      } else if (!typing && key === "End") {
        show(deck.slides.length - 1);
      } else {
        handled = !typing && view !== null && view.handleKey(event);
      }
      if (handled) { event.preventDefault(); }
    });
    back.addEventListener("click", () => { show(position - 1); });
    next.addEventListener("click", () => { show(position + 1); });
    leave.addEventListener("click", close);

    madeInert = Array.from(document.body.children).filter((n) => !n.inert);
    madeInert.forEach((n) => { n.inert = true; });
    document.documentElement.classList.add("cc-presenting");
    document.body.appendChild(dialog);
    show(0);
    dialog.focus();
    if (fromClick && dialog.requestFullscreen) { dialog.requestFullscreen().catch(() => {}); }
  }

  function close() {
    if (!dialog) { return; }
    if (document.fullscreenElement === dialog && document.exitFullscreen) { document.exitFullscreen().catch(() => {}); }
    dialog.remove();
    dialog = null;
    madeInert.forEach((n) => { n.inert = false; });
    madeInert = [];
    document.documentElement.classList.remove("cc-presenting");
    if (window.location.hash === PRESENT_HASH) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    button.focus();
  }

  button.hidden = false;
  button.addEventListener("click", () => { open(true); });
  const fromAddress = () => { if (window.location.hash === PRESENT_HASH) { open(false); } };
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
  return { open, close };
}
