"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrearsBanner } from "@/components/billing/arrears-banner";
import { useI18n } from "@/components/i18n/i18n-provider";
import { fetchLive, LIVE_INTERVALS, liveKeys, type StandingJson } from "@/lib/live/keys";

/**
 * The arrears / suspension banner (SPEC §6) as a live query: prefetched by the console layout, then
 * refetched while the tab is visible, so it appears when a close leaves the balance negative and
 * goes when a top-up (in another tab, or by bank transfer) restores it, without a reload.
 */
export function LiveStandingBanner() {
  const { t, locale } = useI18n();
  const { data } = useQuery({ queryKey: liveKeys.standing, queryFn: () => fetchLive<StandingJson>("/api/console/standing"), refetchInterval: LIVE_INTERVALS.standing });
  if (!data?.standing) return null;
  return <ArrearsBanner t={t} locale={locale} standing={data.standing} nowMs={Date.parse(data.now)} />;
}
