/* A lesson's presenter view: a full-screen, projector-friendly modal dialog of slides built from
 * the lesson's data (compact_course/book/presenter.py writes it next to the "Present this lesson"
 * button as escaped JSON), laid out to fit the screen (presenter-pages.js).
 *
 * Keys, as presentation clickers send them: Right, Down, Page Down, Space and N go on; Left,
 * Up, Page Up and P go back; Home and End; B or . (full stop) blank the screen and the same key
 * shows it again; on a poll 1-9 add a vote and R shows the answer; Escape leaves.
 * The session (each lesson's place, every count, reveal and time) is kept in this browser
 * (presenter-session.js) until "New session": a reload, Escape and reopen, or Back and Forward
 * come back to the same slide with the same counts. "Export session (CSV)" saves it. The
 * speaker view (a second window) and the participants' link are in the "Session" menu.
 * The view never reads the answers a learner saved in this browser.
 */

import { download, el, makeButton } from "./dom.js";
import { createPoll } from "./poll-model.js";
import { pollChart } from "./poll-chart.js";
import { createCounts, typingInControl } from "./poll-view.js";
import { deckPages, findPage } from "./presenter-pages.js";
import { newSession, readSession, recordPoll, sessionCsv, sessionStore, writeSession } from "./presenter-session.js";
import { openSpeaker } from "./presenter-speaker.js";
import { participantsAddress } from "./share-address.js";
import { sessionMenu } from "./presenter-menu.js";
import { fill, text } from "./text.js";

export const PRESENT_HASH = "#present";
const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), " +
  "textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
const NEXT = ["PageDown", "ArrowRight", "ArrowDown", " ", "n", "N"];
const BACK = ["PageUp", "ArrowLeft", "ArrowUp", "p", "P"];
const BLANK = ["b", "B", ".", ","];

const nowIso = () => new Date().toISOString();

