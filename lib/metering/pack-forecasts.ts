import "server-only";
import type { ServiceContext } from "@/lib/context";
import { listPacks, type PackView } from "@/lib/packs/list";
import { packDrawsSince } from "./daily-usage";
import { FORECAST_WINDOW_DAYS, forecastPacks, type RunOutForecast } from "./forecast";

export interface DrainingPack {
  pack: PackView;
  forecast: RunOutForecast;
  /** Calls of the pack's API drawn from packs over the window, for "at N calls a day". */
  drawnInWindow: number;
}

/**
 * Every usable prepaid pack (bought or gift) with its run-out forecast at the last 7 days' rate
 * (issue 5), from the hourly aggregates' from_packs. Free packs are left out: they last a month
 * and the free quota page shows them.
 */
export async function drainingPacks({ ctx }: { ctx: ServiceContext }): Promise<DrainingPack[]> {
  const since = new Date(ctx.now.getTime() - FORECAST_WINDOW_DAYS * 86_400_000);
  const [all, draws] = await Promise.all([listPacks({ ctx, filters: { status: "active" } }), packDrawsSince(ctx, since)]);
  const prepaid = all.filter((pack) => pack.source !== "free");
  const forecasts = forecastPacks(prepaid, draws, ctx.now);
  return prepaid
    .map((pack): DrainingPack => ({ pack, forecast: forecasts.get(pack.id) ?? { kind: "not-at-current-rate" }, drawnInWindow: draws.get(pack.api) ?? 0 }))
    .sort((a, b) => a.pack.expiresAt.getTime() - b.pack.expiresAt.getTime());
}
