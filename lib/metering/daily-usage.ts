import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { usageHourly } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { ValidationError } from "@/lib/context/errors";
import { catalogIndex, daysOfMonth, isApiId, isMonth, type ApiId } from "@/lib/pricing";

export interface DaySplit {
  /** The Shanghai calendar day, `YYYY-MM-DD` (SPEC §1). */
  day: string;
  calls: number;
  free: number;
  fromPacks: number;
  billable: number;
}

export interface ApiDailyUsage {
  api: ApiId;
  days: DaySplit[];
  total: Omit<DaySplit, "day">;
}

export interface DailyUsage {
  month: string;
  /** Every day of the month, first to last, so charts share one axis. */
  days: string[];
  /** One entry per API with calls in the month, in catalog order. */
  apis: ApiDailyUsage[];
}

/**
 * Calls per Shanghai day and API in a month, split free / packs / postpaid, summed from the hourly
 * aggregates only (issue 5: charts never scan raw events). An hour bucket lies wholly inside one
 * Shanghai day, since the offset is a whole number of hours.
 */
export async function dailyUsage({ ctx, input, accountId = accountOf(ctx.actor) }: { ctx: ServiceContext; input: { month: string }; accountId?: string }): Promise<DailyUsage> {
  if (!isMonth(input.month)) throw new ValidationError("month");
  // `at time zone 'UTC'` makes the day independent of the session's time zone; then +8 h is Shanghai.
  const day = sql<string>`to_char((${usageHourly.hour} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
  const rows = await ctx.db
    .select({
      api: usageHourly.api,
      day,
      calls: sql<string>`sum(${usageHourly.calls})`,
      free: sql<string>`sum(${usageHourly.free})`,
      fromPacks: sql<string>`sum(${usageHourly.fromPacks})`,
      billable: sql<string>`sum(${usageHourly.billable})`,
    })
    .from(usageHourly)
    .where(and(eq(usageHourly.accountId, accountId), eq(usageHourly.month, input.month)))
    .groupBy(usageHourly.api, day)
    .orderBy(asc(usageHourly.api), asc(day));
  const days = daysOfMonth(input.month);
  const byApi = new Map<ApiId, Map<string, DaySplit>>();
  for (const row of rows) {
    if (!isApiId(row.api)) continue;
    const split: DaySplit = { day: row.day, calls: Number(row.calls), free: Number(row.free), fromPacks: Number(row.fromPacks), billable: Number(row.billable) };
    const perDay = byApi.get(row.api) ?? new Map<string, DaySplit>();
    perDay.set(row.day, split);
    byApi.set(row.api, perDay);
  }
  const apis = [...byApi.entries()]
    .sort(([a], [b]) => catalogIndex(a) - catalogIndex(b))
    .map(([api, perDay]): ApiDailyUsage => {
      const filled = days.map((d) => perDay.get(d) ?? { day: d, calls: 0, free: 0, fromPacks: 0, billable: 0 });
      const total = filled.reduce((sum, d) => ({ calls: sum.calls + d.calls, free: sum.free + d.free, fromPacks: sum.fromPacks + d.fromPacks, billable: sum.billable + d.billable }), {
        calls: 0,
        free: 0,
        fromPacks: 0,
        billable: 0,
      });
      return { api, days: filled, total };
    })
    .filter((entry) => entry.total.calls > 0);
  return { month: input.month, days, apis };
}

/**
 * Calls of each API drawn from packs since `since` (the forecast's window), from the hourly
 * aggregates. An hour counts when it starts inside the window.
 */
export async function packDrawsSince(ctx: ServiceContext, since: Date): Promise<Map<string, number>> {
  const accountId = accountOf(ctx.actor);
  const rows = await ctx.db
    .select({ api: usageHourly.api, fromPacks: sql<string>`sum(${usageHourly.fromPacks})` })
    .from(usageHourly)
    .where(and(eq(usageHourly.accountId, accountId), gte(usageHourly.hour, since)))
    .groupBy(usageHourly.api);
  return new Map(rows.map((row) => [row.api, Number(row.fromPacks)]));
}