export function setupPresenter(block, pollData) {
  const button = block.querySelector(".cc-present-open");
  const script = block.querySelector("script.cc-present-data");
  if (!button || !script) { return null; }
  const deck = JSON.parse(script.textContent);
  const questions = pollData && pollData.questions ? pollData.questions : {};
  const { storage, kept } = sessionStore(window);
  let dialog = null;
  let madeInert = [];
  let leaving = null;

  if (new URLSearchParams(window.location.search).has("speaker")) {
    openSpeaker(deck, questions, storage);
    return { open() {}, close() {} };
  }

  function open(fromClick) {
    if (dialog) { return; }
    const words = text().presenter;
    let session = readSession(storage, nowIso());
    const pollIds = deck.slides.filter((s) => s.kind === "poll" && questions[s.question]).map((s) => s.question);
    const save = () => { if (!writeSession(storage, session)) { notice.textContent = words.not_kept; } };
    const makePoll = () => (pollIds.length ? createPoll(deck.title, pollIds.map((id) => questions[id]), session.polls,
      (question, counts, revealed) => { recordPoll(session, question, deck.title, counts, revealed, nowIso()); save(); }) : null);
    let poll = makePoll();
    let pages = [];
    let position = 0;
    let counts = null;
    let participants = false;

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
    const back = makeButton(words.previous);
    const next = makeButton(words.next);
    const leave = makeButton(words.leave);
    const notice = el("p", kept ? "" : words.not_kept, "cc-presenter-notice");
    const menu = sessionMenu(deck, {
      exportCsv() { download("presenter-session-" + session.started.slice(0, 10) + ".csv", "text/csv", sessionCsv(session, questions, words, fill)); },
      newSession() {
        session = newSession(nowIso());
        save();
        poll = makePoll();
        layout(0);
        dialog.focus();
        announce(words.new_session_done);
      },
      speaker() { window.open(window.location.pathname + "?speaker" + PRESENT_HASH, "cc-speaker-" + deck.lesson); },
      participants() { participants = true; draw(); }
    });
    tools.append(menu, back, next, leave);
    bar.append(title, status, tools);
    const stage = el("div", null, "cc-presenter-stage");
    const blank = el("div", null, "cc-presenter-blank");
    blank.hidden = true;
    const spoken = el("p", null, "cc-visually-hidden");
    spoken.setAttribute("aria-live", "polite");
    const announce = (t) => { spoken.textContent = t; };
    dialog.append(bar, notice, stage, spoken, blank);

    function place() {
      const page = pages[position];
      return { slide: page.slide, step: page.step, part: page.part };
    }

    function remember() {
      session.lessons[deck.lesson] = { ...place(), blank: !blank.hidden, page: position, pages: pages.length, time: nowIso() };
      save();
    }

    function drawVotes(page) {
      const box = el("div", null, "cc-slide cc-slide-votes");
      page.header(box, false);
      const chartBox = el("div", null, "cc-poll-chart");
      const redraw = () => {
        chartBox.replaceChildren();
        const room = chartBox.getBoundingClientRect();
        const spare = stage.getBoundingClientRect().bottom - room.top - 8;
        chartBox.appendChild(pollChart(pollIds.indexOf(page.question) + 1, pollIds.length, poll.question.options,
          poll.counts, poll.revealed, { width: room.width, height: spare }));
      };
      counts = createCounts(poll, announce, redraw);
      const grid = el("div", null, "cc-presenter-votes");
      grid.append(counts.root, chartBox);
      box.append(counts.chat, grid);
      stage.replaceChildren(box);
      redraw();
    }

    function drawParticipants() {
      const box = el("div", null, "cc-slide cc-slide-participants");
      box.appendChild(el("h2", words.participants_heading, "cc-slide-heading"));
      box.appendChild(el("p", deck.title, "cc-slide-text"));
      const address = participantsAddress(window.CompactCourseManifest, window.location.href,
        document.documentElement.getAttribute("data-content_root"));
      box.appendChild(address ? el("p", address, "cc-presenter-address") : el("p", words.participants_private, "cc-slide-text cc-presenter-private"));
      const again = makeButton(words.participants_back, true);
      again.addEventListener("click", () => { participants = false; draw(); dialog.focus(); });
      box.appendChild(again);
      stage.replaceChildren(box);
    }

    function draw() {
      const hadFocus = stage.contains(document.activeElement);
      counts = null;
      if (participants) { drawParticipants(); return; }
      const page = pages[position];
      if (page.question && poll) { poll.goTo(pollIds.indexOf(page.question)); }
      if (page.step === "answer") { poll.reveal(); }
      if (page.step === "votes") {
        drawVotes(page);
      } else {
        const box = el("div", null, "cc-slide cc-slide-" + page.step);
        page.header(box, page.part > 0);
        page.blocks.forEach((b) => { box.appendChild(b.node.cloneNode(true)); });
        stage.replaceChildren(box);
      }
      back.disabled = position === 0;
      next.disabled = position === pages.length - 1;
      status.textContent = fill(words.status, { number: position + 1, total: pages.length, heading: page.heading });
      if (hadFocus || !dialog.contains(document.activeElement)) { dialog.focus(); }
    }

    function show(index) {
      participants = false;
      position = Math.min(Math.max(index, 0), pages.length - 1);
      draw();
      remember();
    }

    function layout(index) {
      pages = deckPages(stage, deck, questions);
      show(index);
    }

    function toggleBlank() {
      blank.hidden = !blank.hidden;
      announce(blank.hidden ? status.textContent : words.blanked);
      remember();
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

    function pollKey(event) {
      const page = pages[position];
      if (!page.question || !poll || participants) { return false; }
      if (event.key === "r" || event.key === "R") {
        const answer = pages.findIndex((p) => p.slide === page.slide && p.step === "answer");
        if (answer !== position) { show(answer); }
        return true;
      }
      if (counts) { return counts.handleKey(event); }
      const options = poll.question.options;
      if (page.step === "question" && /^[1-9]$/.test(event.key) && Number(event.key) <= options.length) {
        poll.addVote(options[Number(event.key) - 1].key);
        announce(options[Number(event.key) - 1].letter + ": " + poll.counts[options[Number(event.key) - 1].key]);
        return true;
      }
      return false;
    }

    function onKey(event) {
      const key = event.key;
      if (key === "Escape") {
        event.preventDefault();
        if (!blank.hidden) { toggleBlank(); } else if (menu.open) { menu.open = false; dialog.focus(); } else { close(); }
        return;
      }
      if (key === "Tab") { trapTab(event); return; }
      const typing = typingInControl(event);
      const onControl = !!(event.target.closest && event.target.closest("button, a[href], summary"));
      let handled = true;
      if (!typing && BLANK.includes(key)) {
        toggleBlank();
      } else if (key === "PageDown" || (!typing && NEXT.includes(key) && !(key === " " && onControl))) {
        show(position + 1);
      } else if (key === "PageUp" || (!typing && BACK.includes(key))) {
        show(position - 1);
      } else if (!typing && key === "Home") {
        show(0);
      } else if (!typing && key === "End") {
        show(pages.length - 1);
      } else {
        handled = !typing && pollKey(event);
      }
      if (handled) { event.preventDefault(); }
    }

    let resizing = 0;
    function onResize() {
      window.clearTimeout(resizing);
      resizing = window.setTimeout(() => { if (dialog) { const here = place(); pages = deckPages(stage, deck, questions); show(findPage(pages, here)); } }, 150);
    }

    dialog.addEventListener("keydown", onKey);
    back.addEventListener("click", () => { show(position - 1); });
    next.addEventListener("click", () => { show(position + 1); });
    leave.addEventListener("click", () => { close(); });
    blank.addEventListener("click", toggleBlank);
    window.addEventListener("resize", onResize);

    madeInert = Array.from(document.body.children).filter((n) => !n.inert);
    madeInert.forEach((n) => { n.inert = true; });
    document.documentElement.classList.add("cc-presenting");
    document.body.appendChild(dialog);
    if (window.location.hash !== PRESENT_HASH) {
      window.history.pushState(null, "", window.location.pathname + window.location.search + PRESENT_HASH);
    }
    const saved = session.lessons[deck.lesson];
    pages = deckPages(stage, deck, questions);
    show(findPage(pages, saved));
    if (saved && saved.blank) { blank.hidden = false; }
    if (saved) { announce(fill(words.resumed, { number: position + 1, total: pages.length })); }
    dialog.focus();
    if (fromClick && dialog.requestFullscreen) { dialog.requestFullscreen().catch(() => {}); }
    leaving = () => { window.removeEventListener("resize", onResize); };
  }

  // byAddress: the address already lost #present (Back): leave the history alone.
  function close(byAddress) {
    if (!dialog) { return; }
    if (document.fullscreenElement === dialog && document.exitFullscreen) { document.exitFullscreen().catch(() => {}); }
    if (leaving) { leaving(); leaving = null; }
    dialog.remove();
    dialog = null;
    madeInert.forEach((n) => { n.inert = false; });
    madeInert = [];
    document.documentElement.classList.remove("cc-presenting");
    if (!byAddress && window.location.hash === PRESENT_HASH) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    button.focus();
  }

  button.hidden = false;
  button.addEventListener("click", () => { open(true); });
  const fromAddress = () => { if (window.location.hash === PRESENT_HASH) { open(false); } else if (dialog) { close(true); } };
  window.addEventListener("hashchange", fromAddress);
  window.addEventListener("pageshow", (event) => { if (event.persisted) { fromAddress(); } });
  fromAddress();
  return { open, close };
}
