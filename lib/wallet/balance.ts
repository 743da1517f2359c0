import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, ledgerEntries, ledgerTransactions, purchases, topUpOrders, users, vouchers, wallets, type LedgerKind } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { Dec, formatMoney, type ProductId } from "@/lib/pricing";
import { orderNumber } from "./order-number";

export interface WalletView {
  cash: string;
  income: string;
  gift: string;
  frozen: string;
  /** cash + income + gift (SPEC §3); may be negative in arrears. */
  total: string;
}

export interface VoucherView {
  id: string;
  amount: string;
  remaining: string;
  products: ProductId[];
  expiresAt: Date;
  reason: string;
  status: "usable" | "used-up" | "expired";
}

/**
 * One ledger transaction as the customer reads it: the one ledger-row type of the balance page, the
 * finance exports and a bill's month statement.
 */
export interface TransactionView {
  id: string;
  kind: LedgerKind;
  documentType: string;
  documentId: string;
  memo: Record<string, unknown> | null;
  at: Date;
  /** The movement on each of the customer's books, zero books left out; money as two-decimal strings. */
  changes: Partial<Record<CustomerBook, string>>;
  /** cash + income + gift: what the transaction did to the spendable balance (SPEC §3). */
  balanceChange: string;
  /**
   * The member who started the movement (issue 21 item 5): the customer named by the first audit row
   * on the transaction's document (a top-up ordered, a pack bought, a refund asked for). Absent for
   * movements nobody on the account started (a bill settled, a credit from staff, a bank transfer).
   */
  actor?: { userId: string; name: string };
  /** A top-up's or a purchase's order number, as Orders shows it (`TU-…`, `PO-…`, ./order-number.ts). */
  orderNumber?: string;
}

const zeroWallet: WalletView = { cash: "0.00", income: "0.00", gift: "0.00", frozen: "0.00", total: "0.00" };

export async function getWallet({ ctx, accountId = accountOf(ctx.actor) }: { ctx: ServiceContext; accountId?: string }): Promise<WalletView> {
  const [row] = await ctx.db.select().from(wallets).where(eq(wallets.accountId, accountId));
  if (!row) return zeroWallet;
  return {
    cash: formatMoney(row.cash),
    income: formatMoney(row.income),
    gift: formatMoney(row.gift),
    frozen: formatMoney(row.frozen),
    total: formatMoney(new Dec(row.cash).plus(row.income).plus(row.gift)),
  };
}

export function voucherStatus(voucher: { remaining: string; expiresAt: Date }, at: Date): VoucherView["status"] {
  if (at.getTime() >= voucher.expiresAt.getTime()) return "expired";
  return new Dec(voucher.remaining).isZero() ? "used-up" : "usable";
}

export async function listVouchers({ ctx, accountId = accountOf(ctx.actor) }: { ctx: ServiceContext; accountId?: string }): Promise<VoucherView[]> {
  const rows = await ctx.db.select().from(vouchers).where(eq(vouchers.accountId, accountId)).orderBy(vouchers.expiresAt);
  return rows.map((row) => ({
    id: row.id,
    amount: formatMoney(row.amount),
    remaining: formatMoney(row.remaining),
    products: row.products as ProductId[],
    expiresAt: row.expiresAt,
    reason: row.reason,
    status: voucherStatus(row, ctx.now),
  }));
}

/** The books a customer sees move: the spendable sub-accounts (SPEC §3), the frozen estimate (§7.4), vouchers. */
export const customerBooks = ["cash", "income", "gift", "frozen", "voucher"] as const;
export type CustomerBook = (typeof customerBooks)[number];

/**
 * Ledger transactions as the customer reads them: each with the movement on each customer book
 * (zero books left out). One grouped query for all of them; used by the balance page and the
 * month's statement on a bill.
 */
