/* Small DOM helpers shared by the views: elements with text set by textContent, buttons, and
 * a file download from text.
 */

export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = text; }
  if (className) { node.className = className; }
  return node;
}

export function makeButton(text, primary) {
  const node = el("button", text, primary ? "cc-button cc-primary" : "cc-button");
  node.type = "button";
  return node;
}

// A table header row of column headings.
export function headRow(headings) {
  const head = el("tr");
  headings.forEach((h) => { const th = el("th", h); th.scope = "col"; head.appendChild(th); });
  const thead = el("thead");
  thead.appendChild(head);
  return thead;
}

// An in-page question with two answers (not window.confirm): a labelled group that takes the
// focus, so keyboard and screen-reader users meet it at once; Escape means no.
// A hidden yes/no step. Its buttons carry their words from the start (a hidden group is hidden,
// not empty: an accessibility checker reads it in the page); ask() sets the question.
export function confirmStep(className, yesText, noText) {
  const box = el("div", null, "cc-confirm " + className);
  box.setAttribute("role", "group");
  box.hidden = true;
  const question = el("p", "", "cc-confirm-question");
  question.id = className + "-" + Math.random().toString(36).slice(2, 8);
  box.setAttribute("aria-labelledby", question.id);
  const yes = makeButton(yesText, true);
  const no = makeButton(noText);
  box.appendChild(question); box.appendChild(yes); box.appendChild(no);
  let answer = null;
  yes.addEventListener("click", () => { box.hidden = true; if (answer) { answer(true); } });
  no.addEventListener("click", () => { box.hidden = true; if (answer) { answer(false); } });
  box.addEventListener("keydown", (event) => { if (event.key === "Escape") { no.click(); } });
  return {
    box,
    ask(text, then) {
      question.textContent = text;
      answer = then;
      box.hidden = false;
      no.focus();
    }
  };
}

export function download(name, type, text) {
  const blob = new Blob([text], { type });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 0);
}
