import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { ACTIVE_INVOICE_STATUSES, invoiceOrders, invoices, purchases } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, ValidationError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { Dec, monthOf } from "@/lib/pricing";
import { lockWallet } from "@/lib/wallet/ledger";
import { invoiceableAmount } from "./amount";
import { invoiceableOrders } from "./orders";
import { invoiceRequestInput, reversalInput, type InvoiceRequestInput } from "./schemas";
import { ownTitle, specialReady } from "./titles";

export type InvoiceRow = typeof invoices.$inferSelect;
export interface InvoiceTitleSnapshot {
  companyName: string;
  taxId: string;
  address: string | null;
  phone: string | null;
  bankName: string | null;
  bankAccount: string | null;
}

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } }): T {
  if (result.success) return result.data;
  throw new ValidationError(String(result.error.issues[0]?.path[0] ?? "input"));
}

/**
 * Asks for an invoice (issue 20 item 4). Under the wallet lock, so two requests at once (or a request
 * and a refund) are serialized: the second sees the first's amount as invoiced and cannot exceed
 * what is invoiceable. By month: any amount up to what that month has left; by orders: exactly the
 * cash the chosen orders paid (less refunds), none already on a live invoice.
 */
export async function requestInvoice({ ctx, input }: { ctx: ServiceContext; input: InvoiceRequestInput }): Promise<{ invoiceId: string; amount: string }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  const data = parsed(invoiceRequestInput.safeParse(input));
  return inTransaction(ctx, async (tx) => {
    await lockWallet(tx.db, accountId, tx.now);
    const title = await ownTitle(tx, accountId, data.titleId);
    if (!title) throw new ValidationError("titleId", "invoice-title-not-found");
    if (data.type === "special" && !specialReady(title)) throw new ValidationError("type", "invoice-special-needs-bank");
    const figures = await invoiceableAmount(tx.db, accountId);
    const invoiceable = new Dec(figures.invoiceable);
    let amount: Dec;
    let orderIds: string[] = [];
    if (data.basis === "month") {
      amount = new Dec(data.amount ?? "0");
      const month = figures.months.find((m) => m.month === data.month);
      const available = Dec.min(invoiceable, month?.available ?? "0");
      if (amount.greaterThan(available)) throw new ValidationError("amount", "invoice-over-invoiceable", { available: available.toFixed(2) });
    } else {
      const ids = [...new Set(data.orderIds ?? [])];
      const orders = await invoiceableOrders(tx.db, accountId, ids);
      if (orders.length !== ids.length) throw new ValidationError("orderIds", "invoice-order-not-invoiceable");
      amount = orders.reduce((sum, o) => sum.plus(o.cash), new Dec(0));
      // An order's month may already be invoiced by month: the month's room bounds its orders too.
      const perMonth = new Map<string, Dec>();
      for (const o of orders) perMonth.set(o.month, (perMonth.get(o.month) ?? new Dec(0)).plus(o.cash));
      for (const [month, cash] of perMonth) {
        const room = figures.months.find((m) => m.month === month)?.available ?? "0";
        if (cash.greaterThan(room)) throw new ValidationError("orderIds", "invoice-over-invoiceable", { available: new Dec(room).toFixed(2) });
      }
      if (amount.greaterThan(invoiceable)) throw new ValidationError("orderIds", "invoice-over-invoiceable", { available: invoiceable.toFixed(2) });
      orderIds = orders.map((o) => o.id);
    }
    const snapshot: InvoiceTitleSnapshot = { companyName: title.companyName, taxId: title.taxId, address: title.address, phone: title.phone, bankName: title.bankName, bankAccount: title.bankAccount };
    const [row] = await tx.db
      .insert(invoices)
      .values({
        accountId,
        type: data.type,
        amount: amount.toFixed(2),
        basis: data.basis,
        month: data.basis === "month" ? (data.month ?? null) : null,
        title: snapshot,
        email: data.email,
        status: "requested",
        requestedAt: tx.now,
      })
      .returning({ id: invoices.id });
    if (!row) throw new Error("invoice insert returned nothing");
    if (orderIds.length) await tx.db.insert(invoiceOrders).values(orderIds.map((purchaseId) => ({ invoiceId: row.id, purchaseId })));
    await recordAudit(tx, {
      action: "invoice.requested",
      accountId,
      target: row.id,
      after: { amount: amount.toFixed(2), type: data.type, basis: data.basis, month: data.month ?? null, orders: orderIds.length, companyName: title.companyName },
    });
    return { invoiceId: row.id, amount: amount.toFixed(2) };
  });
}

