import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { accounts, packs } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { dailyUsage, type DailyUsage } from "@/lib/metering/daily-usage";
import { packStatus } from "@/lib/packs/status";
import { isApiId, monthOf, shanghaiDay, type ApiId } from "@/lib/pricing";
import { forecastMonth, type ApiSoFar, type MonthForecast } from "./model";

/** Free calls left this month and calls left in usable prepaid packs, per API. */
async function callsLeft(ctx: ServiceContext, accountId: string, month: string): Promise<{ free: Map<string, number>; packs: Map<string, number> }> {
  const rows = await ctx.db
    .select({ api: packs.api, remaining: packs.remaining, source: packs.source, freeMonth: packs.freeMonth, expiresAt: packs.expiresAt, refundedAt: packs.refundedAt, refundHold: packs.refundHold })
    .from(packs)
    // Only packs that can still be drawn: the account's spent history stays in the database.
    .where(and(eq(packs.accountId, accountId), isNull(packs.refundedAt), gt(packs.expiresAt, ctx.now), gt(packs.remaining, 0)));
  const free = new Map<string, number>();
  const prepaid = new Map<string, number>();
  for (const row of rows) {
    if (packStatus(row, ctx.now) !== "active") continue;
    const into = row.source === "free" ? free : prepaid;
    // A monthly free pack counts only in its own month; the one-time barcode grant always.
    if (row.source === "free" && row.freeMonth !== null && row.freeMonth !== month) continue;
    into.set(row.api, (into.get(row.api) ?? 0) + row.remaining);
  }
  return { free, packs: prepaid };
}

/**
 * This month's forecast bill for an account (issue 13), from the hourly aggregates of the month so
 * far and what is left in its packs; the model and its pricing are pure (lib/forecast/model.ts).
 * `accountId` lets run-due evaluate budgets for any account; customers get their own.
 */
export async function accountForecast({
  ctx,
  accountId = accountOf(ctx.actor),
  usage: read,
}: {
  ctx: ServiceContext;
  accountId?: string;
  /** This month's daily usage of the account when the caller reads it anyway (the console's usage query shares it). */
  usage?: Promise<DailyUsage>;
}): Promise<MonthForecast> {
  const month = monthOf(ctx.now);
  const [usage, left, [account]] = await Promise.all([
    read ?? dailyUsage({ ctx, input: { month }, accountId }),
    callsLeft(ctx, accountId, month),
    // The day the account was created is never a full day of its traffic (issue 19).
    ctx.db.select({ createdAt: accounts.createdAt }).from(accounts).where(eq(accounts.id, accountId)),
  ]);
  const today = usage.days.findIndex((day) => day > shanghaiDay(ctx.now));
  const upTo = today === -1 ? usage.days.length : today;
  const apis: ApiSoFar[] = usage.apis.map((entry) => ({
    api: entry.api,
    days: entry.days.slice(0, upTo).map((d) => d.calls),
    free: entry.total.free,
    fromPacks: entry.total.fromPacks,
    freeLeft: left.free.get(entry.api) ?? 0,
    packsLeft: left.packs.get(entry.api) ?? 0,
  }));
  return forecastMonth({ month, now: ctx.now, apis: apis.filter((a): a is ApiSoFar & { api: ApiId } => isApiId(a.api)), accountCreatedAt: account?.createdAt });
}
