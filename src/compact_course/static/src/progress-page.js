/* The "My progress" page: the latest self-assessment result, a table per module (latest answers
 * and first attempts), what is left, and export, import and reset of the progress saved in
 * this browser. It redraws when another tab saves (the storage event).
 */

import { download, el, headRow, makeButton } from "./dom.js";
import { STATUS, latestSubmission, lessonStatus } from "./progress.js";
import { PREFIX } from "./storage.js";
import { fill, text } from "./text.js";

function lessonLink(root, lesson) {
  const a = el("a", "Lesson " + lesson.number + ": " + lesson.title);
  a.href = root + lesson.href;
  return a;
}

function moduleTable(module, rows, root) {
  const table = el("table", null, "cc-table cc-progress-table");
  table.appendChild(el("caption", "Progress in module " + module.number));
  const t = text().progress;
  table.appendChild(headRow([t.column_lesson, t.column_answered, t.column_correct, t.column_first, t.column_status]));
  const tbody = el("tbody");
  rows.filter((r) => r.module === module).forEach((r) => {
    const tr = el("tr");
    tr.setAttribute("data-lesson", r.lesson.id);
    const th = el("th"); th.scope = "row";
    th.appendChild(lessonLink(root, r.lesson));
    tr.appendChild(th);
    tr.appendChild(el("td", r.answered + " of " + r.total));
    tr.appendChild(el("td", String(r.correct)));
    tr.appendChild(el("td", r.first.correct + " of " + r.first.answered, "cc-first"));
    const statusText = r.status + (r.changed ? " (" + r.changed + " question(s) changed since you answered)" : "");
    tr.appendChild(el("td", statusText, "cc-status"));
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);
  return table;
}

function whatIsLeft(container, rows, root) {
  const left = rows.filter((r) => r.status !== STATUS.all);
  container.appendChild(el("h2", "What is left"));
  if (!left.length) {
    container.appendChild(el("p", "Nothing: you have answered every lesson quiz. Try the self-assessment."));
    return;
  }
  const list = el("ul", null, "cc-left");
  left.forEach((r) => {
    const li = el("li");
    li.appendChild(lessonLink(root, r.lesson));
    li.appendChild(document.createTextNode(" (" + r.status.toLowerCase() + ")"));
    list.appendChild(li);
  });
  container.appendChild(list);
}

function progressActions(container, page) {
  const store = page.store;
  container.appendChild(el("h2", "Keep, move or clear your progress"));
  const actions = el("div", null, "cc-controls");
  const exportButton = makeButton("Export progress (JSON file)");
  exportButton.addEventListener("click", () => {
    download("compact-course-progress.json", "application/json",
      JSON.stringify(store.exportProgress(new Date().toISOString()), null, 2));
  });
  const importLabel = el("label", "Import progress from a file", "cc-import-label");
  importLabel.setAttribute("for", "cc-import-file");
  const importInput = document.createElement("input");
  importInput.type = "file"; importInput.id = "cc-import-file"; importInput.accept = "application/json,.json";
  const reset = makeButton("Reset progress");
  const confirmBox = el("div", null, "cc-confirm");
  confirmBox.hidden = true;
  confirmBox.appendChild(el("p", "This deletes every saved answer in this browser. It cannot be undone. Export first if you want a copy."));
  const yes = makeButton("Yes, delete my progress", true);
  const no = makeButton("Cancel");
  confirmBox.appendChild(yes); confirmBox.appendChild(no);
  const message = el("p", "", "cc-progress-message");
  message.setAttribute("role", "status");
  actions.appendChild(exportButton);
  const importRow = el("div", null, "cc-import");
  importRow.appendChild(importLabel); importRow.appendChild(importInput);
  actions.appendChild(reset);
  container.appendChild(actions);
  container.appendChild(importRow);
  container.appendChild(confirmBox);
  container.appendChild(message);

  // Redraw the whole page, then say what happened in the new page's message line.
  function redraw(text) {
    setupProgressPage(container, page);
    container.querySelector(".cc-progress-message").textContent = text;
  }

  reset.addEventListener("click", () => { confirmBox.hidden = false; yes.focus(); });
  no.addEventListener("click", () => { confirmBox.hidden = true; reset.focus(); message.textContent = "Nothing was deleted."; });
  yes.addEventListener("click", () => {
    store.clearProgress();
    redraw("Your progress has been deleted.");
  });
  importInput.addEventListener("change", () => {
    const file = importInput.files && importInput.files[0];
    if (!file) { return; }
    const reader = new FileReader();
    reader.onload = () => {
      try {
        const outcome = store.importProgress(JSON.parse(String(reader.result)));
        redraw("Imported " + outcome.added + " answer(s)" +
          (outcome.skipped ? "; " + outcome.skipped + " item(s) in the file were not valid and were skipped." : "."));
      } catch (err) {
        message.textContent = "Nothing was imported: " + (err instanceof SyntaxError ? "the file is not valid JSON." : err.message);
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
  container.textContent = "";
  if (!manifest) {
    container.appendChild(el("p", "The course's list of lessons could not be loaded, so progress cannot be shown."));
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
  const summary = el("p", "You have answered " + answered + " of " + total + " questions. " +
    done + " of " + rows.length + " lessons done.", "cc-progress-summary");
  summary.setAttribute("role", "status");
  container.appendChild(summary);
  latestResult(container, store);
  manifest.modules.forEach((module) => {
    container.appendChild(el("h2", "Module " + module.number + ": " + module.title));
    container.appendChild(moduleTable(module, rows, root));
  });
  whatIsLeft(container, rows, root);
  progressActions(container, page);
  notices.show();
}
