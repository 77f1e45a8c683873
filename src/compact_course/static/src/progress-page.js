/* The "My progress" page: the latest self-assessment result, a table per module (latest answers
 * and first attempts), what is left, and export, import and reset of the progress saved in
 * this browser. It redraws when another tab saves (the storage event).
 */

import { download, el, headRow, makeButton } from "./dom.js";
import { STATUS, latestSubmission, lessonStatus } from "./progress.js";
import { decodeProgress, encodeProgress } from "./progress-code.js";
import { NAME_ID, recordSection } from "./record-view.js";
import { stackTable } from "./stack-table.js";
import { PREFIX } from "./storage.js";
import { fill, text } from "./text.js";

// A lesson's status ("none", "some", "all": progress.js) in words.
function statusText(status) { return text().progress["status_" + status]; }

function lessonLink(root, lesson) {
  const a = el("a", fill(text().results.lesson_title, { number: lesson.number, title: lesson.title }));
  a.href = root + lesson.href;
  return a;
}

function moduleTable(module, rows, root) {
  const table = el("table", null, "cc-table cc-progress-table");
  const t = text().progress;
  table.appendChild(el("caption", fill(t.table_caption, { number: module.number })));
  table.appendChild(headRow([t.column_lesson, t.column_answered, t.column_correct, t.column_first, t.column_status]));
  const tbody = el("tbody");
  rows.filter((r) => r.module === module).forEach((r) => {
    const tr = el("tr");
    tr.setAttribute("data-lesson", r.lesson.id);
    const th = el("th"); th.scope = "row";
    th.appendChild(lessonLink(root, r.lesson));
    tr.appendChild(th);
    tr.appendChild(el("td", fill(t.answered_cell, { answered: r.answered, total: r.total })));
    tr.appendChild(el("td", String(r.correct)));
    tr.appendChild(el("td", fill(t.first_cell, r.first), "cc-first"));
    const status = statusText(r.status);
    const shown = r.changed ? fill(t.changed, { status, count: r.changed }) : status;
    tr.appendChild(el("td", shown, "cc-status"));
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);
  return stackTable(table);
}

function whatIsLeft(container, rows, root) {
  const t = text().progress;
  const left = rows.filter((r) => r.status !== STATUS.all);
  container.appendChild(el("h2", t.left_heading));
  if (!left.length) {
    container.appendChild(el("p", t.left_none));
    return;
  }
  const list = el("ul", null, "cc-left");
  left.forEach((r) => {
    const li = el("li");
    li.appendChild(lessonLink(root, r.lesson));
    li.appendChild(document.createTextNode(" (" + statusText(r.status).toLowerCase() + ")"));
    list.appendChild(li);
  });
  container.appendChild(list);
}

function textBox(id, label, readOnly) {
  const labelled = el("label", label, "cc-code-label");
  labelled.htmlFor = id;
  const box = document.createElement("textarea");
  box.id = id; box.rows = 3; box.readOnly = readOnly; box.spellcheck = false;
  box.setAttribute("autocomplete", "off");
  box.className = "cc-code";
  return [labelled, box];
}

// "Copy a progress code" and "Paste a progress code" (progress-code.js): progress moved as text.
// say(words) writes the status line; redraw(words) redraws the page, then says them.
function codeActions(container, store, say, redraw) {
  const t = text().progress;
  const block = el("div", null, "cc-progress-code");
  const copy = makeButton(t.code_copy);
  const [outLabel, out] = textBox("cc-code-out", t.code_label, true);
  outLabel.hidden = true; out.hidden = true;
  copy.addEventListener("click", async () => {
    try {
      out.value = await encodeProgress(store.exportProgress(new Date().toISOString()));
    } catch (err) { say(fill(t.import_failed, { why: t.code_unsupported })); return; }
    outLabel.hidden = false; out.hidden = false;
    out.focus(); out.select();
    let copied = false;
    try {
      if (navigator.clipboard) { await navigator.clipboard.writeText(out.value); copied = true; }
    } catch (err) { copied = false; }  // refused (no permission, or not a secure page): select it by hand
    say(copied ? t.code_copied : t.code_select);
  });
  const [inLabel, input] = textBox("cc-code-in", t.code_paste_label, false);
  const paste = makeButton(t.code_import);
  paste.addEventListener("click", async () => {
    let exported;
    try {
      exported = await decodeProgress(input.value);
    } catch (err) {
      say(fill(t.import_failed, { why: t["code_" + (err.code || "damaged")] }));
      input.focus();
      return;
    }
    try {
      const outcome = store.importProgress(exported);
      redraw(fill(outcome.skipped ? t.imported_skipped : t.imported, outcome));
    } catch (err) { say(fill(t.import_failed, { why: err.message })); }
  });
  [copy, outLabel, out, inLabel, input, paste].forEach((node) => { block.appendChild(node); });
  container.appendChild(block);
}

function progressActions(container, page) {
  const store = page.store;
  const t = text().progress;
  container.appendChild(el("h2", t.actions_heading));
  const actions = el("div", null, "cc-controls");
  const exportButton = makeButton(t.export);
  exportButton.addEventListener("click", () => {
    download("compact-course-progress.json", "application/json",
      JSON.stringify(store.exportProgress(new Date().toISOString()), null, 2));
  });
  const importLabel = el("label", t.import_label, "cc-import-label");
  importLabel.setAttribute("for", "cc-import-file");
  const importInput = document.createElement("input");
  importInput.type = "file"; importInput.id = "cc-import-file"; importInput.accept = "application/json,.json";
  const reset = makeButton(t.reset);
  const confirmBox = el("div", null, "cc-confirm");
  confirmBox.hidden = true;
  confirmBox.appendChild(el("p", t.reset_ask));
  const yes = makeButton(t.reset_yes, true);
  const no = makeButton(t.reset_no);
  confirmBox.appendChild(yes); confirmBox.appendChild(no);
  const message = el("p", "", "cc-progress-message");
  message.setAttribute("role", "status");
  actions.appendChild(exportButton);
  const importRow = el("div", null, "cc-import");
  importRow.appendChild(importLabel); importRow.appendChild(importInput);
  actions.appendChild(reset);
  container.appendChild(actions);
  container.appendChild(importRow);
  codeActions(container, store, (words) => { message.textContent = words; }, (words) => { redraw(words); });
  container.appendChild(confirmBox);
  container.appendChild(message);

  // Redraw the whole page, then say what happened in the new page's message line.
  function redraw(text) {
    setupProgressPage(container, page);
    container.querySelector(".cc-progress-message").textContent = text;
  }

  reset.addEventListener("click", () => { confirmBox.hidden = false; yes.focus(); });
  no.addEventListener("click", () => { confirmBox.hidden = true; reset.focus(); message.textContent = t.reset_kept; });
  yes.addEventListener("click", () => {
    store.clearProgress();
    redraw(t.reset_done);
  });
  importInput.addEventListener("change", () => {
    const file = importInput.files && importInput.files[0];
    if (!file) { return; }
    const reader = new FileReader();
    reader.onload = () => {
      try {
        const outcome = store.importProgress(JSON.parse(String(reader.result)));
        redraw(fill(outcome.skipped ? t.imported_skipped : t.imported, outcome));
      } catch (err) {
        message.textContent = fill(t.import_failed, { why: err instanceof SyntaxError ? t.import_not_json : err.message });
      }
    };
    reader.readAsText(file);
  });
}

function latestResult(container, store) {
  const t = text().progress;
  container.appendChild(el("h2", t.latest_heading));
  const latest = latestSubmission(store.keys(), store.read);
  container.appendChild(el("p", latest ? fill(t.latest, { title: latest.title || "", date: latest.date || latest.time.slice(0, 10),
    correct: latest.correct, total: latest.total, percent: latest.percent }) : t.latest_none, "cc-latest-result"));
}

// Another tab saved: redraw, keeping the focus's place as far as the page allows.
function listenForOtherTabs(container, page) {
  if (container.hasAttribute("data-listening")) { return; }
  container.setAttribute("data-listening", "true");
  window.addEventListener("storage", (event) => {
    if (event.key !== null && event.key.indexOf(PREFIX) !== 0) { return; }
    setupProgressPage(container, page);
  });
}

// page: {store, notices, manifest, root} (root: the book's root, prefixed to lesson links).
export function setupProgressPage(container, page) {
  const { store, notices, manifest, root } = page;
  const typed = container.querySelector("#" + NAME_ID);  // the record's name survives a redraw
  const name = typed ? typed.value : "";
  container.textContent = "";
  if (!manifest) {
    container.appendChild(el("p", text().progress.no_manifest));
    return;
  }
  listenForOtherTabs(container, page);
  if (!store.available) {
    notices.unsaved();
    container.appendChild(el("p", text().storage.not_saved_progress, "cc-not-saved"));
    return;
  }
  const unknown = store.unknownKeys();
  if (unknown.length) {
    notices.add(fill(text().storage.other_version, { count: unknown.length, keys: unknown.join(", ") }));
  }
  const rows = lessonStatus(manifest, store.read);
  const answered = rows.reduce((n, r) => n + r.answered, 0);
  const total = rows.reduce((n, r) => n + r.total, 0);
  const done = rows.filter((r) => r.status === STATUS.all).length;
  const summary = el("p", fill(text().progress.summary, { answered, total, done, lessons: rows.length }),
    "cc-progress-summary");
  summary.setAttribute("role", "status");
  container.appendChild(summary);
  latestResult(container, store);
  manifest.modules.forEach((module) => {
    container.appendChild(el("h2", fill(text().results.module_title, { number: module.number, title: module.title })));
    container.appendChild(moduleTable(module, rows, root));
  });
  whatIsLeft(container, rows, root);
  recordSection(container, page, name);  // the record of learning (record-view.js)
  progressActions(container, page);
  notices.show();
}
