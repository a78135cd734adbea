/* eslint-disable no-control-regex -- these patterns match control characters on purpose */
/**
 * User strings in generated spreadsheets (CSV and TSV reports that open in
 * Excel/WPS): one cell each, never a formula, never a broken row.
 */

/** Cells starting with these are formulas in Excel, LibreOffice and WPS (OWASP "CSV injection"). */
const formulaStart = /^[=+\-@\t\r]/;

/** NUL breaks common CSV readers (Python's csv refuses the line); lone surrogates cannot be UTF-8. */
const unwritable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function defuse(value: string): string {
  const clean = value.replace(unwritable, '\ufffd');
  return formulaStart.test(clean) ? `'${clean}` : clean;
}

/** One RFC 4180 cell; a leading `= + - @`, tab or CR is prefixed with `'` so it stays text. */
export function csvCell(value: string): string {
  const safe = defuse(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One TSV cell: formula prefix defused as in `csvCell`, tabs and line breaks as spaces. */
export function tsvCell(value: string): string {
  return defuse(value).replace(/[\t\r\n]/g, ' ');
}

/** What a spreadsheet reads back from `csvCell(value)`: `value`, with the `'` prefix and U+FFFD where made. */
export function csvDataOf(value: string): string {
  return defuse(value);
}
