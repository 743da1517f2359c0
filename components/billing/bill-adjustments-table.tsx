import { apiName } from "@/components/metering/api-name";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { BillDetail } from "@/lib/billing/bills";
import { formatYuan } from "@/lib/pricing";

/**
 * Issue 22 part 2: the credit notes posted against a bill, where each one's money went back, and the
 * bill after them. Staff-typed reasons are React text, never markup.
 */
export function BillAdjustmentsTable({ t, locale, bill }: { t: Translate; locale: Locale; bill: BillDetail }) {
  return (
    <>
      <Table label={t("bill.adjustments.title")}>
        <thead>
          <tr>
            <Th>{t("bill.adjustments.col.when")}</Th>
            <Th>{t("bill.adjustments.col.scope")}</Th>
            <Th className="text-right">{t("bill.adjustments.col.amount")}</Th>
            <Th>{t("bill.adjustments.col.returned")}</Th>
            <Th>{t("bill.adjustments.col.reason")}</Th>
            <Th>{t("bill.adjustments.col.ticket")}</Th>
          </tr>
        </thead>
        <tbody>
          {bill.adjustments.map((a) => (
            <tr key={a.id} data-testid="bill-adjustment-row">
              <Td className="whitespace-nowrap">{formatDate(locale, a.at)}</Td>
              <Td className="whitespace-nowrap">{a.api ? apiName(locale, a.api) : t("bill.adjustments.wholeBill")}</Td>
              <Td className="tabular text-right">{formatYuan(a.amount)}</Td>
              <Td className="text-xs">
                {(["cash", "income", "gift"] as const)
                  .filter((book) => a.returned[book] !== "0.00")
                  .map((book) => (
                    <span key={book} className="block whitespace-nowrap">
                      {t(`bill.col.${book}`)} {formatYuan(a.returned[book])}
                    </span>
                  ))}
              </Td>
              <Td className="min-w-40 break-words">{a.reason}</Td>
              <Td className="font-mono text-xs">{a.ticketRef}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <dl className="mt-3 max-w-xl text-sm">
        <div className="flex justify-between gap-6 py-1.5">
          <dt className="text-muted">{t("bill.adjustments.total")}</dt>
          <dd className="tabular" data-testid="bill-adjusted-total">
            {formatYuan(bill.adjustedTotal)}
          </dd>
        </div>
        <div className="flex justify-between gap-6 border-t border-line py-1.5 pt-2.5 font-semibold">
          <dt>{t("bill.adjustments.net")}</dt>
          <dd className="tabular" data-testid="bill-net-total">
            {formatYuan(bill.netTotal)}
          </dd>
        </div>
      </dl>
    </>
  );
}
