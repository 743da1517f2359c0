"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ForecastCard } from "@/components/spend/forecast-card";
import { UsageAdviceCard } from "@/components/spend/usage-advice";
import { fetchLive, LIVE_INTERVALS, liveKeys, type ForecastJson } from "@/lib/live/keys";

/**
 * The month-end forecast and the advice from it (issue 13) as one live query (issue 19 item 3):
 * prefetched by the server, refetched while the tab is visible and at once when the month's usage
 * query sees new calls, so "no calls yet, nothing to forecast" goes when the calls come.
 */
export function LiveOutlook({ canBuy }: { canBuy: boolean }) {
  const { t, locale } = useI18n();
  const { data } = useQuery({ queryKey: liveKeys.forecast, queryFn: () => fetchLive<ForecastJson>("/api/console/forecast"), refetchInterval: LIVE_INTERVALS.forecast });
  if (!data) return null;
  return (
    // minmax(0, 1fr) columns and min-w-0 items: the forecast table scrolls inside its card instead of widening the page at 390 px.
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <div className="min-w-0">
        <ForecastCard t={t} locale={locale} forecast={data.forecast} />
      </div>
      <div className="min-w-0">
        <UsageAdviceCard t={t} locale={locale} advice={data.advice} canBuy={canBuy} />
      </div>
    </div>
  );
}
