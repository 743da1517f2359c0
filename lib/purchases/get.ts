import "server-only";
import { and, eq } from "drizzle-orm";
import { purchases } from "@/db/schema";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { formatMoney } from "@/lib/pricing";

/** One of the actor's own purchases, with its payment split. */
export async function getPurchase({ ctx, purchaseId }: { ctx: ServiceContext; purchaseId: string }) {
  const [row] = await ctx.db
    .select()
    .from(purchases)
    .where(and(eq(purchases.id, purchaseId), eq(purchases.accountId, accountOf(ctx.actor))));
  if (!row) throw new NotFoundError("purchase-not-found");
  return {
    id: row.id,
    item: row.item,
    kind: row.kind,
    product: row.product,
    quantity: row.quantity,
    period: row.period,
    periods: row.periods,
    amount: formatMoney(row.amount),
    paid: { voucher: formatMoney(row.paidVoucher), gift: formatMoney(row.paidGift), income: formatMoney(row.paidIncome), cash: formatMoney(row.paidCash) },
    createdAt: row.createdAt,
  };
}
