import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { accounts, packs, refunds } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { formatYuan, packRefundability, productOfPack, refundReturns } from "@/lib/pricing";
import { notify } from "@/lib/messaging/notify";
import { assertRefundLeavesInvoicesCovered } from "@/lib/invoices/request";
import { lockWallet } from "@/lib/wallet/ledger";
import { completeRefund } from "./complete";
import { nextRefundGoesToReview } from "./preview";

// The review rule lives beside the preview the confirmation dialog shows, so both say the same.
export { REFUNDS_BEFORE_REVIEW, REVIEW_WINDOW_DAYS } from "./preview";

export const refundInput = z.object({ packId: z.uuid() });
export type RefundInput = z.infer<typeof refundInput>;

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
        product: productOfPack(pack.api),
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
    // Issue 20 item 4: money that was invoiced goes back only after the invoice is reversed (红冲).
    await assertRefundLeavesInvoicesCovered(tx, accountId, pack.purchaseId, returned.cash);
    const { review, recentRefunds } = await nextRefundGoesToReview(tx.db, accountId, tx.now);

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
      await recordAudit(tx, { action: "refund.pending-review", accountId, target: refund.id, after: { packId: pack.id, recentRefunds } });
      return { refundId: refund.id, status: "pending-review", returned };
    }

    await completeRefund(tx, { refundId: refund.id, accountId, pack, returned });
    await recordAudit(tx, { action: "refund.approved", accountId, target: refund.id, before: { pack: pack.id, remaining: pack.remaining }, after: { status: "approved", returned } });
    // Approved at once is told like approved after review (issue 19 item 7): what went back, where it shows.
    await notify(tx, { accountId, kind: "refund-complete", product: null, params: { pack: pack.packSpec ?? pack.api, amount: formatYuan(returned.total) }, dedupeKey: `refund-decided:${refund.id}` });
    return { refundId: refund.id, status: "approved", returned };
  });
}
