/* A table the script builds, made ready to stack on a phone (issue 28), as
 * compact_course/book/phone_tables.py does for the pages' own tables: the class cc-stack, each
 * body cell's column heading in data-label (compact-theme.css draws it above the cell below
 * 40em), and explicit table roles, which keep it a table for assistive technology when CSS
 * changes its display.
 */
const ROLES = { THEAD: "rowgroup", TBODY: "rowgroup", TR: "row", TD: "cell" };

export function stackTable(table) {
  const headings = Array.from(table.querySelectorAll("thead tr:first-child th")).map((th) => th.textContent.trim());
  table.classList.add("cc-stack");
  table.setAttribute("role", "table");
  table.querySelectorAll("thead, tbody, tr, th, td").forEach((node) => {
    const head = !!node.closest("thead");
    node.setAttribute("role", node.tagName === "TH" ? (head ? "columnheader" : "rowheader") : ROLES[node.tagName]);
  });
  table.querySelectorAll("tbody tr").forEach((row) => {
    Array.from(row.children).forEach((cell, i) => { if (headings[i]) { cell.setAttribute("data-label", headings[i]); } });
  });
  return table;
}
