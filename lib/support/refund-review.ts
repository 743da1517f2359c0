import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { accounts, packs, refunds } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError } from "@/lib/context";
import { notify } from "@/lib/messaging/notify";
import { completeRefund } from "@/lib/refunds/complete";
import { Dec, formatMoney } from "@/lib/pricing";
import { lockWallet } from "@/lib/wallet/ledger";
import { staffTool, type StaffContext } from "./staff-tool";

const refundId = z.uuid();

/** Locks the account's wallet, the refund and its pack, in the order requestRefund and drawing use. */
async function heldRefund(tx: StaffContext, id: string) {
  const [peek] = await tx.db.select({ accountId: refunds.accountId }).from(refunds).where(eq(refunds.id, id));
  if (!peek) throw new NotFoundError("refund-not-found");
  await lockWallet(tx.db, peek.accountId, tx.now);
  const [refund] = await tx.db.select().from(refunds).where(eq(refunds.id, id)).for("update");
  if (!refund) throw new NotFoundError("refund-not-found");
  if (refund.status !== "pending-review") throw new ConflictError("refund-already-decided", { status: refund.status });
  const [pack] = await tx.db.select().from(packs).where(and(eq(packs.id, refund.packId), eq(packs.accountId, refund.accountId))).for("update");
  if (!pack) throw new Error("a refund's pack exists");
  return { refund, pack };
}

/**
 * Support approves a refund held for review: it completes exactly as an immediate one (SPEC §4, money
 * back to each source it came from) and the customer is told. An account disabled for a violation
 * gets no refund (SPEC §4), so approval is refused then.
 */
export const approveRefund = staffTool({
  roles: ["support", "admin"],
  input: z.object({ refundId }),
  run: async (tx, input) => {
    const { refund, pack } = await heldRefund(tx, input.refundId);
    const [account] = await tx.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, refund.accountId));
    if (account?.status === "disabled") throw new ConflictError("not-refundable", { reason: "account-disabled" });
    const total = new Dec(refund.returnedGift).plus(refund.returnedIncome).plus(refund.returnedCash);
    const returned = { gift: refund.returnedGift, income: refund.returnedIncome, cash: refund.returnedCash, total: total.toFixed(2) };
    await completeRefund(tx, { refundId: refund.id, accountId: refund.accountId, pack, returned });
    await recordAudit(tx, { action: "refund.review-approved", accountId: refund.accountId, target: refund.id, before: { status: "pending-review" }, after: { status: "approved", returned } });
    await notify(tx, { accountId: refund.accountId, kind: "refund-approved", product: null, params: { pack: pack.packSpec ?? pack.api, amount: `¥${formatMoney(total)}` }, dedupeKey: `refund-decided:${refund.id}` });
    return { refundId: refund.id, returned };
  },
});

/** Support rejects a held refund with a reason the customer sees; the pack is released back to usable. */
export const rejectRefund = staffTool({
  roles: ["support", "admin"],
  input: z.object({ refundId, reason: z.string().trim().min(5).max(500) }),
  run: async (tx, input) => {
    const { refund, pack } = await heldRefund(tx, input.refundId);
    await tx.db.update(refunds).set({ status: "rejected", reason: input.reason, decidedAt: tx.now }).where(eq(refunds.id, refund.id));
    await tx.db.update(packs).set({ refundHold: false }).where(eq(packs.id, pack.id));
    await recordAudit(tx, { action: "refund.review-rejected", accountId: refund.accountId, target: refund.id, before: { status: "pending-review" }, after: { status: "rejected", reason: input.reason } });
    await notify(tx, { accountId: refund.accountId, kind: "refund-rejected", product: null, params: { pack: pack.packSpec ?? pack.api, reason: input.reason }, dedupeKey: `refund-decided:${refund.id}` });
    return { refundId: refund.id };
  },
});
