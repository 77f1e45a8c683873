/* One question's data, read from its form (compact_course/quiz/html.py writes it) and the course
 * manifest, so the page carries no copy of the question's text. It must give back what
 * compact_course.quiz.html.question_spec gives (tests/test_browser.py holds it to that):
 *   choices  the controls: key from the value, text from the label (after its "A. ", True/False
 *            included);
 *            rightness and feedback from the answer list's line in the same place
 *            (li[data-ok]; the feedback is the text after the line's last element, less
 *            the one separator html.py writes before it)
 *   items    (matching) each row: key from the select's id (the form's id, "-", the key), text from its label, the right
 *            match from the answer line's data-answer
 *   hint, explanation, more   from the answer block
 *   lesson, module            the manifest's, for the form's (or its quiz's) data-lesson
 */

function tail(node, separator) {
  const last = node.lastChild;
  return last ? last.textContent.slice(separator) : "";
}

function lessonOf(manifest, lessonId, root) {
  for (const module of (manifest && manifest.modules) || []) {
    for (const lesson of module.lessons) {
      if (lesson.id === lessonId) {
        return { lesson: { id: lesson.id, number: lesson.number, title: lesson.title, href: root + lesson.href },
          module: { id: module.id, number: module.number, title: module.title } };
      }
    }
  }
  return { lesson: { id: lessonId }, module: { id: "" } };
}

function readChoices(form, lines, lettered) {
  return Array.prototype.map.call(form.querySelectorAll(".cc-options input"), (input, index) => {
    const label = input.closest("label");
    const line = lines[index];
    return { key: input.value, text: tail(label, lettered ? 3 : 0),
      correct: line.hasAttribute("data-ok"), feedback: tail(line, 1) };
  });
}

function readMatching(form, lines) {
  const prefix = form.id + "-";
  const items = Array.prototype.map.call(form.querySelectorAll(".cc-match"), (row, index) => {
    const select = row.querySelector("select");
    return { key: select.id.slice(prefix.length), text: row.querySelector("label").textContent,
      answer: lines[index].getAttribute("data-answer"), feedback: tail(lines[index], 2) };
  });
  const first = form.querySelector(".cc-match select");
  const choices = Array.prototype.filter.call(first.options, (o) => o.value !== "").map((o) => ({
    key: o.value, text: o.textContent, correct: items.some((item) => item.answer === o.value), feedback: "" }));
  return { choices, items };
}

const read = new WeakMap();  // read once, before any tick or cross joins a label

// manifest: the course manifest; root: the book's root from this page ("../../").
export function readSpec(form, manifest, root) {
  if (!read.has(form)) { read.set(form, readForm(form, manifest, root)); }
  return read.get(form);
}

function readForm(form, manifest, root) {
  const type = form.getAttribute("data-type");
  const details = form.querySelector("details.cc-answer");
  const list = details.querySelector("ul");
  const lines = Array.prototype.filter.call(list.children, (li) => !li.classList.contains("cc-verdict"));
  const hintLine = list.previousElementSibling;
  const link = details.lastElementChild.querySelector("a");
  const section = form.closest("section.cc-quiz");
  const lessonId = form.getAttribute("data-lesson") || (section && section.getAttribute("data-lesson")) || "";
  const place = lessonOf(manifest, lessonId, root);
  const spec = {
    id: form.getAttribute("data-question") || form.id,
    lesson: place.lesson,
    module: place.module,
    type,
    fingerprint: form.getAttribute("data-fp"),
    choices: [],
    explanation: details.querySelector(".cc-explanation").textContent,
    hint: hintLine && hintLine.tagName === "P" ? tail(hintLine, 1) : null,
    more: { href: link.getAttribute("href"), label: link.textContent }
  };
  if (type === "matching") {
    const read = readMatching(form, lines);
    spec.choices = read.choices;
    spec.items = read.items;
  } else {
    spec.choices = readChoices(form, lines, true); // True/False is lettered too ("A. True")
  }
  return spec;
}
