import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import { topUpOrders } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import type { PaymentProvider } from "./providers/types";

/** Marks a pending order closed; a no-op when a notice credited it meanwhile (the row decides). */
async function markClosed(ctx: ServiceContext, orderId: string, reason: "abandoned" | "expired"): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const closed = await tx.db
      .update(topUpOrders)
      .set({ status: "closed", closedAt: tx.now })
      .where(and(eq(topUpOrders.id, orderId), eq(topUpOrders.status, "pending")))
      .returning({ accountId: topUpOrders.accountId });
    const [row] = closed;
    if (!row) return false;
    await recordAudit(tx, { action: "wallet.top-up-closed", accountId: row.accountId, target: orderId, before: { status: "pending" }, after: { status: "closed", reason } });
    return true;
  });
}

/**
 * Closes one unpaid order at the provider, then here (docs/payments.md). If the provider says it was
 * paid, nothing is closed: the paid notice is on its way and credits it (the query never does).
 */
async function closeAtProvider(ctx: ServiceContext, provider: PaymentProvider, order: { id: string; providerOrderId: string }, reason: "abandoned" | "expired"): Promise<"closed" | "paid-at-provider" | "already"> {
  if (provider.queryTrade) {
    const state = await provider.queryTrade(order.providerOrderId);
    if (state.state === "paid") return "paid-at-provider";
  }
  await provider.closeTrade?.(order.providerOrderId);
  return (await markClosed(ctx, order.id, reason)) ? "closed" : "already";
}

/** The customer abandons their own pending order (the order page's "Cancel payment"). */
export async function abandonTopUp({ ctx, input, provider }: { ctx: ServiceContext; input: { orderId: string }; provider: PaymentProvider }) {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  const [order] = await ctx.db.select().from(topUpOrders).where(eq(topUpOrders.id, input.orderId));
  if (!order || order.accountId !== accountId || order.provider !== provider.id) throw new NotFoundError("top-up-not-found");
  if (order.status !== "pending") return { result: "already" as const };
  return { result: await closeAtProvider(ctx, provider, order, "abandoned") };
}

/** run-due: every pending order of this provider past its `expires_at`, oldest first, at most `limit`. */
export async function closeExpiredTopUps({ ctx, provider, limit = 200 }: { ctx: ServiceContext; provider: PaymentProvider; limit?: number }) {
  const due = await ctx.db
    .select({ id: topUpOrders.id, providerOrderId: topUpOrders.providerOrderId })
    .from(topUpOrders)
    .where(and(eq(topUpOrders.provider, provider.id), eq(topUpOrders.status, "pending"), lte(topUpOrders.expiresAt, ctx.now)))
    .orderBy(asc(topUpOrders.expiresAt))
    .limit(limit);
  const report = { closed: 0, paidAtProvider: 0, failed: 0 };
  for (const order of due) {
    try {
      const result = await closeAtProvider(ctx, provider, order, "expired");
      if (result === "closed") report.closed += 1;
      if (result === "paid-at-provider") report.paidAtProvider += 1;
    } catch {
      // The provider unreachable: the next run tries again; the order stays pending meanwhile.
      report.failed += 1;
    }
  }
  return report;
}
