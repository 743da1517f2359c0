import { bookOffersApi, isApiId, monthOf, previousMonth, priceBookForMonth, productOfApi, qpsGroupOfApi, type ApiId } from "@/lib/pricing";
import type { AccountStatus } from "@/db/schema";
import { USAGE_LIMITS, type UsageEventInput } from "./usage-request";

export type RejectionCode = "unknown-api" | "not-activated" | "suspended" | "disabled" | "qps-billed" | "closed-month" | "future" | "invalid";

export interface AccountFacts {
  status: AccountStatus;
  /** Product → when it was activated (ms since the epoch): nothing is used before (SPEC §2). */
  activatedProducts: ReadonlyMap<string, number>;
  qpsBilledGroups: ReadonlySet<string>;
  closedMonths: ReadonlySet<string>;
}

export type EventVerdict = { ok: true; api: ApiId; month: string } | { ok: false; code: RejectionCode; message: string };

/**
 * Whether one event may be counted (API.md §1), in the order a gateway operator would want to
 * read the reasons: the account first, then the API, then the time.
 * Reading CLOSED_MONTH: a month is closed once its close has started (month_closes), and any month before the
 * previous one is closed regardless (the close runs by the 3rd); late events for the previous
 * month are accepted until its close.
 */
export function checkEvent(event: UsageEventInput, facts: AccountFacts, now: Date): EventVerdict {
  if (facts.status === "disabled") return { ok: false, code: "disabled", message: "the account is disabled for a content violation" };
  if (facts.status === "suspended") return { ok: false, code: "suspended", message: "the account is suspended for arrears; a top-up restores it" };
  if (!isApiId(event.api)) return { ok: false, code: "unknown-api", message: `api "${event.api}" is not an API of the catalog` };
  const api = event.api;
  if (event.at.getTime() > now.getTime() + USAGE_LIMITS.futureSkewMs) return { ok: false, code: "future", message: "at is more than 5 minutes in the future" };
  const month = monthOf(event.at);
  const current = monthOf(now);
  if (month < previousMonth(current) || facts.closedMonths.has(month)) return { ok: false, code: "closed-month", message: `month ${month} is closed` };
  if (!bookOffersApi(priceBookForMonth(month), api)) return { ok: false, code: "unknown-api", message: `api "${api}" is not offered in ${month}` };
  const product = productOfApi(api);
  const activatedAt = facts.activatedProducts.get(product);
  if (activatedAt === undefined) return { ok: false, code: "not-activated", message: `product "${product}" is not activated for this account` };
  if (event.at.getTime() < activatedAt) return { ok: false, code: "not-activated", message: `product "${product}" was activated at ${new Date(activatedAt).toISOString()}, after this event` };
  const group = qpsGroupOfApi(api);
  if (group && facts.qpsBilledGroups.has(group)) return { ok: false, code: "qps-billed", message: `group "${group}" is billed by QPS: calls are not metered` };
  return { ok: true, api, month };
}
