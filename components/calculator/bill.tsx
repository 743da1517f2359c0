"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { SummaryRow } from "@/components/ui/summary-list";
import type { Calculation } from "@/lib/calculator/compute";
import type { CalculatorForm } from "@/lib/calculator/form";
import { formatMonth } from "@/lib/i18n/format-date";
import { QPS_GROUP_APIS } from "@/lib/pricing/catalog/qps";
import { isMonth } from "@/lib/pricing/months";
import { formatCount, formatYuan } from "@/lib/pricing/format";
import { type Quote, type QuoteLine } from "@/lib/pricing/quote/quote-month";
import { type QuoteInput } from "@/lib/pricing/quote/schema";
import type { Translate } from "@/lib/i18n/translate";
import { CalcError } from "./calc-error";
import { PackDraws } from "./pack-draws";
import { PurchaseLines } from "./purchase-lines";
import { apiName } from "./labels";

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt className="text-muted">{label}</dt>
      <dd className="tabular font-medium text-ink">{formatCount(value)}</dd>
    </div>
  );
}

function Line({ t, line }: { t: Translate; line: QuoteLine }) {
  return (
    <li className="py-3" data-testid={`line-${line.api}`}>
      <div className="flex items-baseline justify-between gap-4">
        <span className="font-medium text-ink">{apiName(t, line.api)}</span>
        <span className="tabular font-semibold text-ink" data-testid={`amount-${line.api}`}>
          {formatYuan(line.amount)}
        </span>
      </div>
      <dl className="mt-1.5 grid grid-cols-4 gap-2 text-xs">
        <Count label={t("calculator.result.calls")} value={line.calls} />
        <Count label={t("calculator.result.free")} value={line.free} />
        <Count label={t("calculator.result.fromPacks")} value={line.fromPacks} />
        <Count label={t("calculator.result.billable")} value={line.billable} />
      </dl>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Badge tone="blue">{t("calculator.result.tier", { tier: line.tier, price: `¥${line.unitPrice}` })}</Badge>
        <code className="tabular rounded bg-canvas px-2 py-0.5 font-mono text-xs text-ink" data-testid={`formula-${line.api}`}>
          {line.formula}
        </code>
      </div>
    </li>
  );
}

/** SPEC §2.6: under QPS billing the group's calls are not priced, so they have no line. */
function qpsSkippedCalls(input: QuoteInput): number {
  if (input.billingMode?.body !== "qps") return 0;
  return QPS_GROUP_APIS.body.reduce((sum, api) => sum + (input.usage?.[api] ?? 0), 0);
}

function Totals({ t, quote }: { t: Translate; quote: Quote }) {
  return (
    <dl className="mt-3 space-y-1 border-t border-line pt-3 text-sm">
      <SummaryRow label={t("calculator.result.usageTotal")} testId="usage-total">
        <span className="tabular">{formatYuan(quote.usageTotal)}</span>
      </SummaryRow>
      <SummaryRow label={t("calculator.result.purchaseTotal")} testId="purchase-total">
        <span className="tabular">{formatYuan(quote.purchaseTotal)}</span>
      </SummaryRow>
      <SummaryRow label={t("calculator.result.total")} total strongLabel testId="total">
        {formatYuan(quote.total)}
      </SummaryRow>
    </dl>
  );
}

/** The month's bill as the pricing module computes it: lines with formulas, purchases, totals. */
export function Bill({ form, result }: { form: CalculatorForm; result: Calculation }) {
  const { t, locale } = useI18n();
  const quote = result.ok ? result.quote : null;
  const skipped = result.ok ? qpsSkippedCalls(result.input) : 0;
  const empty = quote !== null && quote.lines.length === 0 && quote.purchases.length === 0;
  return (
    <Card title={t("calculator.result.title", { month: isMonth(form.month) ? formatMonth(locale, form.month) : form.month })}>
      <div aria-live="polite">
        {result.ok ? null : <CalcError error={result.error} month={form.month} />}
        {quote ? (
          <>
            {empty ? <p className="py-2 text-sm text-muted">{t("calculator.result.empty")}</p> : null}
            {quote.lines.length > 0 ? (
              <ul className="-mt-3 divide-y divide-line/70" aria-label={t("calculator.usage.title")}>
                {quote.lines.map((line) => (
                  <Line key={line.api} t={t} line={line} />
                ))}
              </ul>
            ) : null}
            {skipped > 0 ? <p className="mt-2 text-xs text-muted">{t("calculator.result.qpsSkipped", { count: formatCount(skipped) })}</p> : null}
            <PackDraws quote={quote} form={form} />
            <PurchaseLines quote={quote} />
            <Totals t={t} quote={quote} />
            <p className="mt-3 text-xs text-muted">{t("calculator.result.note")}</p>
          </>
        ) : null}
      </div>
    </Card>
  );
}
