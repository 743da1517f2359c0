import "server-only";
import { and, desc, eq, gt, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { qpsGrants, qpsGroupModes, qpsLimits, type QpsMode } from "@/db/schema";
import { MAX_QPS_PER_GROUP, type QpsGroupId } from "@/lib/pricing";

/** The QPS a group has bought and in force at `at`: the sum of its grants covering that instant. */
export async function heldQps(db: Database, accountId: string, group: QpsGroupId, at: Date): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${qpsGrants.qps}), 0)` })
    .from(qpsGrants)
    .where(and(eq(qpsGrants.accountId, accountId), eq(qpsGrants.groupId, group), lte(qpsGrants.startsAt, at), gt(qpsGrants.endsAt, at)));
  return Number.parseInt(row?.total ?? "0", 10);
}

/** How the group is billed (SPEC §2.6): `calls` unless the customer switched it to `qps`. */
export async function groupMode(db: Database, accountId: string, group: QpsGroupId): Promise<QpsMode> {
  const [row] = await db.select({ mode: qpsGroupModes.mode }).from(qpsGroupModes).where(and(eq(qpsGroupModes.accountId, accountId), eq(qpsGroupModes.groupId, group)));
  return row?.mode ?? "calls";
}

/** QPS still purchasable in the group before its cap (SPEC §2.6). */
export function qpsHeadroom(held: number, max: number = MAX_QPS_PER_GROUP): number {
  return Math.max(0, max - held);
}

/**
 * The group's QPS cap at `at` (SPEC §2.6): 200, or the latest limit support approved that is in force
 * by then. Purchases check it; `authorize` enforces what was bought within it.
 */
export async function qpsLimit(db: Database, accountId: string, group: QpsGroupId, at: Date): Promise<number> {
  const [row] = await db
    .select({ maxQps: qpsLimits.maxQps })
    .from(qpsLimits)
    .where(and(eq(qpsLimits.accountId, accountId), eq(qpsLimits.groupId, group), lte(qpsLimits.appliesFrom, at)))
    .orderBy(desc(qpsLimits.appliesFrom), desc(qpsLimits.approvedAt))
    .limit(1);
  return Math.max(MAX_QPS_PER_GROUP, row?.maxQps ?? 0);
}
