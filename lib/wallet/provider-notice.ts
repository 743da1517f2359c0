import "server-only";
import { and, eq } from "drizzle-orm";
import { paymentNotices, topUpOrders, type PaymentNoticeOutcome } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { Dec } from "@/lib/pricing";
import type { ProviderNotice } from "./providers/types";
import { creditTopUpOrder } from "./top-up";

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

function sameAmount(stated: string, ours: string): boolean {
  return AMOUNT.test(stated) && new Dec(stated).equals(ours);
}

/**
 * An authentic provider notice (signature already verified by the provider adapter), handled in
 * one transaction (docs/payments.md): recorded in `payment_notices` with its outcome, and the order
 * credited only when it is ours, pending, of our app, of the same amount to the fen and paid. A
 * crash anywhere before the commit leaves neither the record nor the credit, so the provider's
 * redelivery finds the order as it was. A paid notice we cannot credit is marked for staff.
 */
export async function recordProviderNotice({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { providerId: string; notice: ProviderNotice };
}): Promise<{ outcome: PaymentNoticeOutcome; orderId: string | null }> {
  const { providerId, notice } = input;
  return inTransaction(ctx, async (tx) => {
    const [order] = notice.providerOrderId
      ? await tx.db
          .select()
          .from(topUpOrders)
          .where(and(eq(topUpOrders.provider, providerId), eq(topUpOrders.providerOrderId, notice.providerOrderId)))
      : [];
    let outcome: PaymentNoticeOutcome;
    if (!order) outcome = "unknown-order";
    else if (!notice.ourApp) outcome = "app-mismatch";
    else if (!notice.paid) {
      outcome = "not-paid";
      // The provider closed it (expired unpaid): so do we, unless it was paid meanwhile.
      if (notice.closed) {
        await tx.db
          .update(topUpOrders)
          .set({ status: "closed", closedAt: tx.now })
          .where(and(eq(topUpOrders.id, order.id), eq(topUpOrders.status, "pending")));
      }
    } else if (!sameAmount(notice.amount, order.amount)) outcome = "amount-mismatch";
    else {
      const credited = await creditTopUpOrder(tx, order.id, { providerId, providerTradeNo: notice.providerTradeNo });
      outcome = credited === "closed" ? "closed-order" : credited;
    }
    // Only a paid notice we did not credit needs a person: the money is at the provider, not here.
    const attention = notice.paid && (outcome === "unknown-order" || outcome === "closed-order" || outcome === "amount-mismatch" || outcome === "app-mismatch");
    const [row] = await tx.db
      .insert(paymentNotices)
      .values({
        provider: providerId,
        providerOrderId: notice.providerOrderId.slice(0, 200),
        providerTradeNo: notice.providerTradeNo?.slice(0, 200) ?? null,
        topUpOrderId: order?.id ?? null,
        accountId: order?.accountId ?? null,
        tradeStatus: notice.tradeStatus.slice(0, 64),
        amount: notice.amount.slice(0, 32),
        outcome,
        attention,
        body: notice.fields,
        receivedAt: tx.now,
      })
      .returning({ id: paymentNotices.id });
    if (attention) {
      await recordAudit(tx, {
        action: "wallet.payment-notice-held",
        accountId: order?.accountId ?? null,
        target: row?.id ?? notice.providerOrderId,
        after: { provider: providerId, outcome, amount: notice.amount, providerOrderId: notice.providerOrderId },
      });
    }
    return { outcome, orderId: order?.id ?? null };
  });
}
