import type { Translate } from "@/lib/i18n/translate";
import { apiById, BILLING_TIME_ZONE, isApiId } from "@/lib/pricing";
import { formatMachineDateTime } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { BillDetail } from "./bills";
import type { TransactionView } from "@/lib/wallet/balance";
import { csvText } from "./csv";

/** An instant on the billing calendar (SPEC §1), sortable: `2025-04-01 00:05:00`. */
export function shanghaiTime(at: Date): string {
  return formatMachineDateTime(at);
}

/** A ledger movement as the customer's books see it (a bill's statement line, a balance transaction). */
export interface BookMovement {
  at: Date;
  kind: TransactionView["kind"];
  documentType: string;
  documentId: string;
  changes: { cash?: string; income?: string; gift?: string; frozen?: string; voucher?: string };
}

/** The headings of ledger movements in a spreadsheet: the bill CSV's statement and the transactions export. */
export function movementCsvHeader(t: Translate): string[] {
  return [t("bill.col.time"), t("bill.col.kind"), t("bill.col.documentType"), t("bill.col.documentId"), t("bill.col.cash"), t("bill.col.income"), t("bill.col.gift"), t("bill.col.frozen"), t("bill.col.voucher")];
}

/** One movement as a row: Shanghai time, money as exact two-decimal strings (a zero book reads 0.00). */
export function movementCsvRow(t: Translate, e: BookMovement): string[] {
  return [
    shanghaiTime(e.at),
    t(`wallet.tx.kind.${e.kind}`),
    e.documentType,
    e.documentId,
    e.changes.cash ?? "0.00",
    e.changes.income ?? "0.00",
    e.changes.gift ?? "0.00",
    e.changes.frozen ?? "0.00",
    e.changes.voucher ?? "0.00",
  ];
}

function apiLabel(locale: Locale, api: string): string {
  if (!isApiId(api)) return api;
  const entry = apiById(api);
  return locale === "zh-CN" ? entry.nameZh : entry.name;
}

/**
 * A bill as a spreadsheet: its header, one row per API line (QUOTE.md line fields), the usage
 * total, the month's statement, and the balance before and after. Headings are in the reader's
 * language; counts are plain integers and money exact two-decimal strings (no separators, no ¥),
 * so a spreadsheet reads them as numbers and sums them to the cent.
 */
export function billCsv(bill: BillDetail, t: Translate, locale: Locale): string {
  const rows: (string | number)[][] = [
    [t("bill.csv.title"), bill.month],
    [t("bill.priceBook"), bill.priceBook],
    [t("bill.status"), t(`bill.status.${bill.status}`)],
    [t("bill.closedAt"), shanghaiTime(bill.closedAt)],
    [t("bill.csv.timeZone"), `${BILLING_TIME_ZONE} (UTC+8)`],
    [],
    [t("bill.col.apiId"), t("bill.col.api"), t("bill.col.calls"), t("bill.col.free"), t("bill.col.packs"), t("bill.col.billable"), t("bill.col.tier"), t("bill.col.unitPrice"), t("bill.col.amount"), t("bill.col.formula")],
    ...bill.lines.map((l) => [l.api, apiLabel(locale, l.api), l.calls, l.free, l.fromPacks, l.billable, l.tier, l.unitPrice, l.amount, l.formula]),
    [t("bill.usageTotal"), "", "", "", "", "", "", "", bill.total, ""],
    [],
    [t("bill.csv.statement")],
    movementCsvHeader(t),
    ...bill.statement.map((e) => movementCsvRow(t, e)),
    ...adjustmentRows(bill, t, locale),
    [],
    [t("bill.balanceBefore"), bill.balanceBefore],
    [t("bill.csv.released"), bill.releasedAtClose],
    [t("bill.deducted"), bill.total],
    [t("bill.frozen"), bill.frozen],
    [t("bill.balanceAfter"), bill.balanceAfter],
  ];
  return csvText(rows);
}

/** Issue 22 part 2: the bill's posted credit notes, when it has any (a bill without keeps its old shape). */
function adjustmentRows(bill: BillDetail, t: Translate, locale: Locale): (string | number)[][] {
  if (bill.adjustments.length === 0) return [];
  return [
    [],
    [t("bill.csv.adjustments")],
    [t("bill.adjustments.col.when"), t("bill.adjustments.col.scope"), t("bill.adjustments.col.amount"), t("bill.col.cash"), t("bill.col.income"), t("bill.col.gift"), t("bill.adjustments.col.reason"), t("bill.adjustments.col.ticket")],
    ...bill.adjustments.map((a) => [shanghaiTime(a.at), a.api ? apiLabel(locale, a.api) : t("bill.adjustments.wholeBill"), a.amount, a.returned.cash, a.returned.income, a.returned.gift, a.reason, a.ticketRef]),
    [t("bill.adjustments.total"), "", bill.adjustedTotal],
    [t("bill.adjustments.net"), "", bill.netTotal],
  ];
}

export function billCsvFilename(month: string): string {
  return `bill-${month}.csv`;
}