/** The customer asks for a red-letter reversal (红冲) of an issued invoice, e.g. before a refund. */
export async function requestReversal({ ctx, input }: { ctx: ServiceContext; input: { invoiceId: string; reason: string } }): Promise<{ invoiceId: string }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  const data = parsed(reversalInput.safeParse(input));
  return inTransaction(ctx, async (tx) => {
    await lockWallet(tx.db, accountId, tx.now);
    const [invoice] = await tx.db.select().from(invoices).where(and(eq(invoices.id, data.invoiceId), eq(invoices.accountId, accountId))).for("update");
    if (!invoice) throw new NotFoundError("invoice-not-found");
    if (invoice.status !== "issued") throw new ConflictError("invoice-not-issued", { status: invoice.status });
    await tx.db.update(invoices).set({ status: "reversal-requested", reversalReason: data.reason }).where(eq(invoices.id, invoice.id));
    await recordAudit(tx, { action: "invoice.reversal-requested", accountId, target: invoice.id, before: { status: "issued" }, after: { status: "reversal-requested", number: invoice.invoiceNumber ?? "", reason: data.reason } });
    return { invoiceId: invoice.id };
  });
}

export async function listInvoices({ ctx }: { ctx: ServiceContext }): Promise<(InvoiceRow & { hasFile: boolean })[]> {
  const accountId = accountOf(ctx.actor);
  const rows = await ctx.db.select().from(invoices).where(eq(invoices.accountId, accountId)).orderBy(desc(invoices.requestedAt)).limit(200);
  return rows.map((r) => ({ ...r, hasFile: r.invoiceNumber !== null }));
}

/**
 * A refund must not leave more invoiced than consumed (issue 20 item 4): an order on a live invoice,
 * or a refund that would take its month's (or the account's) consumption below what is invoiced,
 * needs the invoice reversed first (红冲). Called by lib/refunds under the wallet lock.
 */
export async function assertRefundLeavesInvoicesCovered(ctx: ServiceContext, accountId: string, purchaseId: string, cash: string): Promise<void> {
  const [onInvoice] = await ctx.db
    .select({ number: invoices.invoiceNumber, status: invoices.status })
    .from(invoiceOrders)
    .innerJoin(invoices, eq(invoices.id, invoiceOrders.invoiceId))
    .where(and(eq(invoiceOrders.purchaseId, purchaseId), inArray(invoices.status, [...ACTIVE_INVOICE_STATUSES])));
  if (onInvoice) throw new ConflictError("invoice-reversal-required", { number: onInvoice.number ?? "—" });
  const returned = new Dec(cash);
  if (returned.isZero()) return;
  const figures = await invoiceableAmount(ctx.db, accountId);
  const [bought] = await ctx.db.select({ createdAt: purchases.createdAt }).from(purchases).where(eq(purchases.id, purchaseId));
  const month = bought ? monthOf(bought.createdAt) : "";
  const m = figures.months.find((x) => x.month === month);
  const monthShort = m ? new Dec(m.consumed).minus(returned).lessThan(m.invoiced) : false;
  const totalShort = Dec.min(figures.paidIn, new Dec(figures.consumed).minus(returned)).lessThan(figures.invoiced);
  if (monthShort || totalShort) {
    const [latest] = await ctx.db
      .select({ number: invoices.invoiceNumber })
      .from(invoices)
      .where(and(eq(invoices.accountId, accountId), inArray(invoices.status, [...ACTIVE_INVOICE_STATUSES])))
      .orderBy(desc(invoices.requestedAt))
      .limit(1);
    throw new ConflictError("invoice-reversal-required", { number: latest?.number ?? "—" });
  }
}
