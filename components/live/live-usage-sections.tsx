"use client";

import Link from "@/components/ui/app-link";

import { useI18n } from "@/components/i18n/i18n-provider";
import { apiName } from "@/components/metering/api-name";
import { ChartLegend, DailyChart } from "@/components/metering/daily-chart";
import { EstimateTable } from "@/components/metering/estimate-table";
import { Card } from "@/components/ui/card";
import { formatMonth } from "@/lib/i18n/format-date";
import { formatCount } from "@/lib/pricing/money-text";
import { useUsageMonth } from "./use-usage-month";

/**
 * The usage page's daily charts, or its "no calls" text, from the same query as the tiles
 * (issue 19 item 3): the page cannot count calls in one place and say there are none in another.
 */
export function LiveDailyUsage({ month, live }: { month: string; live: boolean }) {
  const { t, locale } = useI18n();
  const apis = useUsageMonth(month, live)?.daily.apis ?? [];
  if (apis.length === 0) {
    return (
      <Card title={t("usage.chart.title")}>
        <div className="space-y-2 py-4 text-center text-sm text-muted" data-testid="usage-empty">
          <p>{t("usage.empty", { month: formatMonth(locale, month) })}</p>
          <p>{t("usage.empty.hint")}</p>
          <Link href="/api-keys" className="inline-block text-brand-600 hover:underline">
            {t("usage.empty.link")}
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card title={t("usage.chart.title")} actions={<ChartLegend t={t} />}>
      <div className="grid gap-6 lg:grid-cols-2">
        {apis.map((entry) => {
          const label = apiName(locale, entry.api);
          return (
            <section key={entry.api} aria-label={label} data-testid={`daily-${entry.api}`}>
              <h3 className="text-sm font-medium text-ink">{label}</h3>
              <p className="mb-2 text-xs text-muted">{t("usage.chart.total", { calls: formatCount(entry.total.calls) })}</p>
              <DailyChart t={t} usage={entry} apiLabel={label} month={formatMonth(locale, month)} />
            </section>
          );
        })}
      </div>
    </Card>
  );
}

/** The month's per-API lines with the tier and the estimate, from the same query. */
export function LiveEstimateTable({ month, live }: { month: string; live: boolean }) {
  const { t, locale } = useI18n();
  const summary = useUsageMonth(month, live)?.summary ?? { month, apis: [], estimatedTotal: "0.00" };
  return <EstimateTable t={t} locale={locale} summary={summary} />;
}
