import "server-only";
import { desc, eq } from "drizzle-orm";
import { accounts, paymentNotices } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";

export interface HeldPaymentNotice {
  id: string;
  provider: string;
  providerOrderId: string;
  providerTradeNo: string | null;
  accountId: string | null;
  accountName: string | null;
  amount: string;
  outcome: string;
  receivedAt: Date;
}

/**
 * Paid notices we did not credit (docs/payments.md): a closed or unknown order, a wrong amount or
 * app id. The money is at the provider: staff refund it there or credit it by hand (`ops credit`).
 * Newest first, at most 50.
 */
export async function heldPaymentNotices({ ctx }: { ctx: ServiceContext }): Promise<HeldPaymentNotice[]> {
  assertStaff(ctx.actor);
  return ctx.db
    .select({
      id: paymentNotices.id,
      provider: paymentNotices.provider,
      providerOrderId: paymentNotices.providerOrderId,
      providerTradeNo: paymentNotices.providerTradeNo,
      accountId: paymentNotices.accountId,
      accountName: accounts.name,
      amount: paymentNotices.amount,
      outcome: paymentNotices.outcome,
      receivedAt: paymentNotices.receivedAt,
    })
    .from(paymentNotices)
    .leftJoin(accounts, eq(accounts.id, paymentNotices.accountId))
    .where(eq(paymentNotices.attention, true))
    .orderBy(desc(paymentNotices.receivedAt))
    .limit(50);
}
