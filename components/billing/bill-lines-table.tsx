import { apiName } from "@/components/metering/api-name";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import type { BillDetail } from "@/lib/billing/bills";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatCount, formatYuan } from "@/lib/pricing";
import { tierReason } from "./tier-reason";

/** A bill's lines (SPEC §7.1): the split of each API's calls, its tier and why, the formula and the amount. */
export function BillLinesTable({ t, locale, bill }: { t: Translate; locale: Locale; bill: BillDetail }) {
  if (bill.lines.length === 0) return <EmptyState>{t("bill.lines.none")}</EmptyState>;
  return (
    <Table label={t("bill.lines.title")}>
      <thead>
        <tr>
          <Th>{t("bill.col.api")}</Th>
          <Th className="text-right">{t("bill.col.calls")}</Th>
          <Th className="text-right">{t("bill.col.free")}</Th>
          <Th className="text-right">{t("bill.col.packs")}</Th>
          <Th className="text-right">{t("bill.col.billable")}</Th>
          <Th>{t("bill.col.tier")}</Th>
          <Th className="text-right">{t("bill.col.amount")}</Th>
        </tr>
      </thead>
      {bill.lines.map((line) => (
        // One tbody per line: the figures, then the formula and the reason in words under them.
        <tbody key={line.api} className="break-inside-avoid" data-testid={`bill-line-${line.api}`}>
          <tr>
            <Td className="border-b-0">
              <div className="font-medium">{apiName(locale, line.api)}</div>
              <div className="font-mono text-xs text-muted">{line.api}</div>
            </Td>
            <Td className="border-b-0 text-right">{formatCount(line.calls)}</Td>
            <Td className="border-b-0 text-right">{formatCount(line.free)}</Td>
            <Td className="border-b-0 text-right">{formatCount(line.fromPacks)}</Td>
            <Td className="border-b-0 text-right">{formatCount(line.billable)}</Td>
            <Td className="border-b-0 whitespace-nowrap">
              <div>{t("bill.tier", { tier: line.tier })}</div>
              <div className="text-xs text-muted">{t("bill.unitPrice", { price: line.unitPrice })}</div>
            </Td>
            <Td className="border-b-0 text-right font-medium" data-testid="bill-line-amount">
              {formatYuan(line.amount)}
            </Td>
          </tr>
          <tr>
            <Td colSpan={7} className="pt-0 whitespace-normal">
              <p className="font-mono text-xs text-ink" data-testid="bill-line-formula">
                {line.formula}
              </p>
              <p className="mt-0.5 text-xs text-muted" data-testid="bill-line-why">
                {tierReason(t, line)}
              </p>
            </Td>
          </tr>
        </tbody>
      ))}
      <tfoot>
        <tr>
          <Td colSpan={6} className="font-semibold">
            {t("bill.usageTotal")}
          </Td>
          <Td className="text-right font-semibold" data-testid="bill-usage-total">
            {formatYuan(bill.total)}
          </Td>
        </tr>
      </tfoot>
    </Table>
  );
}
