/**
 * CSV as spreadsheets read it, safely (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return would be run as a formula by Excel, LibreOffice or Google Sheets
 * (`=HYPERLINK(…)`, `@SUM(…)`), so it gets a leading apostrophe, which spreadsheets show as text.
 * Every cell with the separator, a quote, CR or LF is quoted, quotes doubled, so a bare CR can never
 * start a new row. Values from case data (agency ids, labels) pass through here before any export.
 */

/** The characters a spreadsheet may read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted as needed, for a CSV with `separator` (default `;`, as German spreadsheets expect). */
export function csvCell(value: string | number, separator = ';'): string {
  const text = String(value);
  const neutral = FORMULA_START.test(text) ? `'${text}` : text;
  const needsQuotes =
    neutral.includes(separator) || neutral.includes('"') || neutral.includes('\n') || neutral.includes('\r');
  return needsQuotes ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** Rows of cells as CSV text: cells through {@link csvCell}, rows ended by CRLF (RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number)[])[], separator = ';'): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n') + '\r\n';
}
