import "server-only";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { accounts, qpsGrants, qpsGroupModes, serviceActivations } from "@/db/schema";
import { ForbiddenError, type ServiceContext } from "@/lib/context";
import { isApiId, productOfApi, qpsGroupOfApi } from "@/lib/pricing";
import type { QpsLimiter } from "./qps-limiter";

export type AuthorizeAnswer =
  | { status: 200; body: { allowed: true; mode: "calls" } | { allowed: true; mode: "qps"; limit: number } }
  | { status: 429; body: { allowed: false; reason: "qps-exceeded"; retryAfterMs: number } }
  | { status: 403; body: { allowed: false; reason: "not-activated" | "suspended" | "disabled" } }
  | { status: 400; body: { error: { code: "unknown-api"; message: string } } };

interface GateFacts {
  status: string;
  activated: boolean;
  mode: "calls" | "qps";
  limit: number;
}

/**
 * What the gateway needs per call, cached for a moment per account and API: this endpoint is on
 * the hot path of every QPS-billed call (p99 target 5 ms). Reading AUTHORIZE_CACHE_MS: a change of
 * state (suspension, a QPS purchase, a mode switch) reaches the gateway within this delay.
 */
export const AUTHORIZE_CACHE_MS = 2000;
const cache = new Map<string, { facts: GateFacts; until: number }>();

async function loadFacts(ctx: ServiceContext, accountId: string, product: string, group: string | null): Promise<GateFacts> {
  const [row] = await ctx.db
    .select({
      status: accounts.status,
      activated: sql<boolean>`exists (select 1 from ${serviceActivations} where ${serviceActivations.accountId} = ${accounts.id} and ${serviceActivations.product} = ${product})`,
      mode: sql<string | null>`(select ${qpsGroupModes.mode} from ${qpsGroupModes} where ${qpsGroupModes.accountId} = ${accounts.id} and ${qpsGroupModes.groupId} = ${group ?? ""})`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) throw new ForbiddenError("no-account");
  let limit = 0;
  if (group && row.mode === "qps") {
    const [grant] = await ctx.db
      .select({ qps: sql<string>`coalesce(sum(${qpsGrants.qps}), 0)` })
      .from(qpsGrants)
      .where(and(eq(qpsGrants.accountId, accountId), eq(qpsGrants.groupId, group), lte(qpsGrants.startsAt, ctx.now), gt(qpsGrants.endsAt, ctx.now)));
    limit = Number.parseInt(grant?.qps ?? "0", 10);
  }
  return { status: row.status, activated: Boolean(row.activated), mode: row.mode === "qps" ? "qps" : "calls", limit };
}

/** POST /api/v1/authorize (API.md §1): may this call pass? */
export async function authorizeCall({ ctx, input, limiter }: { ctx: ServiceContext; input: { api: string }; limiter: QpsLimiter }): Promise<AuthorizeAnswer> {
  if (ctx.actor.type !== "api-key") throw new ForbiddenError("api-key-required");
  const accountId = ctx.actor.accountId;
  if (!isApiId(input.api)) return { status: 400, body: { error: { code: "unknown-api", message: `api "${input.api}" is not an API of the catalog` } } };
  const group = qpsGroupOfApi(input.api);
  const key = `${accountId}|${input.api}`;
  const nowMs = ctx.now.getTime();
  let entry = cache.get(key);
  if (!entry || entry.until <= nowMs) {
    entry = { facts: await loadFacts(ctx, accountId, productOfApi(input.api), group), until: nowMs + AUTHORIZE_CACHE_MS };
    cache.set(key, entry);
    if (cache.size > 50_000) cache.clear();
  }
  const { facts } = entry;
  if (facts.status === "disabled" || facts.status === "suspended") return { status: 403, body: { allowed: false, reason: facts.status } };
  if (!facts.activated) return { status: 403, body: { allowed: false, reason: "not-activated" } };
  if (!group || facts.mode === "calls") return { status: 200, body: { allowed: true, mode: "calls" } };
  // QPS billing with no QPS in force: every call is above the limit of 0.
  const decision = facts.limit > 0 ? await limiter.acquire(`${accountId}:${group}`, facts.limit, nowMs) : { allowed: false, retryAfterMs: 1000 - (nowMs % 1000) };
  if (!decision.allowed) return { status: 429, body: { allowed: false, reason: "qps-exceeded", retryAfterMs: decision.retryAfterMs } };
  return { status: 200, body: { allowed: true, mode: "qps", limit: facts.limit } };
}

/** Tests and the ops command change state and must see it at once. */
export function clearAuthorizeCache(): void {
  cache.clear();
}
