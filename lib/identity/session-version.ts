import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";

/**
 * Every session token carries its user's `session_version`; a request is honoured only while the
 * version still matches (issue 9 item 8). Reading it costs one indexed row per user every few
 * seconds: versions are cached in-process for CACHE_MS, and a bump on this instance replaces the
 * cached value at once. Another instance notices within CACHE_MS.
 */
export const SESSION_VERSION_CACHE_MS = 3_000;
const MAX_CACHED = 10_000;

// On globalThis: Next.js may load this module in more than one bundle (pages, actions, routes), and
// an invalidation must reach the copy every one of them reads.
const holder = globalThis as unknown as { __sessionVersions?: Map<string, { version: number | null; until: number }> };
const cache = (holder.__sessionVersions ??= new Map());

// A cache lifetime, not a business time: monotonic, and deliberately not lib/clock (tests fix that).
const tick = () => performance.now();

function remember(userId: string, version: number | null): void {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(userId, { version, until: tick() + SESSION_VERSION_CACHE_MS });
}

/** The user's current session version, or null when there is no such user. */
export async function currentSessionVersion(db: Database, userId: string): Promise<number | null> {
  const hit = cache.get(userId);
  if (hit && hit.until > tick()) return hit.version;
  const [row] = await db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  const version = row?.version ?? null;
  remember(userId, version);
  return version;
}

/** Bumps the version inside the caller's transaction; every token minted before stops working. */
export async function bumpSessionVersion(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ version: users.sessionVersion });
  if (!row) throw new ForbiddenError("sign-in-required");
  // Cached only after the caller commits would be stricter; a rolled-back bump merely forces a re-read.
  cache.delete(userId);
  return row.version;
}

/** Called after a bump commits, so this instance answers from the new value without a read. */
export function rememberSessionVersion(userId: string, version: number): void {
  remember(userId, version);
}

function userOf(ctx: ServiceContext): string {
  if (ctx.actor.type === "customer" || ctx.actor.type === "staff") return ctx.actor.userId;
  throw new ForbiddenError("sign-in-required");
}

/** Sign-out: ends every session of the signed-in user, on every device (the version is per user). */
export async function endSessions({ ctx, reason }: { ctx: ServiceContext; reason: "sign-out" }): Promise<void> {
  const userId = userOf(ctx);
  const version = await inTransaction(ctx, async (tx) => {
    const bumped = await bumpSessionVersion(tx.db, userId);
    await recordAudit(tx, { action: "auth.sign-out", accountId: ctx.actor.type === "customer" ? ctx.actor.accountId : null, target: userId, after: { reason } });
    return bumped;
  });
  rememberSessionVersion(userId, version);
}
