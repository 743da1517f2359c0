import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { usageHourly } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { priceUsage, usageLineOf } from "@/lib/pricing/price-usage";
import { isApiId, type UsageLine } from "@/lib/pricing";

/** A usage line (lib/pricing) of the month so far: its amount is an estimate until the close. */
export type ApiMonthSummary = Omit<UsageLine, "amount"> & { estimatedAmount: string };

export interface MonthSummary {
  month: string;
  apis: ApiMonthSummary[];
  estimatedTotal: string;
}

/**
 * The month so far per API, from the hourly aggregates (never raw events), priced with lib/pricing:
 * the month's total selects the tier, every billable call is priced at it (SPEC §2.3).
 */
export async function monthSummary({ ctx, input }: { ctx: ServiceContext; input: { month: string } }): Promise<MonthSummary> {
  const accountId = accountOf(ctx.actor);
  const rows = await ctx.db
    .select({
      api: usageHourly.api,
      calls: sql<string>`sum(${usageHourly.calls})`,
      free: sql<string>`sum(${usageHourly.free})`,
      fromPacks: sql<string>`sum(${usageHourly.fromPacks})`,
      billable: sql<string>`sum(${usageHourly.billable})`,
    })
    .from(usageHourly)
    .where(and(eq(usageHourly.accountId, accountId), eq(usageHourly.month, input.month)))
    .groupBy(usageHourly.api)
    .orderBy(asc(usageHourly.api));
  const priced = priceUsage(
    rows.flatMap((r) => (isApiId(r.api) ? [{ api: r.api, calls: Number(r.calls), free: Number(r.free), fromPacks: Number(r.fromPacks) }] : [])),
  );
  const apis = priced.lines.map((line) => {
    const { amount, ...counts } = usageLineOf(line);
    return { ...counts, estimatedAmount: amount };
  });
  return { month: input.month, apis, estimatedTotal: priced.totalText };
}
