/**
 * CSV as RFC 4180 writes it: fields with a comma, quote or line break are quoted and quotes doubled,
 * rows end in CRLF. The text starts with a UTF-8 byte order mark so Excel opens it as UTF-8 and
 * shows Chinese names (it guesses the local code page otherwise).
 */
export const UTF8_BOM = "\uFEFF";

/**
 * A plain decimal number, as our CSVs write counts and money (`500000`, `-12.50`): a spreadsheet
 * must keep reading it as a number it can sum, so it is never defused.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV Injection", ASVS 1.2.10): a first character
 * of `=`, `+`, `-`, `@`, tab, CR — and LF and NUL, which ASVS adds. Leading whitespace does not
 * make it safe: some spreadsheets trim it on import, so the first character after it counts too.
 * The full-width forms (＝ ＋ － ＠, U+FF1D U+FF0B U+FF0D U+FF20) count as well: East Asian
 * spreadsheet set-ups convert full-width operators to ASCII on entry, our customers are Chinese, and
 * the price of being wrong is one apostrophe on text that hardly ever starts with them.
 */
const FORMULA_START = /^[\t\r\n\0]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvField(value: string | number): string {
  let text = String(value);
  // Defused with a leading apostrophe, which spreadsheets read as "this cell is text" and hide.
  if (!PLAIN_NUMBER.test(text) && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
