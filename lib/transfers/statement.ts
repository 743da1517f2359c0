/**
 * Reading a bank statement export (CSV, UTF-8, an optional BOM): a header row naming the columns
 * date, amount, payer, reference, transaction_id (in any order; `bank_transaction_id` is accepted
 * for the last), then one row per movement. Pure: the text in, lines or the first problem out.
 *
 * A malformed row refuses the whole file (bad input changes nothing), naming the row and column.
 * Rows with an amount ≤ 0 are the account's outgoing payments: skipped and counted, never credited.
 */
import { Dec } from "@/lib/pricing";

export interface StatementLine {
  row: number;
  bookedOn: string;
  amount: string;
  payer: string;
  reference: string;
  bankTransactionId: string;
}

export type ParsedStatement = { ok: true; lines: StatementLine[]; skipped: { row: number; bankTransactionId: string }[] } | { ok: false; row: number; column: string; problem: string };

/** RFC 4180 fields: commas, quotes doubled inside quoted fields, CRLF or LF line ends. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

const COLUMNS = ["date", "amount", "payer", "reference", "transaction_id"] as const;
const ALIASES: Record<string, (typeof COLUMNS)[number]> = { bank_transaction_id: "transaction_id" };
const MAX_LINES = 10_000;

function day(value: string): string | null {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}` ? null : `${y}-${mo}-${d}`;
}

/** "12,345.60" or "12345.6" or "-200.00": at most two decimals; thousands separators only in groups of three. */
function amount(value: string): string | null {
  const v = value.trim().replace(/^\+/, "");
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(v)) return null;
  const n = new Dec(v.replaceAll(",", ""));
  return n.abs().greaterThanOrEqualTo("1e15") ? null : n.toFixed(2);
}

export function parseStatement(text: string): ParsedStatement {
  const rows = csvRows(text.replace(/^\uFEFF/, ""));
  const header = (rows[0] ?? []).map((h) => {
    const name = h.trim().toLowerCase();
    return ALIASES[name] ?? name;
  });
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.find((c) => index[c] < 0);
  if (missing) return { ok: false, row: 1, column: missing, problem: "missing-column" };
  if (rows.length - 1 > MAX_LINES) return { ok: false, row: MAX_LINES + 2, column: "", problem: "too-many-lines" };
  const lines: StatementLine[] = [];
  const skipped: { row: number; bankTransactionId: string }[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const cell = (c: (typeof COLUMNS)[number]) => (cells[index[c]] ?? "").trim();
    const row = r + 1;
    const bookedOn = day(cell("date"));
    if (!bookedOn) return { ok: false, row, column: "date", problem: "not-a-date" };
    const value = amount(cell("amount"));
    if (value === null) return { ok: false, row, column: "amount", problem: "not-an-amount" };
    const bankTransactionId = cell("transaction_id");
    if (!/^[\w./:-]{1,100}$/.test(bankTransactionId)) return { ok: false, row, column: "transaction_id", problem: "not-a-transaction-id" };
    if (seen.has(bankTransactionId)) return { ok: false, row, column: "transaction_id", problem: "repeated-in-file" };
    seen.add(bankTransactionId);
    const payer = cell("payer").slice(0, 200);
    const reference = cell("reference").slice(0, 500);
    if (new Dec(value).lessThanOrEqualTo(0)) {
      skipped.push({ row, bankTransactionId });
      continue;
    }
    lines.push({ row, bookedOn, amount: value, payer, reference, bankTransactionId });
  }
  return { ok: true, lines, skipped };
}
