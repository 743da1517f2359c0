import "server-only";
import { and, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import { packs, refunds } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import type { Database } from "@/db/client";
import { refundReturns } from "@/lib/pricing";

/**
 * SPEC §4 "support may hold a refund that looks abusive": a customer with this many refunds
 * (approved or awaiting review) in the last REVIEW_WINDOW_DAYS goes to the review queue.
 */
export const REFUNDS_BEFORE_REVIEW = 3;
export const REVIEW_WINDOW_DAYS = 30;

/** Whether the account's next refund goes to review (the rule requestRefund applies in its transaction). */
export async function nextRefundGoesToReview(db: Database, accountId: string, now: Date): Promise<{ review: boolean; recentRefunds: number }> {
  const since = new Date(now.getTime() - REVIEW_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const [recent] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(refunds)
    .where(and(eq(refunds.accountId, accountId), inArray(refunds.status, ["approved", "pending-review"]), gt(refunds.requestedAt, since)));
  const recentRefunds = recent?.count ?? 0;
  return { review: recentRefunds >= REFUNDS_BEFORE_REVIEW, recentRefunds };
}

export type RefundPreview = ReturnType<typeof refundReturns> & { review: boolean };

/** What refunding each of the account's bought packs would give back, for the confirmation dialog. */
export async function refundPreviews({ ctx }: { ctx: ServiceContext }): Promise<Map<string, RefundPreview>> {
  const accountId = accountOf(ctx.actor);
  const [{ review }, rows] = await Promise.all([
    nextRefundGoesToReview(ctx.db, accountId, ctx.now),
    ctx.db
      .select({ id: packs.id, gift: packs.paidGift, income: packs.paidIncome, cash: packs.paidCash, voucher: packs.paidVoucher })
      .from(packs)
      .where(and(eq(packs.accountId, accountId), isNotNull(packs.purchaseId))),
  ]);
  return new Map(rows.map((row) => [row.id, { ...refundReturns({ gift: row.gift ?? "0", income: row.income ?? "0", cash: row.cash ?? "0", voucher: row.voucher ?? "0" }), review }]));
}
