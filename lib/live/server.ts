import "server-only";
import { QueryClient } from "@tanstack/react-query";
import { cache } from "react";
import type { ServiceContext } from "@/lib/context";
import { unreadCount } from "@/lib/messaging/inbox";
import { monthSummary, type MonthSummary } from "@/lib/metering/summary";
import { and, eq, gt, isNull } from "drizzle-orm";
import { packs } from "@/db/schema";
import { accountOf } from "@/lib/context/access";
import { formatMoney, monthOf } from "@/lib/pricing";
import { arrearsStanding } from "@/lib/billing/standing";
import { getWallet } from "@/lib/wallet/balance";
import { findTopUpOrder } from "@/lib/wallet/top-up";
import { accountAdvice } from "@/lib/forecast/account-advice";
import { accountForecast } from "@/lib/forecast/account-forecast";
import { dailyUsage, type DailyUsage } from "@/lib/metering/daily-usage";
import { freeQuota } from "@/lib/metering/free-quota";
import { findOrder } from "@/lib/orders/list";
import { paymentProvider } from "@/lib/wallet/providers";
import { liveKeys } from "./keys";
import type { BalanceJson, ForecastJson, FreeQuotaJson, OrderStatusJson, PacksRemainingJson, StandingJson, UnreadJson, UsageMonthJson, UsageTotalsJson } from "./keys";

/** One QueryClient per server request (React's cache is per request), for prefetching and dehydrating. */
export const serverQueryClient = cache(() => new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } }));

/*
 * The reads below are cached per request and context (React's cache; the console's pages, layout
 * and sections share one context: lib/auth/session.ts customerContext), so a figure the layout and
 * the page both show, or the usage page and the forecast both read, is read once (issue 19 item
 * 11). Outside a request (a route handler's own call, a test) each call reads.
 */

/** The unread count: the bell (console layout) and the overview's alerts card. */
export const unreadJson = cache(async (ctx: ServiceContext): Promise<UnreadJson> => ({ unread: await unreadCount({ ctx }) }));

/** A month's per-day usage: the usage query and this month's forecast. */
export const monthDailyUsage = cache((ctx: ServiceContext, month: string): Promise<DailyUsage> => dailyUsage({ ctx, input: { month } }));

/** A month's usage: the totals, the per-API lines and the per-day series, read in parallel. */
export const usageMonthJson = cache(async (ctx: ServiceContext, month: string): Promise<UsageMonthJson> => {
  const [summary, daily] = await Promise.all([monthSummary({ ctx, input: { month } }), monthDailyUsage(ctx, month)]);
  return usageMonthOf(summary, daily);
});

export function usageMonthOf(summary: MonthSummary, daily: DailyUsage): UsageMonthJson {
  return { ...usageTotalsOf(summary, summary.month), summary, daily };
}

/** This month's forecast and the advice from it; the advice's read of last month runs beside the forecast's. */
export async function forecastJson(ctx: ServiceContext): Promise<ForecastJson> {
  const forecast = accountForecast({ ctx, usage: monthDailyUsage(ctx, monthOf(ctx.now)) });
  const [done, advice] = await Promise.all([forecast, accountAdvice({ ctx, forecast })]);
  return { forecast: done, advice };
}

/**
 * Starts this month's forecast query in the request's query client (SpendOutlook dehydrates it): a
 * page calls this before its own reads, so the forecast is read beside them, not after them.
 */
export function prefetchForecast(ctx: ServiceContext): Promise<void> {
  return serverQueryClient().prefetchQuery({ queryKey: liveKeys.forecast, queryFn: () => forecastJson(ctx) });
}

/** The free quota page's figures; its Dates become ISO strings as JSON (the same on the server's prefetch, so hydration matches). */
export async function freeQuotaJson(ctx: ServiceContext): Promise<FreeQuotaJson> {
  return JSON.parse(JSON.stringify(await freeQuota({ ctx }))) as FreeQuotaJson;
}

export function usageTotalsOf(summary: MonthSummary, month: string): UsageTotalsJson {
  const totals = summary.apis.reduce(
    (sum, line) => ({ calls: sum.calls + line.calls, free: sum.free + line.free, fromPacks: sum.fromPacks + line.fromPacks, billable: sum.billable + line.billable }),
    { calls: 0, free: 0, fromPacks: 0, billable: 0 },
  );
  return { month, ...totals, estimatedTotal: summary.estimatedTotal };
}

/**
 * Remaining calls of the packs that can still be drawn (not refunded, not expired; exhausted ones
 * included, so a pack used up while the page is open shows 0). The others cannot change, and the
 * page shows their server-rendered figures: the answer does not grow with the account's age.
 */
export async function packsRemainingJson(ctx: ServiceContext): Promise<PacksRemainingJson> {
  const rows = await ctx.db
    .select({ id: packs.id, remaining: packs.remaining, size: packs.size })
    .from(packs)
    .where(and(eq(packs.accountId, accountOf(ctx.actor)), isNull(packs.refundedAt), gt(packs.expiresAt, ctx.now)));
  return { packs: rows };
}

/** The wallet's figures and the asked-for top-up's status; another account's order is answered as none (ids are not trusted). */
export async function balanceJson(ctx: ServiceContext, topUpId: string | null): Promise<BalanceJson> {
  const [wallet, order] = await Promise.all([getWallet({ ctx }), topUpId ? findTopUpOrder(ctx, topUpId) : null]);
  const own = order && order.accountId === accountOf(ctx.actor) ? order : null;
  return { wallet, topUp: own ? { id: own.id, amount: formatMoney(own.amount), status: own.status } : null };
}

/** The banner's standing (SPEC §6) with the server's now, as JSON. */
export async function standingJson(ctx: ServiceContext): Promise<StandingJson> {
  const standing = await arrearsStanding({ ctx });
  return {
    standing: standing ? { status: standing.status, owed: standing.owed, suspendAt: standing.suspendAt?.toISOString() ?? null, months: standing.months } : null,
    now: ctx.now.toISOString(),
  };
}

/**
 * One of the viewer's orders (null: not theirs, or none). A pending order of a provider that can be
 * asked (Alipay) says what the provider reports (`alipay.trade.query`): the page can say "paid, being
 * confirmed", but only the verified notice credits (docs/payments.md).
 */
export async function orderStatusJson(ctx: ServiceContext, id: string): Promise<OrderStatusJson | null> {
  const order = await findOrder({ ctx, input: { id } });
  if (!order) return null;
  let provider: OrderStatusJson["provider"] = null;
  const asked = order.kind === "top-up" && order.status === "pending" && order.providerOrderId ? paymentProvider(order.method) : null;
  if (asked?.queryTrade && order.providerOrderId) {
    try {
      const state = await asked.queryTrade(order.providerOrderId);
      provider = state.state;
    } catch {
      provider = "unreachable";
    }
  }
  return { id: order.id, status: order.status, amount: order.amount, provider };
}
