/* CSV for a spreadsheet (RFC 4180): a cell with a comma, a quotation mark, a line break or
 * spaces at either end is quoted, its quotation marks doubled; a text cell that a spreadsheet
 * would take for a formula (starting with = + - @, a tab or a carriage return) starts with an
 * apostrophe instead, so a name such as "=HYPERLINK(...)" opens as text (OWASP, CSV injection).
 * Numbers are written as they are.
 */

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value) {
  if (value === null || value === undefined) { return ""; }
  if (typeof value === "number") { return String(value); }
  let text = String(value);
  if (FORMULA.test(text)) { text = "'" + text; }
  return /[",\n\r]|^\s|\s$/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// Rows of cells as CSV text, each line ended by `eol`.
export function csvText(rows, eol) {
  return rows.map((row) => row.map(csvCell).join(",")).join(eol) + eol;
}
