import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { usageHourly } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { priceUsage, usageLineOf } from "@/lib/pricing/price-usage";
import { catalogIndex, isApiId, type ApiId, type UsageLine } from "@/lib/pricing";

/** A usage line (lib/pricing) of the month so far: its amount is an estimate until the close. */
export type ApiMonthSummary = Omit<UsageLine, "amount"> & { estimatedAmount: string };

export interface MonthSummary {
  month: string;
  apis: ApiMonthSummary[];
  estimatedTotal: string;
}

function monthTotalRows(ctx: ServiceContext, accountId: string, month: string) {
  return ctx.db
    .select({
      api: usageHourly.api,
      calls: sql<string>`sum(${usageHourly.calls})`,
      free: sql<string>`sum(${usageHourly.free})`,
      fromPacks: sql<string>`sum(${usageHourly.fromPacks})`,
      billable: sql<string>`sum(${usageHourly.billable})`,
    })
    .from(usageHourly)
    .where(and(eq(usageHourly.accountId, accountId), eq(usageHourly.month, month)))
    .groupBy(usageHourly.api)
    .orderBy(asc(usageHourly.api));
}

export interface ApiMonthTotal {
  api: ApiId;
  calls: number;
  free: number;
  fromPacks: number;
}

/**
 * A month's calls per API (in catalog order, as the daily read gives them), split free / packs, without pricing or days: what the forecast's pack
 * advice needs of last month. One row per API; the daily read (lib/metering/daily-usage.ts) groups a
 * whole month's hours by day as well, ten times the work on the embedded database (issue 19 item 11).
 */
export async function monthTotals({ ctx, input, accountId = accountOf(ctx.actor) }: { ctx: ServiceContext; input: { month: string }; accountId?: string }): Promise<ApiMonthTotal[]> {
  const rows = await monthTotalRows(ctx, accountId, input.month);
  return rows
    .flatMap((r) => (isApiId(r.api) ? [{ api: r.api, calls: Number(r.calls), free: Number(r.free), fromPacks: Number(r.fromPacks) }] : []))
    .sort((a, b) => catalogIndex(a.api) - catalogIndex(b.api));
}

/**
 * The month so far per API, from the hourly aggregates (never raw events), priced with lib/pricing:
 * the month's total selects the tier, every billable call is priced at it (SPEC §2.3).
 */
export async function monthSummary({ ctx, input }: { ctx: ServiceContext; input: { month: string } }): Promise<MonthSummary> {
  const rows = await monthTotalRows(ctx, accountOf(ctx.actor), input.month);
  const priced = priceUsage(
    rows.flatMap((r) => (isApiId(r.api) ? [{ api: r.api, calls: Number(r.calls), free: Number(r.free), fromPacks: Number(r.fromPacks) }] : [])),
  );
  const apis = priced.lines.map((line) => {
    const { amount, ...counts } = usageLineOf(line);
    return { ...counts, estimatedAmount: amount };
  });
  return { month: input.month, apis, estimatedTotal: priced.totalText };
}
