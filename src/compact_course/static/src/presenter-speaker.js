/* The speaker view: the lesson page opened with ?speaker#present in a second window (the
 * presenter's "Session" menu opens it), for the facilitator's own screen. It follows the main
 * window through the session record they share (presenter-session.js): the slide on screen now,
 * the next one, a timer from the start of the session (which can be restarted), and the
 * lesson's facilitator notes (facilitator edition only). It changes nothing but the timer.
 */

import { el, makeButton } from "./dom.js";
import { readSession, SESSION_KEY, writeSession } from "./presenter-session.js";
import { fill, text } from "./text.js";

function slideSummary(slide, questions, step) {
  const box = el("div", null, "cc-speaker-slide");
  if (!slide) { box.appendChild(el("p", text().presenter.end)); return box; }
  if (slide.lead) { box.appendChild(el("p", slide.lead, "cc-slide-lead")); }
  box.appendChild(el("h3", slide.heading));
  if (slide.text) { box.appendChild(el("p", slide.text)); }
  if (slide.items) {
    const list = el("ul");
    slide.items.forEach((t) => { list.appendChild(el("li", t)); });
    box.appendChild(list);
  }
  const question = slide.question ? questions[slide.question] : null;
  if (question) {
    box.appendChild(el("p", question.prompt));
    const list = el("ul");
    question.options.forEach((o) => { list.appendChild(el("li", o.label + (o.correct ? " (" + text().poll.correct + ")" : ""))); });
    box.appendChild(list);
    if (step === "answer") { box.appendChild(el("p", question.explanation)); }
  }
  return box;
}

function elapsed(since) {
  const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 1000));
  return fill(text().presenter.timer_value, { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

export function openSpeaker(deck, questions, storage) {
  const words = text().presenter;
  const view = el("div", null, "cc-speaker");
  view.setAttribute("role", "region");
  view.setAttribute("aria-labelledby", "cc-speaker-title");
  const heading = el("h2", fill(words.speaker_title, { title: deck.title }));
  heading.id = "cc-speaker-title";
  const clock = el("p", null, "cc-speaker-timer");
  const restart = makeButton(words.timer_restart);
  const now = el("section", null, "cc-speaker-now");
  const coming = el("section", null, "cc-speaker-next");
  const notes = el("section", null, "cc-speaker-notes");
  notes.appendChild(el("h3", words.speaker_notes));
  const manifest = window.CompactCourseManifest;
  if (manifest && manifest.facilitator) {
    const frame = el("iframe", null, "cc-speaker-frame");
    frame.src = deck.notes.href;
    frame.title = deck.notes.label;
    notes.appendChild(frame);
  } else {
    notes.appendChild(el("p", words.speaker_no_notes));
  }
  const timer = el("div", null, "cc-speaker-clock");
  timer.append(el("p", words.timer, "cc-speaker-timer-label"), clock, restart);
  view.append(heading, timer, now, coming, notes);
  Array.from(document.body.children).forEach((n) => { n.inert = true; });
  document.documentElement.classList.add("cc-presenting");
  document.body.appendChild(view);

  let shown = "";
  function update() {
    const session = readSession(storage, new Date().toISOString());
    clock.textContent = elapsed(session.timer);
    const here = session.lessons[deck.lesson];
    const key = JSON.stringify(here || null);
    if (key === shown) { return; }
    shown = key;
    now.replaceChildren(el("h3", words.speaker_now));
    coming.replaceChildren(el("h3", words.speaker_next));
    if (!here) { now.appendChild(el("p", words.speaker_waiting)); return; }
    now.appendChild(el("p", fill(words.status, { number: here.page + 1, total: here.pages, heading: deck.slides[here.slide].heading })));
    now.appendChild(slideSummary(deck.slides[here.slide], questions, here.step));
    const poll = deck.slides[here.slide].kind === "poll";
    const after = poll && here.step !== "answer" ? deck.slides[here.slide] : deck.slides[here.slide + 1];
    coming.appendChild(slideSummary(after, questions, poll && here.step === "votes" ? "answer" : ""));
  }
  restart.addEventListener("click", () => {
    const session = readSession(storage, new Date().toISOString());
    session.timer = new Date().toISOString();
    writeSession(storage, session);
    update();
  });
  window.addEventListener("storage", (event) => { if (event.key === SESSION_KEY) { update(); } });
  window.setInterval(update, 1000);
  update();
}
