import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { formatMonth } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { MonthSummary } from "@/lib/metering/summary";
import { formatYuan } from "@/lib/pricing/format";
import { formatCount } from "@/lib/pricing/money-text";
import { apiName } from "./api-name";

/** monthSummary as a bill-like table: per API the split, the tier the month's total reaches, and the formula (SPEC §2.3, §7.1). */
export function EstimateTable({ t, locale, summary }: { t: Translate; locale: Locale; summary: MonthSummary }) {
  if (summary.apis.length === 0) return <EmptyState>{t("usage.empty", { month: formatMonth(locale, summary.month) })}</EmptyState>;
  return (
    <Table label={t("usage.estimate.title", { month: formatMonth(locale, summary.month) })}>
      <thead>
        <tr>
          <Th>{t("usage.col.api")}</Th>
          <Th className="text-right">{t("usage.col.calls")}</Th>
          <Th className="text-right">{t("usage.col.free")}</Th>
          <Th className="text-right">{t("usage.col.packs")}</Th>
          <Th className="text-right">{t("usage.col.billable")}</Th>
          <Th>{t("usage.col.tier")}</Th>
          <Th>{t("usage.col.formula")}</Th>
          <Th className="text-right">{t("usage.col.amount")}</Th>
        </tr>
      </thead>
      <tbody>
        {summary.apis.map((line) => (
          <tr key={line.api} data-testid={`estimate-${line.api}`}>
            <Td>
              <div className="font-medium">{apiName(locale, line.api)}</div>
              <div className="font-mono text-xs text-muted">{line.api}</div>
            </Td>
            <Td className="text-right whitespace-nowrap">{formatCount(line.calls)}</Td>
            <Td className="text-right whitespace-nowrap">{formatCount(line.free)}</Td>
            <Td className="text-right whitespace-nowrap">{formatCount(line.fromPacks)}</Td>
            <Td className="text-right whitespace-nowrap">{formatCount(line.billable)}</Td>
            <Td>
              <div>{t("usage.tier", { tier: line.tier })}</div>
              <div className="text-xs whitespace-nowrap text-muted">{t("usage.unitPrice", { price: line.unitPrice })}</div>
            </Td>
            <Td className="font-mono text-xs">
              <span className="whitespace-nowrap">{line.formula}</span>
            </Td>
            <Td className="text-right font-medium whitespace-nowrap">{formatYuan(line.estimatedAmount)}</Td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <Td className="font-semibold" colSpan={7}>
            {t("usage.total")}
          </Td>
          <Td className="text-right font-semibold whitespace-nowrap" data-testid="estimate-total">
            {formatYuan(summary.estimatedTotal)}
          </Td>
        </tr>
      </tfoot>
    </Table>
  );
}
