import "server-only";
import { eq } from "drizzle-orm";
import { packs, refunds } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { Dec } from "@/lib/pricing";
import { postLedger } from "@/lib/wallet/ledger";

export interface RefundReturns {
  gift: string;
  income: string;
  cash: string;
  total: string;
}

/**
 * Pays a refund out (SPEC §4): each of gift, income and cash gets back what it paid for the pack,
 * the voucher part is not returned, and the pack can never be drawn again. The one implementation for
 * an approval at request time and an approval after support's review. The caller holds the wallet and
 * pack locks and owns the transaction.
 */
export async function completeRefund(
  tx: ServiceContext,
  { refundId, accountId, pack, returned }: { refundId: string; accountId: string; pack: { id: string; packSpec: string | null; purchaseId: string | null }; returned: RefundReturns },
): Promise<void> {
  const posted = await postLedger(tx.db, {
    accountId,
    kind: "refund",
    idempotencyKey: `refund:${refundId}`,
    documentType: "refund",
    documentId: refundId,
    memo: { packId: pack.id, pack: pack.packSpec, purchaseId: pack.purchaseId },
    at: tx.now,
    lines: [
      { book: "revenue", amount: new Dec(returned.total).negated() },
      { book: "gift", amount: new Dec(returned.gift) },
      { book: "income", amount: new Dec(returned.income) },
      { book: "cash", amount: new Dec(returned.cash) },
    ],
  });
  await tx.db.update(refunds).set({ status: "approved", decidedAt: tx.now, ledgerTransactionId: posted.transactionId }).where(eq(refunds.id, refundId));
  await tx.db.update(packs).set({ refundedAt: tx.now, refundHold: false }).where(eq(packs.id, pack.id));
}
