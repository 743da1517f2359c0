import { csvText } from "@/lib/billing/csv";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { apiById } from "@/lib/pricing";
import type { TransactionView } from "@/lib/wallet/balance";
import type { DailyUsageRow } from "./daily-usage-rows";

/** An instant on the billing calendar (SPEC §1), sortable: `2025-04-01 00:05:00`. */
function shanghaiTime(at: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" }).format(at);
}

/**
 * Transactions as a spreadsheet: headings in the reader's language, times in Shanghai, money as
 * exact two-decimal strings (no ¥, no separators) so a spreadsheet sums them to the cent.
 */
export function transactionsCsv(transactions: readonly TransactionView[], t: Translate): string {
  return csvText([
    [t("bill.col.time"), t("bill.col.kind"), t("bill.col.documentType"), t("bill.col.documentId"), t("bill.col.cash"), t("bill.col.income"), t("bill.col.gift"), t("bill.col.frozen"), t("bill.col.voucher")],
    ...transactions.map((e) => [
      shanghaiTime(e.at),
      t(`wallet.tx.kind.${e.kind}`),
      e.documentType,
      e.documentId,
      e.changes.cash ?? "0.00",
      e.changes.income ?? "0.00",
      e.changes.gift ?? "0.00",
      e.changes.frozen ?? "0.00",
      e.changes.voucher ?? "0.00",
    ]),
  ]);
}

export function dailyUsageCsv(rows: readonly DailyUsageRow[], t: Translate, locale: Locale): string {
  return csvText([
    [t("usage.csv.day"), t("bill.col.apiId"), t("bill.col.api"), t("bill.col.calls"), t("bill.col.free"), t("bill.col.packs"), t("bill.col.billable")],
    ...rows.map((r) => [r.day, r.api, locale === "zh-CN" ? apiById(r.api).nameZh : apiById(r.api).name, r.calls, r.free, r.fromPacks, r.billable]),
  ]);
}
