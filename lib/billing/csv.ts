/**
 * CSV as RFC 4180 writes it: fields with a comma, quote or line break are quoted and quotes doubled,
 * rows end in CRLF. The text starts with a UTF-8 byte order mark so Excel opens it as UTF-8 and
 * shows Chinese names (it guesses the local code page otherwise).
 */
export const UTF8_BOM = "\uFEFF";

export function csvField(value: string | number): string {
  let text = String(value);
  // A text cell starting with = + @ (or a tab or CR) is run as a formula by spreadsheets; amounts
  // may start with "-" and stay numbers, so only these are defused, with a leading apostrophe.
  if (/^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
