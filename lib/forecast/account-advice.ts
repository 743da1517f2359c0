import "server-only";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { monthTotals } from "@/lib/metering/summary";
import { FIRST_PRICED_MONTH, monthOf, previousMonth } from "@/lib/pricing";
import { packAdviceFromLastMonth, tierAdviceForMonth, type UsageAdvice } from "./advice";
import type { MonthForecast } from "./model";

/**
 * Advice from the account's own usage (issue 13): packs that would have made last month cheaper,
 * and tiers this month's forecast falls just short of. Last month is read from the hourly
 * aggregates, so it is there before the close has made the bill: its totals per API, not per day.
 */
export async function accountAdvice({ ctx, forecast: pending }: { ctx: ServiceContext; forecast: MonthForecast | Promise<MonthForecast> }): Promise<UsageAdvice[]> {
  const accountId = accountOf(ctx.actor);
  const last = previousMonth(monthOf(ctx.now));
  // Last month's read does not wait for the forecast (a promise is accepted so both run at once).
  const [lastUsage, forecast] = await Promise.all([last >= FIRST_PRICED_MONTH ? monthTotals({ ctx, input: { month: last }, accountId }) : [], pending]);
  const packs = packAdviceFromLastMonth(last, lastUsage);
  // No tier advice from a forecast with too little history behind it (issue 19): a first-hour burst is no month.
  const tiers = forecast.enough
    ? tierAdviceForMonth(
        forecast.month,
        forecast.apis.map((line) => ({ api: line.api, calls: line.calls, free: line.free, fromPacks: line.fromPacks })),
      )
    : [];
  return [...tiers, ...packs];
}
