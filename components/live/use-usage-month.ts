"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchLive, LIVE_INTERVALS, liveKeys, type UsageMonthJson } from "@/lib/live/keys";

/**
 * The one query of a month's usage (issue 19 item 3): the usage page's tiles, chart and estimate
 * table and the overview's estimate card all read it, so they can never disagree. The page
 * prefetches it on the server; for the current month it is refetched every few seconds while the
 * tab is visible. When it sees new calls, the facts computed from them (the forecast, the free
 * quota, the packs' remaining calls) are refetched at once rather than at their own next interval.
 */
export function useUsageMonth(month: string, live: boolean): UsageMonthJson | undefined {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: liveKeys.usage(month),
    queryFn: () => fetchLive<UsageMonthJson>(`/api/console/usage?month=${month}`),
    refetchInterval: live ? LIVE_INTERVALS.usage : false,
  });
  const calls = data?.calls;
  const seen = useRef(calls);
  useEffect(() => {
    if (seen.current !== undefined && calls !== undefined && calls !== seen.current) {
      for (const key of [liveKeys.forecast, liveKeys.freeQuota, liveKeys.packs]) void client.invalidateQueries({ queryKey: key });
    }
    seen.current = calls;
  }, [calls, client]);
  return data;
}
