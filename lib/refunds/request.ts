import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { accounts, packs, refunds } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { packRefundability, productOfApi, refundReturns, isApiId } from "@/lib/pricing";
import { lockWallet } from "@/lib/wallet/ledger";
import { completeRefund } from "./complete";

/**
 * SPEC §4 "support may hold a refund that looks abusive": a customer with more than this many
 * refunds (approved or awaiting review) in the last REVIEW_WINDOW_DAYS goes to the review queue.
 */
export const REFUNDS_BEFORE_REVIEW = 3;
export const REVIEW_WINDOW_DAYS = 30;

export const refundInput = z.object({ packId: z.uuid() });
export type RefundInput = z.infer<typeof refundInput>;

/** Refunds (approved or awaiting review) the account asked for in the last REVIEW_WINDOW_DAYS. */
async function recentRefunds(db: Database, accountId: string, at: Date): Promise<number> {
  const since = new Date(at.getTime() - REVIEW_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const [recent] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(refunds)
    .where(and(eq(refunds.accountId, accountId), inArray(refunds.status, ["approved", "pending-review"]), gt(refunds.requestedAt, since)));
  return recent?.count ?? 0;
}

/** Whether the caller's next refund would go to support's review: the packs page says so before they confirm. */
export async function nextRefundIsReviewed({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  return (await recentRefunds(ctx.db, accountOf(ctx.actor), ctx.now)) >= REFUNDS_BEFORE_REVIEW;
}

export interface RefundOutcome {
  refundId: string;
  status: "approved" | "pending-review";
  returned: { gift: string; income: string; cash: string; total: string; voucherNotReturned: string };
}

/**
 * One click asks for a pack's refund (SPEC §4). When the rules hold it is approved at once: each of
 * gift, income and cash gets back what it paid for this pack; the voucher part is not returned.
 * A customer past the review threshold gets `pending-review` instead, and the pack is held (not
 * drawable) until support decides.
 *
 * Locks the wallet, then the pack row FOR UPDATE: a concurrent draw on the same pack (lib/packs/draw.ts
 * locks it too) either happened first, and the pack is then "used", or waits and finds it refunded.
 */
export async function requestRefund({ ctx, input }: { ctx: ServiceContext; input: RefundInput }): Promise<RefundOutcome> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockWallet(tx.db, accountId, tx.now);
    const [pack] = await tx.db
      .select()
      .from(packs)
      .where(and(eq(packs.id, input.packId), eq(packs.accountId, accountId)))
      .for("update");
    if (!pack) throw new NotFoundError("pack-not-found");
    const [account] = await tx.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId));
    if (pack.refundHold) throw new ConflictError("refund-pending");
    const verdict = packRefundability({
      pack: {
        product: isApiId(pack.api) ? productOfApi(pack.api) : "recognition",
        source: pack.source,
        promotionNoRefund: pack.promotionNoRefund,
        size: pack.size,
        remaining: pack.remaining,
        deliveredAt: pack.deliveredAt,
        refunded: pack.refundedAt !== null,
      },
      accountDisabled: account?.status === "disabled",
      at: tx.now,
    });
    if (!verdict.refundable) throw new ConflictError("not-refundable", { reason: verdict.reason });
    if (!pack.purchaseId) throw new Error("a bought pack has its purchase");

    const returned = refundReturns({ gift: pack.paidGift ?? "0", income: pack.paidIncome ?? "0", cash: pack.paidCash ?? "0", voucher: pack.paidVoucher ?? "0" });
    const recent = await recentRefunds(tx.db, accountId, tx.now);
    const review = recent >= REFUNDS_BEFORE_REVIEW;

    const [refund] = await tx.db
      .insert(refunds)
      .values({
        accountId,
        packId: pack.id,
        purchaseId: pack.purchaseId,
        status: review ? "pending-review" : "approved",
        returnedGift: returned.gift,
        returnedIncome: returned.income,
        returnedCash: returned.cash,
        voucherNotReturned: returned.voucherNotReturned,
        requestedAt: tx.now,
        decidedAt: review ? null : tx.now,
      })
      .returning({ id: refunds.id });
    if (!refund) throw new Error("refund insert returned nothing");

    if (review) {
      await tx.db.update(packs).set({ refundHold: true }).where(eq(packs.id, pack.id));
      await recordAudit(tx, { action: "refund.pending-review", accountId, target: refund.id, after: { packId: pack.id, recentRefunds: recent } });
      return { refundId: refund.id, status: "pending-review", returned };
    }

    await completeRefund(tx, { refundId: refund.id, accountId, pack, returned });
    await recordAudit(tx, { action: "refund.approved", accountId, target: refund.id, before: { pack: pack.id, remaining: pack.remaining }, after: { status: "approved", returned } });
    return { refundId: refund.id, status: "approved", returned };
  });
}
