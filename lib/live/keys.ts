/**
 * The console's live queries (issue 11): one key and one JSON route each. The server prefetches
 * them into a per-request QueryClient and the browser keeps them fresh with refetchInterval, which
 * TanStack Query pauses while the tab is hidden.
 */
import type { UsageAdvice } from "@/lib/forecast/advice";
import type { MonthForecast } from "@/lib/forecast/model";
import type { DailyUsage } from "@/lib/metering/daily-usage";
import type { FreeQuota } from "@/lib/metering/free-quota";
import type { MonthSummary } from "@/lib/metering/summary";

export const liveKeys = {
  unread: ["console", "unread"] as const,
  usage: (month: string) => ["console", "usage", month] as const,
  packs: ["console", "packs"] as const,
  /** The balance page's figures and, when the page names one (`?topup=`), that top-up's status. */
  balance: (topUp: string | null) => ["console", "balance", topUp ?? ""] as const,
  /** Arrears or suspension (the banner on every console page). */
  standing: ["console", "standing"] as const,
  /** This month's forecast and the advice drawn from it (the overview's and usage page's outlook). */
  forecast: ["console", "forecast"] as const,
  /** This month's free packs and the one-time grant, used and left (the free quota page). */
  freeQuota: ["console", "free-quota"] as const,
  /** One order's status (issue 20): its page waits on a pending payment. */
  order: (id: string) => ["console", "order", id] as const,
};

export const LIVE_INTERVALS = {
  unread: 10_000,
  usage: 5_000,
  packs: 10_000,
  balance: 10_000,
  /** While the page waits for a top-up's confirmation: the provider usually confirms within seconds. */
  pendingTopUp: 3_000,
  standing: 15_000,
  /**
   * The forecast follows the usage: the usage query invalidates it when it sees new calls (both are
   * on the pages that show it), so its own interval only catches what else moves it (a purchase, the day).
   */
  forecast: 30_000,
  freeQuota: 5_000,
  /** A pending order asks the provider each time: every 3 s while the customer is paying, else rarely. */
  pendingOrder: 3_000,
  order: 30_000,
} as const;

/** An order's status as its page shows it (issue 20); `provider` is what the payment provider says, never a credit. */
export interface OrderStatusJson {
  id: string;
  status: "pending" | "paid" | "closed" | "refunded" | "partly-refunded";
  amount: string;
  provider: "waiting" | "paid" | "closed" | "not-found" | "unreachable" | null;
}

/** Each of the account's packs: calls left of its size (what the packs page's bars show). */
export interface PacksRemainingJson {
  packs: { id: string; remaining: number; size: number }[];
}

/** Money as strings with two decimals (never floats), as getWallet gives them. */
export interface WalletJson {
  cash: string;
  income: string;
  gift: string;
  frozen: string;
  total: string;
}

export interface BalanceJson {
  wallet: WalletJson;
  /** The top-up the page asked about, if it is the viewer's own; null otherwise. */
  topUp: { id: string; amount: string; status: "pending" | "paid" | "closed" | "cancelled" } | null;
}

/** SPEC §6: null in good standing. Instants are ISO strings; `now` is the server's (the countdown counts from it). */
export interface StandingJson {
  standing: { status: "arrears" | "suspended"; owed: string; suspendAt: string | null; months: string[] } | null;
  now: string;
}

export interface UnreadJson {
  unread: number;
}

export interface UsageTotalsJson {
  month: string;
  calls: number;
  free: number;
  fromPacks: number;
  billable: number;
  /** Money as a string with two decimals (never a float). */
  estimatedTotal: string;
}

/**
 * A month's usage as the pages show it (issue 19 item 3: one query for the fact "calls this month"):
 * the tiles' totals, the per-API lines of the estimate table and the per-day series of the charts
 * all come from this one answer, so no section can say "no calls" while another counts them.
 */
export interface UsageMonthJson extends UsageTotalsJson {
  summary: MonthSummary;
  daily: DailyUsage;
}

/** The outlook of this month (issue 13): the forecast and the advice computed from it. */
export interface ForecastJson {
  forecast: MonthForecast;
  advice: UsageAdvice[];
}

/** FreeQuota with its instants as ISO strings (JSON has no dates); `freeQuotaOf` turns them back. */
export type FreeQuotaJson = Json<FreeQuota>;

/** The free quota page's data as sent (dates as ISO strings), read back into Dates. */
export function freeQuotaOf(json: FreeQuotaJson): FreeQuota {
  const pack = (p: FreeQuotaJson["past"][number]["packs"][number]) => ({ ...p, expiresAt: new Date(p.expiresAt) });
  return {
    month: json.month,
    products: json.products.map((product) => ({ ...product, activatedAt: new Date(product.activatedAt), packs: product.packs.map(pack) })),
    past: json.past.map((entry) => ({ month: entry.month, packs: entry.packs.map(pack) })),
    grant: json.grant ? { ...json.grant, deliveredAt: new Date(json.grant.deliveredAt), expiresAt: new Date(json.grant.expiresAt) } : null,
  };
}

/** A value as JSON gives it back: Dates become ISO strings. */
type Json<T> = T extends Date ? string : T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** GET a console JSON route; a failed answer is an error whose message carries the status (the retry rule reads it). */
export async function fetchLive<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}
