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

export function download(name, type, text) {
  const blob = new Blob([text], { type });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 0);
}
