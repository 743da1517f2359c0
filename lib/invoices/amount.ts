import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ACTIVE_INVOICE_STATUSES, invoiceOrders, invoices, ledgerEntries, ledgerTransactions, purchases, refunds } from "@/db/schema";
import { Dec } from "@/lib/pricing";

/**
 * The invoiceable amount (issue 20 item 4; the reading in docs/payments.md "Invoices"):
 *
 *   paid in   = real money into the cash balance: Alipay and other provider top-ups, bank transfers,
 *               operators' cash credits (the `external` book); NOT sandbox top-ups (test money), gift
 *               money or vouchers, which never touch `external`.
 *   consumed  = what cash paid for: purchases' cash part + bills' cash part
 *               − cash returned by refunds (approved, and held for review: it may still go back).
 *   invoiced  = invoices requested, issued or awaiting a red-letter reversal.
 *   invoiceable = min(paid in, consumed) − invoiced, never below zero.
 *
 * Per month (Asia/Shanghai; a purchase and its refunds count in the purchase's month, a bill in the
 * month it bills) the same consumption less what is invoiced for that month (by month, or by orders
 * bought in it) bounds an invoice for that month or for orders of it.
 */
export interface Invoiceable {
  paidIn: string;
  sandboxExcluded: string;
  spent: string;
  refunded: string;
  consumed: string;
  invoiced: string;
  invoiceable: string;
  months: { month: string; consumed: string; invoiced: string; available: string }[];
}

const shanghaiMonth = (column: unknown) => sql<string>`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

function add(map: Map<string, Dec>, key: string, value: string | Dec | null): void {
  if (value === null) return;
  map.set(key, (map.get(key) ?? new Dec(0)).plus(value));
}

export async function invoiceableAmount(db: Database, accountId: string): Promise<Invoiceable> {
  const [external] = await db
    .select({
      total: sql<string | null>`-sum(${ledgerEntries.amount})`,
      sandbox: sql<string | null>`-sum(${ledgerEntries.amount}) filter (where ${ledgerTransactions.kind} = 'top-up' and ${ledgerTransactions.memo}->>'provider' = 'sandbox')`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(and(eq(ledgerEntries.accountId, accountId), eq(ledgerEntries.book, "external")));
  const sandbox = new Dec(external?.sandbox ?? "0");
  const paidIn = new Dec(external?.total ?? "0").minus(sandbox);

  const spentByMonth = new Map<string, Dec>();
  const refundedByMonth = new Map<string, Dec>();
  const invoicedByMonth = new Map<string, Dec>();
  const bought = await db
    .select({ month: shanghaiMonth(purchases.createdAt), cash: sql<string>`sum(${purchases.paidCash})` })
    .from(purchases)
    .where(eq(purchases.accountId, accountId))
    .groupBy(shanghaiMonth(purchases.createdAt));
  for (const row of bought) add(spentByMonth, row.month, row.cash);
  const billed = await db
    .select({ month: sql<string>`${ledgerTransactions.memo}->>'month'`, cash: sql<string>`-sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(and(eq(ledgerEntries.accountId, accountId), eq(ledgerEntries.book, "cash"), eq(ledgerTransactions.kind, "bill")))
    .groupBy(sql`${ledgerTransactions.memo}->>'month'`);
  for (const row of billed) add(spentByMonth, row.month, row.cash);
  const returned = await db
    .select({ month: shanghaiMonth(purchases.createdAt), cash: sql<string>`sum(${refunds.returnedCash})` })
    .from(refunds)
    .innerJoin(purchases, eq(purchases.id, refunds.purchaseId))
    .where(and(eq(refunds.accountId, accountId), inArray(refunds.status, ["approved", "pending-review"])))
    .groupBy(shanghaiMonth(purchases.createdAt));
  for (const row of returned) add(refundedByMonth, row.month, row.cash);

  const active = [...ACTIVE_INVOICE_STATUSES];
  const [invoicedRow] = await db
    .select({ total: sql<string | null>`sum(${invoices.amount})` })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), inArray(invoices.status, active)));
  const byMonth = await db
    .select({ month: invoices.month, total: sql<string>`sum(${invoices.amount})` })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), inArray(invoices.status, active), eq(invoices.basis, "month")))
    .groupBy(invoices.month);
  for (const row of byMonth) if (row.month) add(invoicedByMonth, row.month, row.total);
  const byOrders = await db
    .select({ month: shanghaiMonth(purchases.createdAt), total: sql<string>`sum(${purchases.paidCash})` })
    .from(invoiceOrders)
    .innerJoin(invoices, eq(invoices.id, invoiceOrders.invoiceId))
    .innerJoin(purchases, eq(purchases.id, invoiceOrders.purchaseId))
    .where(and(eq(invoices.accountId, accountId), inArray(invoices.status, active)))
    .groupBy(shanghaiMonth(purchases.createdAt));
  for (const row of byOrders) add(invoicedByMonth, row.month, row.total);

  const sum = (map: Map<string, Dec>) => [...map.values()].reduce((a, b) => a.plus(b), new Dec(0));
  const spent = sum(spentByMonth);
  const refunded = sum(refundedByMonth);
  const consumed = spent.minus(refunded);
  const invoiced = new Dec(invoicedRow?.total ?? "0");
  const invoiceable = Dec.max(0, Dec.min(paidIn, consumed).minus(invoiced));
  const months = [...new Set([...spentByMonth.keys(), ...invoicedByMonth.keys()])]
    .sort()
    .reverse()
    .map((month) => {
      const used = (spentByMonth.get(month) ?? new Dec(0)).minus(refundedByMonth.get(month) ?? 0);
      const done = invoicedByMonth.get(month) ?? new Dec(0);
      return { month, consumed: used.toFixed(2), invoiced: done.toFixed(2), available: Dec.max(0, Dec.min(used.minus(done), invoiceable)).toFixed(2) };
    });
  return {
    paidIn: paidIn.toFixed(2),
    sandboxExcluded: sandbox.toFixed(2),
    spent: spent.toFixed(2),
    refunded: refunded.toFixed(2),
    consumed: consumed.toFixed(2),
    invoiced: invoiced.toFixed(2),
    invoiceable: invoiceable.toFixed(2),
    months,
  };
}
