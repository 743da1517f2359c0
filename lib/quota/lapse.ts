import "server-only";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { qpsGrants, qpsGroupModes } from "@/db/schema";
import { recordAuditBatch } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { notifyMany } from "@/lib/messaging/notify";

/**
 * Reading QPS_LAPSE_RETURNS_TO_CALLS: when every QPS grant of a group billed by QPS has ended, the
 * group goes back to call billing (SPEC §2.6's default) instead of refusing every call with a limit
 * of 0, and the customer is told. Run by `run-due`; idempotent.
 */
export async function lapseEndedQps({ ctx }: { ctx: ServiceContext }): Promise<{ switched: number }> {
  return ctx.db.transaction(async (db) => {
    const inForce = sql`exists (select 1 from ${qpsGrants} where ${qpsGrants.accountId} = ${qpsGroupModes.accountId} and ${qpsGrants.groupId} = ${qpsGroupModes.groupId} and ${lte(qpsGrants.startsAt, ctx.now)} and ${gt(qpsGrants.endsAt, ctx.now)})`;
    const lapsed = await db
      .update(qpsGroupModes)
      .set({ mode: "calls", changedAt: ctx.now })
      .where(and(eq(qpsGroupModes.mode, "qps"), sql`not ${inForce}`))
      .returning({ accountId: qpsGroupModes.accountId, groupId: qpsGroupModes.groupId });
    if (lapsed.length === 0) return { switched: 0 };
    await recordAuditBatch(
      { ...ctx, db, actor: { type: "system", reason: "run-due" } },
      lapsed.map((row) => ({ action: "qps.mode-changed", accountId: row.accountId, target: row.groupId, before: { mode: "qps" }, after: { mode: "calls", reason: "no QPS in force" } })),
    );
    await notifyMany(
      { ...ctx, db },
      lapsed.map((row) => ({ accountId: row.accountId, kind: "qps-lapsed", product: "body", params: { group: row.groupId }, dedupeKey: `qps-lapsed:${row.groupId}:${ctx.now.toISOString()}` })),
    );
    return { switched: lapsed.length };
  });
}
