/* The room poll page of the static book (no kernel): choose a question set, count the room's
 * votes one question at a time, reveal, and end with a summary table to download as CSV.
 *
 * The sets and questions come from the course manifest's "poll" data, written from the same
 * quiz banks and sets as the Python poll (compact_course/facilitator/poll_data.py). Counts live
 * in memory only: nothing is stored or sent. Keys: 1-5 add a vote, R reveals, N or Right goes
 * on, B or Left goes back.
 */

import { download, el, headRow, makeButton } from "./dom.js";
import { createPoll, summaryCsv } from "./poll-model.js";
import { createPollView, shortcutLegend, typingInControl } from "./poll-view.js";

export function pollFor(data, key) {
  const chosen = data.sets.find((s) => s.key === key);
  return createPoll(chosen.title, chosen.questions.map((id) => data.questions[id]));
}

export function summaryTable(poll) {
  const table = el("table", null, "cc-table cc-poll-summary");
  table.appendChild(el("caption", "Room poll summary: " + poll.title));
  table.appendChild(headRow(["Question", "Prompt", "Votes", "On correct options", "Answer revealed"]));
  const body = el("tbody");
  poll.summary().forEach((row) => {
    const tr = el("tr");
    const th = el("th", String(row.number)); th.scope = "row"; tr.appendChild(th);
    [row.prompt, String(row.votes), row.shareText, row.revealed ? "Yes" : "No"].forEach((t) => { tr.appendChild(el("td", t)); });
    body.appendChild(tr);
  });
  table.appendChild(body);
  return table;
}

export function setupPollPage(container, data) {
  container.replaceChildren();
  if (!data || !data.sets || !data.sets.length) {
    container.appendChild(el("p", "The poll's questions could not be loaded."));
    return;
  }
  const polls = new Map();
  const status = el("p", null, "cc-poll-status");
  status.setAttribute("aria-live", "polite");
  const announce = (text) => { status.textContent = text; };

  const picker = el("div", null, "cc-poll-picker");
  const label = el("label", "Question set ");
  label.htmlFor = "cc-poll-set";
  const select = el("select");
  select.id = "cc-poll-set";
  data.sets.forEach((s) => {
    const option = el("option", s.title + " (" + s.questions.length + (s.questions.length === 1 ? " question)" : " questions)"));
    option.value = s.key;
    select.appendChild(option);
  });
  picker.appendChild(label);
  picker.appendChild(select);

  const stage = el("div", null, "cc-poll-stage");
  const nav = el("div", null, "cc-controls cc-poll-nav");
  const back = makeButton("Previous question");
  const next = makeButton("Next question");
  const finish = makeButton("Show summary");
  [back, next, finish].forEach((b) => { nav.appendChild(b); });
  const summary = el("div", null, "cc-poll-summary-box");
  container.append(picker, shortcutLegend(true), stage, nav, status, summary);

  let poll = null;
  let view = null;

  stage.tabIndex = -1; // where focus goes when the control that had it is replaced

  function show() {
    const hadFocus = stage.contains(document.activeElement);
    view = createPollView(poll, announce);
    stage.replaceChildren(view.root);
    if (hadFocus) { stage.focus(); }
    back.disabled = poll.position === 0;
    next.disabled = poll.position === poll.questions.length - 1;
    summary.replaceChildren();
  }

  function move(step) {
    const before = poll.position;
    poll.go(step);
    if (poll.position === before) { return; }
    show();
    announce("Question " + (poll.position + 1) + " of " + poll.questions.length);
  }

  function showSummary() {
    summary.replaceChildren();
    summary.appendChild(el("h2", "Summary"));
    summary.appendChild(summaryTable(poll));
    const save = makeButton("Download summary (CSV)");
    save.addEventListener("click", () => {
      download("room-poll-" + select.value + ".csv", "text/csv", summaryCsv(poll.summary()));
    });
    summary.appendChild(save);
    announce("Summary shown below the poll.");
  }

  function choose(key) {
    if (!polls.has(key)) { polls.set(key, pollFor(data, key)); }
    poll = polls.get(key);
    show();
  }

  select.addEventListener("change", () => { choose(select.value); });
  back.addEventListener("click", () => { move(-1); });
  next.addEventListener("click", () => { move(1); });
  finish.addEventListener("click", showSummary);
  document.addEventListener("keydown", (event) => {
    if (typingInControl(event)) { return; }
    const key = event.key;
    if (key === "n" || key === "N" || key === "ArrowRight") { move(1); } else if (key === "b" || key === "B" || key === "ArrowLeft") {
      move(-1);
    } else if (!view.handleKey(event)) { return; }
    event.preventDefault();
  });
  choose(data.sets[0].key);
  return { get poll() { return poll; }, choose(key) { select.value = key; choose(key); } };  // for the live widget
}