export async function withBookChanges(db: Database, accountId: string, txs: (typeof ledgerTransactions.$inferSelect)[]): Promise<TransactionView[]> {
  if (txs.length === 0) return [];
  const sums = await db
    .select({ transactionId: ledgerEntries.transactionId, book: ledgerEntries.book, amount: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.accountId, accountId), inArray(ledgerEntries.transactionId, txs.map((t) => t.id)), inArray(ledgerEntries.book, [...customerBooks])))
    .groupBy(ledgerEntries.transactionId, ledgerEntries.book);
  const [actors, numbers] = await Promise.all([documentActors(db, accountId, txs.map((t) => t.documentId)), orderNumbers(db, accountId, txs)]);
  return txs.map((t) => {
    const actor = actors.get(t.documentId);
    const number = numbers.get(t.documentId);
    const changes: TransactionView["changes"] = {};
    for (const row of sums) {
      if (row.transactionId !== t.id) continue;
      const amount = new Dec(row.amount);
      // The query keeps customer books only.
      if (!amount.isZero()) changes[row.book as CustomerBook] = formatMoney(amount);
    }
    return {
      id: t.id,
      kind: t.kind,
      documentType: t.documentType,
      documentId: t.documentId,
      memo: (t.memo as Record<string, unknown> | null) ?? null,
      at: t.at,
      changes,
      balanceChange: formatMoney(new Dec(changes.cash ?? "0").plus(changes.income ?? "0").plus(changes.gift ?? "0")),
      ...(actor ? { actor } : {}),
      ...(number ? { orderNumber: number } : {}),
    };
  });
}

/**
 * Who on the account started each document: the earliest audit row by a customer on the account whose
 * target is the document's id (every service audits the document it creates under its id). One query
 * for the page; users joined for the name the member goes by today.
 */
async function documentActors(db: Database, accountId: string, documentIds: string[]): Promise<Map<string, { userId: string; name: string }>> {
  const ids = [...new Set(documentIds)];
  const rows = await db
    .select({ target: auditLog.target, userId: users.id, name: users.name })
    .from(auditLog)
    .innerJoin(users, sql`${users.id}::text = ${auditLog.actorId}`)
    .where(and(eq(auditLog.accountId, accountId), eq(auditLog.actorType, "customer"), inArray(auditLog.target, ids), eq(users.accountId, accountId)))
    .orderBy(asc(auditLog.id));
  const out = new Map<string, { userId: string; name: string }>();
  for (const row of rows) if (row.target !== null && !out.has(row.target)) out.set(row.target, { userId: row.userId, name: row.name });
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The order numbers of the top-ups and purchases among the transactions: the number carries the day
 * the order was made, which for a top-up may be days before it was paid — so read from the order.
 */
async function orderNumbers(db: Database, accountId: string, txs: { documentType: string; documentId: string }[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(txs.filter((t) => t.documentType === type && UUID.test(t.documentId)).map((t) => t.documentId))];
  const topUpIds = idsOf("top-up");
  const purchaseIds = idsOf("purchase");
  const [topUps, bought] = await Promise.all([
    topUpIds.length === 0 ? [] : db.select({ id: topUpOrders.id, createdAt: topUpOrders.createdAt }).from(topUpOrders).where(and(eq(topUpOrders.accountId, accountId), inArray(topUpOrders.id, topUpIds))),
    purchaseIds.length === 0 ? [] : db.select({ id: purchases.id, createdAt: purchases.createdAt }).from(purchases).where(and(eq(purchases.accountId, accountId), inArray(purchases.id, purchaseIds))),
  ]);
  const out = new Map<string, string>();
  for (const row of topUps) out.set(row.id, orderNumber("top-up", row.id, row.createdAt));
  for (const row of bought) out.set(row.id, orderNumber("purchase", row.id, row.createdAt));
  return out;
}

/** The account's ledger transactions, newest first, each with what it did to the customer's books. */
export async function listTransactions({ ctx, limit = 50 }: { ctx: ServiceContext; limit?: number }): Promise<TransactionView[]> {
  const accountId = accountOf(ctx.actor);
  const txs = await ctx.db
    .select()
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.accountId, accountId))
    .orderBy(desc(ledgerTransactions.at), desc(ledgerTransactions.id))
    .limit(limit);
  return withBookChanges(ctx.db, accountId, txs);
}
