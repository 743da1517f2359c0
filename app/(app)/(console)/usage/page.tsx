import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { SpendOutlook } from "../_spend/spend-outlook";
import { DailyUsageCsvLink } from "@/components/spend/daily-usage-csv-link";
import { apiName } from "@/components/metering/api-name";
import { ChartLegend, DailyChart } from "@/components/metering/daily-chart";
import { DrainingPacks } from "@/components/metering/draining-packs";
import { EstimateTable } from "@/components/metering/estimate-table";
import { MonthPicker } from "@/components/metering/month-picker";
import { ClosingNotice } from "@/components/billing/closing-notice";
import { monthLabel } from "@/components/billing/month-label";
import { UsageTiles } from "@/components/live/usage-tiles";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { monthClosing } from "@/lib/billing/closing";
import { getOwnAccount } from "@/lib/identity/account";
import { getTranslator } from "@/lib/i18n/server";
import { liveKeys } from "@/lib/live/keys";
import { serverQueryClient, usageTotalsOf } from "@/lib/live/server";
import { dailyUsage } from "@/lib/metering/daily-usage";
import { drainingPacks } from "@/lib/metering/pack-forecasts";
import { monthSummary } from "@/lib/metering/summary";
import { parseMonthParam } from "@/lib/params/calendar";
import { calendarProblemMessage } from "@/lib/params/messages";
import { FIRST_PRICED_MONTH, formatCount, monthOf, previousMonth } from "@/lib/pricing";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("usage.title") };
}

/** The month picker's choices: this month and the 11 before it, none before the first priced month (SPEC §2.1) or the account's first. */
function recentMonths(current: string, first: string): string[] {
  const months = [current];
  while (months.length < 12) {
    const earlier = previousMonth(months[months.length - 1] ?? current);
    if (earlier < FIRST_PRICED_MONTH || earlier < first) break;
    months.push(earlier);
  }
  return months;
}

export default async function UsagePage({ searchParams }: { searchParams: Promise<{ month?: string | string[] }> }) {
  const customer = await requireCustomer("/usage");
  const ctx = await customerContext(customer);
  const current = monthOf(ctx.now);
  const [account, { t, locale }] = await Promise.all([getOwnAccount({ ctx }), getTranslator()]);
  const months = recentMonths(current, monthOf(account.createdAt));
  // Issue 17 item 2: a month the address asks for is parsed by lib/params/calendar; a refused one, or
  // one the picker does not offer, is said in the picker's form (this month is shown), never dropped silently.
  const asked = parseMonthParam("month", (await searchParams).month, ctx.now);
  const field = { month: t("usage.month") };
  const refused = !asked.ok
    ? calendarProblemMessage(t, asked.problem, field)
    : asked.value && !months.includes(asked.value)
      ? t("params.month.not-offered", { field: field.month, month: asked.value })
      : undefined;
  const month = asked.ok && asked.value && !refused ? asked.value : current;
  const isCurrent = month === current;
  const [daily, summary, draining, closing] = await Promise.all([
    dailyUsage({ ctx, input: { month } }),
    monthSummary({ ctx, input: { month } }),
    isCurrent ? drainingPacks({ ctx }) : Promise.resolve([]),
    monthClosing({ ctx }),
  ]);
  // The figures at the top are a live query, prefetched here from the same summary.
  const queries = serverQueryClient();
  await queries.prefetchQuery({ queryKey: liveKeys.usage(month), queryFn: () => usageTotalsOf(summary, month) });
  return (
    <>
      <PageHeader title={t("usage.title")} description={t("usage.subtitle")} actions={<MonthPicker months={months} current={current} selected={month} error={refused} />} />
      <div className="space-y-6">
        <ClosingNotice t={t} locale={locale} closing={closing} />
        <HydrationBoundary state={dehydrate(queries)}>
          <UsageTiles month={month} live={isCurrent} />
        </HydrationBoundary>
        {isCurrent ? <SpendOutlook /> : null}
        {daily.apis.length > 0 ? <DailyUsageCsvLink t={t} month={month} /> : null}

        {daily.apis.length === 0 ? (
          <Card title={t("usage.chart.title")}>
            <div className="space-y-2 py-4 text-center text-sm text-muted">
              <p>{t("usage.empty", { month: monthLabel(locale, month) })}</p>
              <p>{t("usage.empty.hint")}</p>
              <Link href="/api-keys" className="inline-block text-brand-600 hover:underline">
                {t("usage.empty.link")}
              </Link>
            </div>
          </Card>
        ) : (
          <Card title={t("usage.chart.title")} actions={<ChartLegend t={t} />}>
            <div className="grid gap-6 lg:grid-cols-2">
              {daily.apis.map((entry) => {
                const label = apiName(locale, entry.api);
                return (
                  <section key={entry.api} aria-label={label} data-testid={`daily-${entry.api}`}>
                    <h3 className="text-sm font-medium text-ink">{label}</h3>
                    <p className="mb-2 text-xs text-muted">{t("usage.chart.total", { calls: formatCount(entry.total.calls) })}</p>
                    <DailyChart t={t} usage={entry} apiLabel={label} month={month} />
                  </section>
                );
              })}
            </div>
          </Card>
        )}

        <Card title={t(isCurrent ? "usage.estimate.title" : "usage.estimate.pastTitle", { month: monthLabel(locale, month) })}>
          <p className="mb-3 text-xs text-muted">{t(isCurrent ? "usage.estimate.note" : "usage.estimate.pastNote")}</p>
          <EstimateTable t={t} locale={locale} summary={summary} />
        </Card>

        {isCurrent ? (
          <Card title={t("usage.draining.title")}>
            <p className="mb-3 text-xs text-muted">{t("usage.draining.note")}</p>
            <DrainingPacks t={t} locale={locale} packs={draining} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
