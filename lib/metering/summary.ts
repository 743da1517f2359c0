import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { usageHourly } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { API_IDS, formatMoney, priceLine, sumAmounts, tierForMonthTotal, type ApiId, type Dec } from "@/lib/pricing";

export interface ApiMonthSummary {
  api: ApiId;
  calls: number;
  free: number;
  fromPacks: number;
  billable: number;
  tier: number;
  unitPrice: string;
  estimatedAmount: string;
  formula: string;
}

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
  const byApi = new Map(rows.map((r) => [r.api, r]));
  const apis: ApiMonthSummary[] = [];
  const amounts: Dec[] = [];
  for (const api of API_IDS) {
    const row = byApi.get(api);
    if (!row) continue;
    const calls = Number(row.calls);
    if (calls <= 0) continue;
    const tier = tierForMonthTotal(api, calls);
    const line = priceLine({ calls, free: Number(row.free), fromPacks: Number(row.fromPacks) }, tier.unitPricePerCall, tier.unitPriceText);
    amounts.push(line.amount);
    apis.push({
      api,
      calls,
      free: Number(row.free),
      fromPacks: Number(row.fromPacks),
      billable: line.billable,
      tier: tier.number,
      unitPrice: tier.unitPriceText,
      estimatedAmount: line.amountText,
      formula: line.formula,
    });
  }
  return { month: input.month, apis, estimatedTotal: formatMoney(sumAmounts(amounts)) };
}
