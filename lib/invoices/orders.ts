import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ACTIVE_INVOICE_STATUSES, invoiceOrders, invoices, purchases, refunds } from "@/db/schema";
import { Dec } from "@/lib/pricing";

export interface InvoiceableOrder {
  id: string;
  item: string;
  quantity: number;
  createdAt: Date;
  month: string;
  /** Cash it paid, less cash its refunds returned (or may return): what an invoice by orders covers. */
  cash: string;
}

/**
 * The account's orders an invoice by orders may cover: paid (partly) with cash, not fully refunded,
 * not on another live invoice. `only` narrows to given ids (a request's own, checked again under the lock).
 */
export async function invoiceableOrders(db: Database, accountId: string, only?: string[]): Promise<InvoiceableOrder[]> {
  const refunded = db
    .select({ purchaseId: refunds.purchaseId, cash: sql<string>`sum(${refunds.returnedCash})`.as("refunded_cash") })
    .from(refunds)
    .where(and(eq(refunds.accountId, accountId), inArray(refunds.status, ["approved", "pending-review"])))
    .groupBy(refunds.purchaseId)
    .as("refunded");
  const rows = await db
    .select({
      id: purchases.id,
      item: purchases.item,
      quantity: purchases.quantity,
      createdAt: purchases.createdAt,
      month: sql<string>`to_char((${purchases.createdAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`,
      paidCash: purchases.paidCash,
      refundedCash: refunded.cash,
    })
    .from(purchases)
    .leftJoin(refunded, eq(refunded.purchaseId, purchases.id))
    .where(
      and(
        eq(purchases.accountId, accountId),
        sql`${purchases.paidCash} > 0`,
        only ? inArray(purchases.id, only.length ? only : ["00000000-0000-0000-0000-000000000000"]) : undefined,
        sql`not exists (select 1 from ${invoiceOrders} join ${invoices} on ${invoices.id} = ${invoiceOrders.invoiceId}
                        where ${invoiceOrders.purchaseId} = ${purchases.id} and ${inArray(invoices.status, [...ACTIVE_INVOICE_STATUSES])})`,
      ),
    )
    .orderBy(desc(purchases.createdAt))
    .limit(100);
  return rows
    .map((r) => ({ id: r.id, item: r.item, quantity: r.quantity, createdAt: r.createdAt, month: r.month, cash: new Dec(r.paidCash).minus(r.refundedCash ?? "0").toFixed(2) }))
    .filter((r) => new Dec(r.cash).greaterThan(0));
}
