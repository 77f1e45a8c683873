/* The quiz, the self-assessment and the room poll in a live kernel (JupyterLab, Voila): the
 * anywidget entry, bundled as compact-widget.js (an ES module) from the same modules as the
 * book's script. compact_course.quiz.widget.CourseWidget is its Python side.
 *
 * A quiz: the model's `html` is the static HTML Python renders for the book (parsed, not run:
 * its data block is JSON), enhanced by setupQuiz exactly as on a book page, with the manifest
 * (`manifest`) the book ships; answers are saved by the script's storage, as in the book. After
 * every change the answers and score are synced back to Python: `results` ({question id:
 * {answered, correct, revealed, first_correct}}) and `score` ({correct, answered, total}).
 * A poll: `poll` is the room poll's data (as the book's poll page has it) and `set_key` the
 * question set, with the interface's words as `manifest.text`; `summary` syncs each question's votes and reveal back to Python.
 */

import { setupAssessment } from "./exam.js";
import { setupPollPage } from "./poll-page.js";
import { lessonsCompleted, lessonsNotStudied } from "./progress.js";
import { setupQuiz } from "./quiz.js";
import { quizTally } from "./results.js";
import { createStore, probeStorage } from "./storage.js";
import { setText } from "./text.js";

// Notices about storage, inside the widget (a notebook has no page-wide notice area).
function widgetNotices(el) {
  const box = document.createElement("div");
  box.className = "cc-notice";
  box.setAttribute("role", "status");
  box.hidden = true;
  el.appendChild(box);
  const say = (line) => { const p = document.createElement("p"); p.textContent = line; box.appendChild(p); box.hidden = false; };
  return { list: [], add: say, show() {}, unsaved() {}, setDownload() {}, get unsavedShown() { return false; } };
}

function parsedSection(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");  // inert: nothing in it runs
  return document.importNode(doc.body.firstElementChild, true);
}

export function questionResults(quiz) {
  const out = {};
  quiz.questions.forEach((q) => {
    out[q.spec.id] = { answered: !!q.result, correct: !!(q.result && q.result.correct), revealed: !!q.revealed,
      first_correct: q.first ? q.first.correct : null };
  });
  return out;
}

// The quiz's answers and score, written to the model's traits and sent to the kernel.
export function syncQuiz(model, quiz) {
  const tally = quizTally(quiz.questions);
  model.set("results", questionResults(quiz));
  model.set("score", { correct: tally.correct, answered: tally.answered, total: tally.total });
  model.save_changes();
}

function renderQuiz(model, el) {
  const manifest = model.get("manifest");
  setText(manifest.text);
  const notices = widgetNotices(el);
  const store = createStore(probeStorage(() => window.localStorage), notices);
  const section = parsedSection(model.get("html"));
  el.appendChild(section);
  setupQuiz(section, { store, manifest, root: "", setupAssessment, onChange: (quiz) => { syncQuiz(model, quiz); },
    completedLessons: () => lessonsCompleted(manifest, store.read),
    notStudied: () => lessonsNotStudied(manifest, store.read) });
}

function renderPoll(model, el) {
  // The poll's words (data/interface.yaml `poll`) come with the widget, as a quiz's do.
  setText(model.get("manifest").text);
  const container = document.createElement("div");
  container.className = "cc-room-poll";
  el.appendChild(container);
  const page = setupPollPage(container, model.get("poll"));
  const key = model.get("set_key");
  if (key) { page.choose(key); }
  const sync = () => {
    const poll = page.poll;
    model.set("summary", { title: poll.title, rows: poll.summary() });
    model.save_changes();
  };
  ["click", "change", "input", "keyup"].forEach((type) => { container.addEventListener(type, sync); });
  sync();
}

function render({ model, el }) {
  el.classList.add("cc-widget");
  if (model.get("kind") === "poll") { renderPoll(model, el); } else { renderQuiz(model, el); }
}

export default { render };
