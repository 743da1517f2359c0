import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { accounts, vouchers, wallets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { notify } from "@/lib/messaging/notify";
import { Dec, formatYuan } from "@/lib/pricing";
import { restoreIfSettled } from "./account-status";
import { lockWallet, postLedger } from "./ledger";
import { assertOperator } from "./operator";
import type { CreditInput, VoucherGrantInput } from "./schemas";

async function requireAccount(ctx: ServiceContext, accountId: string): Promise<void> {
  const [row] = await ctx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new NotFoundError("account-not-found", { accountId });
}

/**
 * API.md §2 `credit`: money received outside the console (a bank transfer, to cash) or a goodwill
 * gift (to gift). A credit that brings the balance to ≥ 0 restores an account in arrears (SPEC §6).
 */
export async function creditAccount({ ctx, input }: { ctx: ServiceContext; input: CreditInput }): Promise<{ transactionId: string; restored: boolean }> {
  assertOperator(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await requireAccount(tx, input.accountId);
    await lockWallet(tx.db, input.accountId, tx.now);
    const amount = new Dec(input.amount);
    const creditId = randomUUID();
    const posted = await postLedger(tx.db, {
      accountId: input.accountId,
      kind: "credit",
      idempotencyKey: `credit:${creditId}`,
      documentType: "credit",
      documentId: creditId,
      memo: { reason: input.reason, to: input.to },
      at: tx.now,
      lines:
        input.to === "cash"
          ? [
              { book: "external", amount: amount.negated() },
              { book: "cash", amount },
            ]
          : [
              { book: "promotion", amount: amount.negated() },
              { book: "gift", amount },
            ],
    });
    await recordAudit(tx, { action: "wallet.credit", accountId: input.accountId, target: posted.transactionId, after: { amount: amount.toFixed(2), to: input.to, reason: input.reason } });
    // A goodwill credit is news to the customer (issue 19 item 7); a bank transfer to cash is their own money arriving.
    if (input.to === "gift") {
      await notify(tx, { accountId: input.accountId, kind: "goodwill-credit", product: null, params: { amount: formatYuan(amount), reason: input.reason }, dedupeKey: `credit:${creditId}` });
    }
    const [after] = await tx.db.select().from(wallets).where(eq(wallets.accountId, input.accountId));
    const restored = after ? await restoreIfSettled(tx, input.accountId, after) : false;
    return { transactionId: posted.transactionId, restored };
  });
}

/** Grants a voucher (代金券, SPEC §3): its amount enters the voucher's own book from the promotion book. */
export async function grantVoucher({ ctx, input }: { ctx: ServiceContext; input: VoucherGrantInput }): Promise<{ voucherId: string }> {
  assertOperator(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await requireAccount(tx, input.accountId);
    await lockWallet(tx.db, input.accountId, tx.now);
    const amount = new Dec(input.amount);
    // Inserted empty, then filled by the ledger posting, so its remaining is the sum of its entries.
    const [voucher] = await tx.db
      .insert(vouchers)
      .values({
        accountId: input.accountId,
        amount: amount.toFixed(2),
        remaining: "0",
        products: [...input.products],
        expiresAt: input.expiresAt,
        reason: input.reason,
        grantedAt: tx.now,
      })
      .returning({ id: vouchers.id });
    if (!voucher) throw new Error("voucher insert returned nothing");
    await postLedger(tx.db, {
      accountId: input.accountId,
      kind: "voucher-grant",
      idempotencyKey: `voucher-grant:${voucher.id}`,
      documentType: "voucher",
      documentId: voucher.id,
      memo: { reason: input.reason },
      at: tx.now,
      lines: [
        { book: "promotion", amount: amount.negated() },
        { book: "voucher", voucherId: voucher.id, amount },
      ],
    });
    await recordAudit(tx, {
      action: "wallet.voucher-granted",
      accountId: input.accountId,
      target: voucher.id,
      after: { amount: amount.toFixed(2), products: input.products, expiresAt: input.expiresAt.toISOString() },
    });
    return { voucherId: voucher.id };
  });
}
