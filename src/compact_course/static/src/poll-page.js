/* The room poll page of the static book (no kernel): choose a question set, count the room's
 * votes one question at a time, reveal, and end with a summary table, and download the counts
 * as CSV: every question counted, with the count for each option by letter, the key and the
 * time (the same columns as the presenter's session export).
 *
 * The sets and questions come from the course manifest's "poll" data, written from the same
 * quiz banks and sets as the Python poll (compact_course/facilitator/poll_data.py). Counts live
 * in memory only: nothing is stored or sent. Keys: 1-9 add a vote, R reveals, N or Right goes
 * on, P or Left goes back. Words from data/interface.yaml (`poll`, `presenter`).
 */

import { download, el, headRow, makeButton } from "./dom.js";
import { createPoll, summaryShare } from "./poll-model.js";
import { createPollView, shortcutLegend, typingInControl } from "./poll-view.js";
import { newSession, recordPoll, sessionCsv } from "./presenter-session.js";
import { fill, plural, text } from "./text.js";

export function pollFor(data, key, record) {
  const chosen = data.sets.find((s) => s.key === key);
  return createPoll(chosen.title, chosen.questions.map((id) => data.questions[id]), null,
    (question, counts, revealed) => { record(chosen.title, question, counts, revealed); });
}

export function summaryTable(poll) {
  const words = text().poll;
  const table = el("table", null, "cc-table cc-poll-summary");
  table.appendChild(el("caption", fill(words.summary_caption, { title: poll.title })));
  table.appendChild(headRow([words.column_question, words.column_prompt, words.column_votes, words.column_correct, words.column_revealed]));
  const body = el("tbody");
  poll.summary().forEach((row) => {
    const tr = el("tr");
    const th = el("th", String(row.number)); th.scope = "row"; tr.appendChild(th);
    [row.prompt, String(row.votes), summaryShare(row, words), row.revealed ? words.revealed_yes : words.revealed_no].forEach((t) => { tr.appendChild(el("td", t)); });
    body.appendChild(tr);
  });
  table.appendChild(body);
  return table;
}

export function setupPollPage(container, data) {
  const words = text().poll;
  container.replaceChildren();
  if (!data || !data.sets || !data.sets.length) {
    container.appendChild(el("p", words.page_not_loaded));
    return;
  }
  const session = newSession(new Date().toISOString());
  const record = (title, question, counts, revealed) => { recordPoll(session, question, title, counts, revealed, new Date().toISOString()); };
  const polls = new Map();
  const status = el("p", null, "cc-poll-status");
  status.setAttribute("aria-live", "polite");
  const announce = (t) => { status.textContent = t; };

  const picker = el("div", null, "cc-poll-picker");
  const label = el("label", words.page_set + " ");
  label.htmlFor = "cc-poll-set";
  const select = el("select");
  select.id = "cc-poll-set";
  data.sets.forEach((s) => {
    const option = el("option", plural(words.page_set_option, s.questions.length, { title: s.title }));
    option.value = s.key;
    select.appendChild(option);
  });
  picker.append(label, select);

  const stage = el("div", null, "cc-poll-stage");
  const nav = el("div", null, "cc-controls cc-poll-nav");
  const back = makeButton(words.page_previous);
  const next = makeButton(words.page_next);
  const finish = makeButton(words.page_summary);
  nav.append(back, next, finish);
  const summary = el("div", null, "cc-poll-summary-box");
  container.append(picker, shortcutLegend(words.page_keys), stage, nav, status, summary);

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
    announce(fill(words.question_position, { number: poll.position + 1, total: poll.questions.length }));
  }

  function showSummary() {
    summary.replaceChildren();
    summary.appendChild(el("h2", words.summary_heading));
    summary.appendChild(summaryTable(poll));
    const save = makeButton(words.download);
    save.addEventListener("click", () => {
      download("room-poll-" + select.value + ".csv", "text/csv", sessionCsv(session, data.questions, text().presenter, fill));
    });
    summary.appendChild(save);
    announce(words.summary_shown);
  }

  function choose(key) {
    if (!polls.has(key)) { polls.set(key, pollFor(data, key, record)); }
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
    if (key === "n" || key === "N" || key === "ArrowRight") { move(1); } else if (key === "p" || key === "P" || key === "ArrowLeft") {
      move(-1);
    } else if (!view.handleKey(event)) { return; }
    event.preventDefault();
  });
  choose(data.sets[0].key);
  return { get poll() { return poll; }, choose(key) { select.value = key; choose(key); } };  // for the live widget
}
