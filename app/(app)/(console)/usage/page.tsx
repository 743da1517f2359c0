import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { SpendOutlook } from "../_spend/spend-outlook";
import { DailyUsageCsvLink } from "@/components/spend/daily-usage-csv-link";
import { DrainingPacks } from "@/components/metering/draining-packs";
import { LiveDailyUsage, LiveEstimateTable } from "@/components/live/live-usage-sections";
import { MonthPicker } from "@/components/metering/month-picker";
import { ClosingNotice } from "@/components/billing/closing-notice";
import { formatMonth } from "@/lib/i18n/format-date";
import { UsageTiles } from "@/components/live/usage-tiles";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { customerContext, requireCustomer } from "@/lib/auth/session";
import { billOfMonth, isMonthClosed } from "@/lib/billing/bills";
import { monthClosing } from "@/lib/billing/closing";
import { getOwnAccount } from "@/lib/identity/account";
import { getTranslator } from "@/lib/i18n/server";
import { liveKeys } from "@/lib/live/keys";
import { monthDailyUsage, prefetchForecast, serverQueryClient, usageMonthOf } from "@/lib/live/server";
import { drainingPacks } from "@/lib/metering/pack-forecasts";
import { monthSummary } from "@/lib/metering/summary";
import { parseMonthParam } from "@/lib/params/calendar";
import { calendarProblemMessage } from "@/lib/params/messages";
import { FIRST_PRICED_MONTH, monthOf, previousMonth } from "@/lib/pricing";

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
  // This month's forecast (SpendOutlook, below) is read beside the page's reads, and shares its daily usage.
  if (isCurrent) void prefetchForecast(ctx);
  const [daily, summary, draining, bill, closed, closing] = await Promise.all([
    monthDailyUsage(ctx, month),
    monthSummary({ ctx, input: { month } }),
    isCurrent ? drainingPacks({ ctx }) : Promise.resolve([]),
    isCurrent ? Promise.resolve(null) : billOfMonth({ ctx, input: { month } }),
    isCurrent ? Promise.resolve(false) : isMonthClosed(ctx.db, month),
    monthClosing({ ctx }),
  ]);
  // Issue 19 item 6: a past month's usage leads to the bill that charged it (or says when it comes).
  const billLink = bill ? (
    <Link href={`/bills/${month}`} className="text-sm font-medium text-brand-600 hover:underline" data-testid="usage-bill-link">
      {t("usage.bill.link", { month: formatMonth(locale, month) })}
    </Link>
  ) : null;
  // The month's usage is one live query (issue 19 item 3): the tiles, the charts (or the "no calls"
  // text) and the estimate table all read it; prefetched here from the same reads.
  const queries = serverQueryClient();
  await queries.prefetchQuery({ queryKey: liveKeys.usage(month), queryFn: () => usageMonthOf(summary, daily) });
  return (
    <>
      <PageHeader title={t("usage.title")} description={t("usage.subtitle")} actions={<MonthPicker months={months} current={current} selected={month} error={refused} />} />
      {/* One hydration of the month's usage for every section that reads it. */}
      <HydrationBoundary state={dehydrate(queries)}>
        <div className="space-y-6">
          <ClosingNotice t={t} locale={locale} closing={closing} />
          <UsageTiles month={month} live={isCurrent} />
          {isCurrent ? <SpendOutlook /> : null}
          {daily.apis.length > 0 ? <DailyUsageCsvLink t={t} month={month} /> : null}

          <LiveDailyUsage month={month} live={isCurrent} />

          <Card title={t(isCurrent ? "usage.estimate.title" : "usage.estimate.pastTitle", { month: formatMonth(locale, month) })} actions={billLink}>
            <p className="mb-3 text-xs text-muted">{isCurrent ? t("usage.estimate.note") : bill ? t("usage.estimate.pastNote") : t(closed ? "usage.bill.none" : "usage.bill.pending", { month: formatMonth(locale, month) })}</p>
            <LiveEstimateTable month={month} live={isCurrent} />
          </Card>

          {isCurrent ? (
            <Card title={t("usage.draining.title")}>
              <p className="mb-3 text-xs text-muted">{t("usage.draining.note")}</p>
              <DrainingPacks t={t} locale={locale} packs={draining} />
            </Card>
          ) : null}
        </div>
      </HydrationBoundary>
    </>
  );
}
