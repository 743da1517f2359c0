import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import { z } from "zod";
import { purchases, qpsGrants, qpsGroupModes } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { qpsItemId, type QpsGroupId } from "@/lib/pricing";
import { renewThroughPurchase } from "./renew-through-purchase";

/** A renewal is bought in the last hour of the old grant, so the new one starts where it ends: no gap, no early lapse. */
export const AUTO_RENEW_AHEAD_MS = 60 * 60 * 1000;
/** If run-due was down at the end, a grant that ended less than a day ago is still renewed (from now). */
export const AUTO_RENEW_LATE_MS = 24 * 60 * 60 * 1000;

export const qpsAutoRenewInput = z.object({ grantId: z.uuid(), on: z.stringbool().or(z.boolean()) });

/**
 * Turns auto-renew on or off for one monthly QPS grant of the caller's account that has not ended
 * (issue 22, opt-in per item). Day grants are not renewed. Audited.
 */
export async function setQpsAutoRenew({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<{ grantId: string; autoRenew: boolean }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  const { grantId, on } = qpsAutoRenewInput.parse(input);
  return inTransaction(ctx, async (tx) => {
    const [grant] = await tx.db
      .select({ id: qpsGrants.id, autoRenew: qpsGrants.autoRenew, endsAt: qpsGrants.endsAt, period: purchases.period })
      .from(qpsGrants)
      .innerJoin(purchases, eq(purchases.id, qpsGrants.purchaseId))
      .where(and(eq(qpsGrants.id, grantId), eq(qpsGrants.accountId, accountId)))
      .for("update", { of: qpsGrants });
    if (!grant) throw new NotFoundError("not-found");
    if (grant.period !== "month" || grant.endsAt <= tx.now) throw new ConflictError("auto-renew-not-available", {}, "grantId");
    if (grant.autoRenew !== on) {
      await tx.db.update(qpsGrants).set({ autoRenew: on }).where(eq(qpsGrants.id, grantId));
      await recordAudit(tx, { action: on ? "qps.auto-renew-on" : "qps.auto-renew-off", accountId, target: grantId, before: { autoRenew: grant.autoRenew }, after: { autoRenew: on } });
    }
    return { grantId, autoRenew: on };
  });
}

/**
 * Run by `run-due`, before QPS lapses: every monthly grant with auto-renew on whose group bills by
 * QPS and which ends within the hour is renewed for one month through the normal purchase path
 * (`purchase`: lib/pricing's price, paid from gift, income, cash; no voucher is applied on the
 * customer's behalf). The purchase's idempotency key is the old grant's id, so one period renews
 * once however often or concurrently run-due runs (the unique (account, key) index under the
 * wallet lock). A short balance charges nothing, delivers nothing, and says so once; it is retried
 * every run until the grant has ended a day ago. `accountId` limits the run to one account (the e2e
 * test route, app/api/test/run-due).
 */
export async function renewDueQps({ ctx, accountId }: { ctx: ServiceContext; accountId?: string }): Promise<{ renewed: number; failed: number }> {
  const due = await ctx.db
    .select({ id: qpsGrants.id, accountId: qpsGrants.accountId, groupId: qpsGrants.groupId, qps: qpsGrants.qps, endsAt: qpsGrants.endsAt })
    .from(qpsGrants)
    .innerJoin(purchases, eq(purchases.id, qpsGrants.purchaseId))
    .innerJoin(qpsGroupModes, and(eq(qpsGroupModes.accountId, qpsGrants.accountId), eq(qpsGroupModes.groupId, qpsGrants.groupId)))
    .where(
      and(
        eq(qpsGrants.autoRenew, true),
        eq(purchases.period, "month"),
        eq(qpsGroupModes.mode, "qps"),
        lte(qpsGrants.endsAt, new Date(ctx.now.getTime() + AUTO_RENEW_AHEAD_MS)),
        gt(qpsGrants.endsAt, new Date(ctx.now.getTime() - AUTO_RENEW_LATE_MS)),
        accountId ? eq(qpsGrants.accountId, accountId) : undefined,
      ),
    );
  let renewed = 0;
  let failed = 0;
  for (const grant of due) {
    const group = grant.groupId as QpsGroupId;
    const outcome = await renewThroughPurchase(ctx, {
      accountId: grant.accountId,
      itemId: grant.id,
      endsAt: grant.endsAt,
      input: { item: qpsItemId(group), quantity: grant.qps, period: "month", periods: 1, idempotencyKey: `auto-renew:${grant.id}` },
      messages: { renewed: "qps-renewed", failed: "qps-renew-failed" },
      params: { group, qps: grant.qps },
      renewedUntil: async (purchaseId) => (await ctx.db.select({ endsAt: qpsGrants.endsAt }).from(qpsGrants).where(eq(qpsGrants.purchaseId, purchaseId)))[0]?.endsAt ?? null,
    });
    if (outcome === "renewed") renewed += 1;
    if (outcome === "failed") failed += 1;
  }
  return { renewed, failed };
}
