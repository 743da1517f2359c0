import { movementCsvHeader, movementCsvRow } from "@/lib/billing/bill-csv";
import { csvText } from "@/lib/billing/csv";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { apiById } from "@/lib/pricing";
import type { TransactionView } from "@/lib/wallet/balance";
import { methodLabel, orderItemLabel } from "@/lib/orders/labels";
import type { OrderView } from "@/lib/orders/list";
import { shanghaiIsoString } from "@/lib/pricing/calendar";
import type { DailyUsageRow } from "./daily-usage-rows";

/**
 * Transactions as a spreadsheet: headings in the reader's language, times in Shanghai, money as
 * exact two-decimal strings (no ¥, no separators) so a spreadsheet sums them to the cent.
 */
export function transactionsCsv(transactions: readonly TransactionView[], t: Translate): string {
  return csvText([movementCsvHeader(t), ...transactions.map((e) => movementCsvRow(t, e))]);
}

export function dailyUsageCsv(rows: readonly DailyUsageRow[], t: Translate, locale: Locale): string {
  return csvText([
    [t("usage.csv.day"), t("bill.col.apiId"), t("bill.col.api"), t("bill.col.calls"), t("bill.col.free"), t("bill.col.packs"), t("bill.col.billable")],
    ...rows.map((r) => [r.day, r.api, locale === "zh-CN" ? apiById(r.api).nameZh : apiById(r.api).name, r.calls, r.free, r.fromPacks, r.billable]),
  ]);
}

/** The order list as a spreadsheet (issue 20): names not ids, money as exact two-decimal strings, the balance split in columns. */
export function ordersCsv(orders: readonly OrderView[], t: Translate): string {
  return csvText([
    [t("orders.csv.number"), t("orders.csv.time"), t("orders.csv.kind"), t("orders.csv.item"), t("orders.csv.quantity"), t("orders.csv.amount"), t("orders.csv.method"), t("orders.csv.voucher"), t("orders.csv.gift"), t("orders.csv.income"), t("orders.csv.cash"), t("orders.csv.refunded"), t("orders.csv.status")],
    ...orders.map((o) => [
      o.number,
      shanghaiIsoString(o.createdAt, "seconds"),
      t(`orders.kind.${o.kind}`),
      orderItemLabel(t, o),
      o.quantity,
      o.amount,
      methodLabel(t, o.method),
      o.paid?.voucher ?? "",
      o.paid?.gift ?? "",
      o.paid?.income ?? "",
      o.paid?.cash ?? "",
      o.refunded,
      t(`orders.status.${o.status}`),
    ]),
  ]);
}
