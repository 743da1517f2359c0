"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { tierRows, type TierRow } from "@/lib/calculator/tier-rows";
import { formatCount } from "@/lib/pricing/format";
import { type Quote, type QuoteLine } from "@/lib/pricing/quote/quote-month";
import type { Translate } from "@/lib/i18n/translate";
import { apiName } from "./labels";

function rangeText(t: Translate, row: TierRow): string {
  const from = formatCount(row.firstCall);
  return row.lastCall === null ? t("calculator.tiers.andAbove", { from }) : t("calculator.tiers.between", { from, to: formatCount(row.lastCall) });
}

function priceText(t: Translate, row: TierRow): string {
  return row.per === 1 ? t("calculator.tiers.perCall", { price: `¥${row.unitPrice}` }) : t("calculator.tiers.perThousand", { price: `¥${row.publishedPrice}` });
}

function TierTable({ t, line }: { t: Translate; line: QuoteLine }) {
  const name = apiName(t, line.api);
  return (
    <Card title={name} actions={<span className="text-xs text-muted">{t("calculator.tiers.reachedAt", { calls: formatCount(line.calls), tier: line.tier })}</span>}>
      <table className="tabular -mx-5 -my-4 w-[calc(100%+2.5rem)] text-sm" aria-label={name} data-testid={`tiers-${line.api}`}>
        <thead>
          <tr className="text-left text-xs text-muted">
            <th scope="col" className="px-5 py-2 font-medium">{t("calculator.tiers.tier")}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{t("calculator.tiers.range")}</th>
            <th scope="col" className="px-5 py-2 text-right font-medium">{t("calculator.tiers.price")}</th>
          </tr>
        </thead>
        <tbody>
          {tierRows(line.api).map((row) => {
            const reached = row.number === line.tier;
            return (
              <tr key={row.number} aria-current={reached ? "true" : undefined} className={`border-t border-line/70 ${reached ? "bg-brand-50 font-semibold text-brand-700" : "text-ink"}`}>
                <td className="px-5 py-2">
                  <span className="inline-flex items-center gap-2">
                    {row.number}
                    {reached ? <Badge tone="blue">{t("calculator.tiers.reached")}</Badge> : null}
                  </span>
                </td>
                <td className="px-2 py-2 text-right sm:whitespace-nowrap">{rangeText(t, row)}</td>
                <td className="px-5 py-2 text-right whitespace-nowrap">
                  {priceText(t, row)}
                  {row.per === 1 ? null : <span className="block text-xs font-normal text-muted">{t("calculator.tiers.perCall", { price: `¥${row.unitPrice}` })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}

/** The tier table of each API on the bill, the tier its month total reaches highlighted (SPEC §2.3). */
export function TierTables({ quote }: { quote: Quote }) {
  const { t } = useI18n();
  if (quote.lines.length === 0) return null;
  return (
    <section aria-labelledby="calc-tiers" className="space-y-3">
      <div>
        <h2 id="calc-tiers" className="text-base font-semibold text-ink">
          {t("calculator.tiers.title")}
        </h2>
        <p className="text-xs text-muted">{t("calculator.tiers.hint")}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {quote.lines.map((line) => (
          <TierTable key={line.api} t={t} line={line} />
        ))}
      </div>
    </section>
  );
}
