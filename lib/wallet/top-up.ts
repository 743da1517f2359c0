import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { topUpOrders, wallets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notify } from "@/lib/messaging/notify";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { Dec, formatYuan } from "@/lib/pricing";
import { restoreIfSettled } from "./account-status";
import { lockWallet, postLedger } from "./ledger";
import type { PaymentNotice, PaymentProvider } from "./providers/types";
import type { TopUpInput } from "./schemas";

export interface CreatedTopUp {
  orderId: string;
  redirectUrl: string;
}

/** Starts a top-up (SPEC §3): records a pending order and asks the provider where the customer pays. */
export async function createTopUp({
  ctx,
  input,
  provider,
  returnUrl,
  device = "desktop",
  timeoutMinutes = null,
}: {
  ctx: ServiceContext;
  input: TopUpInput;
  provider: PaymentProvider;
  /** Where the provider sends the customer back; `{order}` is replaced by the order's id. */
  returnUrl: string;
  device?: "desktop" | "phone";
  /** An unpaid order closes this long after it was created (null: never, the sandbox). */
  timeoutMinutes?: number | null;
}): Promise<CreatedTopUp> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  const orderId = randomUUID();
  const amount = new Dec(input.amount).toFixed(2);
  const expiresAt = timeoutMinutes === null ? null : new Date(ctx.now.getTime() + timeoutMinutes * 60_000);
  // The provider is asked first, outside the database transaction: a real one is a network call.
  const checkout = await provider.createCheckout({
    orderId,
    amount,
    description: "Top-up",
    returnUrl: returnUrl.replaceAll("{order}", orderId),
    device,
    expiresAt,
  });
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(topUpOrders).values({
      id: orderId,
      accountId,
      amount,
      provider: provider.id,
      providerOrderId: checkout.providerOrderId,
      status: "pending",
      createdAt: tx.now,
      expiresAt,
      channel: checkout.channel,
    });
    await recordAudit(tx, { action: "wallet.top-up-created", accountId, target: orderId, after: { amount, provider: provider.id } });
  });
  return { orderId, redirectUrl: checkout.redirectUrl };
}

/**
 * A provider's verified "paid" notice: credits cash once. Providers deliver callbacks at least once
 * and sometimes many times at once; the wallet lock serializes them and the order's status (plus the
 * ledger's idempotency key `top-up:<order>`) makes every delivery after the first a no-op.
 */
export async function confirmTopUp({
  ctx,
  providerId,
  notice,
}: {
  ctx: ServiceContext;
  providerId: string;
  notice: PaymentNotice;
}): Promise<{ orderId: string; credited: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const [found] = await tx.db
      .select()
      .from(topUpOrders)
      .where(and(eq(topUpOrders.provider, providerId), eq(topUpOrders.providerOrderId, notice.providerOrderId)));
    if (!found || found.id !== notice.orderId) throw new NotFoundError("top-up-not-found");
    if (!new Dec(found.amount).equals(notice.amount)) throw new ConflictError("top-up-amount-mismatch", { expected: found.amount, got: notice.amount });
    const outcome = await creditTopUpOrder(tx, found.id, { providerId, providerTradeNo: null });
    if (outcome === "closed") throw new ConflictError("top-up-closed");
    return { orderId: found.id, credited: outcome === "credited" };
  });
}

/**
 * Credits a pending top-up order inside the caller's transaction, under the wallet lock and the
 * order row's lock (FOR UPDATE), so concurrent or repeated notices credit once: the first turns it
 * `paid`, the rest find it so. A closed order is never credited (its money needs staff).
 */
export async function creditTopUpOrder(
  tx: ServiceContext,
  orderId: string,
  { providerId, providerTradeNo }: { providerId: string; providerTradeNo: string | null },
): Promise<"credited" | "duplicate" | "closed"> {
  const [unlocked] = await tx.db.select({ accountId: topUpOrders.accountId }).from(topUpOrders).where(eq(topUpOrders.id, orderId));
  if (!unlocked) throw new NotFoundError("top-up-not-found");
  await lockWallet(tx.db, unlocked.accountId, tx.now);
  const [order] = await tx.db.select().from(topUpOrders).where(eq(topUpOrders.id, orderId)).for("update");
  if (!order) throw new NotFoundError("top-up-not-found");
  if (order.status === "paid") return "duplicate";
  if (order.status !== "pending") return "closed";
  const amount = new Dec(order.amount);
  const posted = await postLedger(tx.db, {
    accountId: order.accountId,
    kind: "top-up",
    idempotencyKey: `top-up:${order.id}`,
    documentType: "top-up",
    documentId: order.id,
    memo: { provider: providerId, providerOrderId: order.providerOrderId, ...(providerTradeNo ? { providerTradeNo } : {}) },
    at: tx.now,
    lines: [
      { book: "external", amount: amount.negated() },
      { book: "cash", amount },
    ],
  });
  await tx.db
    .update(topUpOrders)
    .set({ status: "paid", paidAt: tx.now, ledgerTransactionId: posted.transactionId, ...(providerTradeNo ? { providerTradeNo } : {}) })
    .where(eq(topUpOrders.id, order.id));
  await recordAudit(tx, { action: "wallet.top-up-paid", accountId: order.accountId, target: order.id, before: { status: order.status }, after: { status: "paid", amount: order.amount } });
  const [after] = await tx.db.select().from(wallets).where(eq(wallets.accountId, order.accountId));
  if (after) await restoreIfSettled(tx, order.accountId, after);
  await notify(tx, { accountId: order.accountId, kind: "top-up-complete", product: null, params: { amount: formatYuan(amount) }, dedupeKey: `top-up:${order.id}` });
  return "credited";
}

/** An order as the sandbox checkout page and the balance page show it. */
export async function findTopUpOrder(ctx: ServiceContext, orderId: string) {
  const [order] = await ctx.db.select().from(topUpOrders).where(eq(topUpOrders.id, orderId));
  return order ?? null;
}
