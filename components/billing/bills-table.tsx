import Link from "@/components/ui/app-link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { BillSummary } from "@/lib/billing/bills";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, formatMonth } from "@/lib/i18n/format-date";
import { priceBookName } from "@/lib/i18n/price-book-name";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import { BillStatusBadge } from "./bill-status-badge";

/** A month not yet billed: the current one, or the one just ended awaiting its close. Priced like a bill, but not one. */
export interface EstimateRow {
  month: string;
  kind: "current" | "pending";
  total: string;
}

export function BillsTable({ t, locale, estimates, bills }: { t: Translate; locale: Locale; estimates: EstimateRow[]; bills: BillSummary[] }) {
  return (
    <Table label={t("bills.title")}>
      <thead>
        <tr>
          <Th>{t("bills.col.month")}</Th>
          <Th>{t("bills.col.status")}</Th>
          <Th className="text-right">{t("bills.col.total")}</Th>
          <Th>{t("bills.col.priceBook")}</Th>
          <Th>{t("bills.col.closedAt")}</Th>
          <Th>
            <span className="sr-only">{t("bills.view")}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {estimates.map((row) => (
          <tr key={row.month} className="bg-canvas/60" data-testid="bill-estimate-row" data-month={row.month}>
            <Td className="whitespace-nowrap font-medium">{formatMonth(locale, row.month)}</Td>
            <Td>
              <Badge tone="amber">{t(row.kind === "current" ? "bills.current.badge" : "bills.pending.badge")}</Badge>
              <p className="mt-1 max-w-sm text-xs whitespace-normal text-muted">{t(row.kind === "current" ? "bills.current.note" : "bills.pending.note")}</p>
            </Td>
            <Td className="text-right text-muted italic" data-testid="bill-estimate-total">
              {formatYuan(row.total)}
            </Td>
            <Td className="text-muted">—</Td>
            <Td className="text-muted">—</Td>
            {/* On a phone's card the link says what it is: no "View bill" label beside it. */}
            <Td data-label="">
              <Link href={`/usage?month=${row.month}`} className="text-brand-600 hover:underline">
                {t("bills.viewUsage")}
              </Link>
            </Td>
          </tr>
        ))}
        {bills.map((bill) => (
          <tr key={bill.month} data-testid="bill-row" data-month={bill.month}>
            <Td className="whitespace-nowrap font-medium">
              <Link href={`/bills/${bill.month}`} className="hover:underline">
                {formatMonth(locale, bill.month)}
              </Link>
            </Td>
            <Td>
              <BillStatusBadge t={t} status={bill.status} />
            </Td>
            <Td className="text-right font-medium" data-testid="bill-total">
              {formatYuan(bill.usageTotal)}
            </Td>
            <Td className="whitespace-nowrap text-muted">{priceBookName(t, locale, bill.priceBook)}</Td>
            <Td className="whitespace-nowrap text-muted">{formatDateTime(locale, bill.closedAt)}</Td>
            {/* On a phone's card the link says what it is: no "View bill" label beside it. */}
            <Td data-label="">
              <Link href={`/bills/${bill.month}`} className="text-brand-600 hover:underline">
                {t("bills.view")}
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
