"use client";

import { useQuery } from "@tanstack/react-query";
import { RemainingBar } from "@/components/packs/remaining-bar";
import { fetchLive, LIVE_INTERVALS, liveKeys, type PacksRemainingJson } from "@/lib/live/keys";

/** A pack's remaining bar that follows the calls drawn while the page is open (the packs page prefetches). */
export function LivePackRemaining({ packId, remaining, size, label }: { packId: string; remaining: number; size: number; label: string }) {
  const { data } = useQuery({ queryKey: liveKeys.packs, queryFn: () => fetchLive<PacksRemainingJson>("/api/console/packs"), refetchInterval: LIVE_INTERVALS.packs });
  const live = data?.packs.find((pack) => pack.id === packId);
  return <RemainingBar remaining={live?.remaining ?? remaining} size={live?.size ?? size} label={label} />;
}
