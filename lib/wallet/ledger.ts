import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ledgerEntries, ledgerTransactions, vouchers, wallets, type LedgerBook, type LedgerKind, type WalletBook } from "@/db/schema";
import { Dec } from "@/lib/pricing";
import { runBalanceMovedHooks } from "./posting-hooks";

export type WalletRow = typeof wallets.$inferSelect;

/** One side of a ledger transaction. A positive amount adds to the book's balance. */
export interface LedgerLine {
  book: LedgerBook;
  amount: Dec;
  voucherId?: string;
}

export interface LedgerPosting {
  accountId: string;
  kind: LedgerKind;
  idempotencyKey: string;
  documentType: string;
  documentId: string;
  memo?: Record<string, unknown>;
  at: Date;
  lines: LedgerLine[];
}

export class UnbalancedLedgerError extends Error {
  constructor(sum: string) {
    super(`ledger transaction does not balance: entries sum to ${sum}`);
    this.name = "UnbalancedLedgerError";
  }
}

/**
 * Locks the account's wallet row (creating it on first use) for the rest of the transaction.
 * Every money move of an account takes this lock first, so they run one after another and each
 * sees the balance the previous one left (the lock is trivially held on PGlite's one connection).
 */
export async function lockWallet(db: Database, accountId: string, at: Date): Promise<WalletRow> {
  await db.insert(wallets).values({ accountId, updatedAt: at }).onConflictDoNothing({ target: wallets.accountId });
  const [row] = await db.select().from(wallets).where(eq(wallets.accountId, accountId)).for("update");
  if (!row) throw new Error(`wallet of ${accountId} vanished`);
  return row;
}

const walletColumns: Record<WalletBook, typeof wallets.cash> = {
  cash: wallets.cash,
  income: wallets.income,
  gift: wallets.gift,
  frozen: wallets.frozen,
  external: wallets.external,
  revenue: wallets.revenue,
  promotion: wallets.promotion,
};

/**
 * Posts one balanced ledger transaction and moves the balances it touches, in the caller's database
 * transaction (which must hold `lockWallet`). The idempotency key is unique per account: posting a
 * key again changes nothing and returns the first transaction's id with `duplicate: true`.
 * The CHECK constraints on wallets and vouchers refuse any posting that would take a book below
 * zero where it must not go (income, gift, frozen, a voucher).
 */
export async function postLedger(db: Database, posting: LedgerPosting): Promise<{ transactionId: string; duplicate: boolean }> {
  const lines = posting.lines.filter((line) => !line.amount.isZero());
  const sum = lines.reduce((total, line) => total.plus(line.amount), new Dec(0));
  if (!sum.isZero()) throw new UnbalancedLedgerError(sum.toFixed());
  for (const line of lines) {
    if (line.amount.decimalPlaces() > 2) throw new Error(`ledger amounts are whole cents: ${line.amount.toFixed()}`);
    if ((line.book === "voucher") !== (line.voucherId !== undefined)) throw new Error("a voucher line names its voucher, and only it");
  }
  const [inserted] = await db
    .insert(ledgerTransactions)
    .values({
      accountId: posting.accountId,
      kind: posting.kind,
      idempotencyKey: posting.idempotencyKey,
      documentType: posting.documentType,
      documentId: posting.documentId,
      memo: posting.memo ?? null,
      at: posting.at,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerTransactions.id });
  if (!inserted) {
    const [existing] = await db
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.accountId, posting.accountId), eq(ledgerTransactions.idempotencyKey, posting.idempotencyKey)));
    if (!existing) throw new Error("idempotency conflict without a row");
    return { transactionId: existing.id, duplicate: true };
  }
  if (lines.length === 0) return { transactionId: inserted.id, duplicate: false };
  await db.insert(ledgerEntries).values(
    lines.map((line) => ({
      transactionId: inserted.id,
      accountId: posting.accountId,
      book: line.book,
      voucherId: line.voucherId ?? null,
      amount: line.amount.toFixed(2),
    })),
  );

  const walletDeltas = new Map<WalletBook, Dec>();
  const voucherDeltas = new Map<string, Dec>();
  for (const line of lines) {
    if (line.book === "voucher") {
      const id = line.voucherId ?? "";
      voucherDeltas.set(id, (voucherDeltas.get(id) ?? new Dec(0)).plus(line.amount));
    } else {
      walletDeltas.set(line.book, (walletDeltas.get(line.book) ?? new Dec(0)).plus(line.amount));
    }
  }
  const set: Partial<Record<WalletBook, SQL>> & { updatedAt: Date } = { updatedAt: posting.at };
  for (const [book, delta] of walletDeltas) {
    // Arithmetic in SQL on numeric: the amount never passes through a JS number.
    set[book] = sql`${walletColumns[book]} + ${delta.toFixed(2)}::numeric`;
  }
  await db.update(wallets).set(set).where(eq(wallets.accountId, posting.accountId));
  for (const [voucherId, delta] of voucherDeltas) {
    const updated = await db
      .update(vouchers)
      .set({ remaining: sql`${vouchers.remaining} + ${delta.toFixed(2)}::numeric` })
      .where(and(eq(vouchers.id, voucherId), eq(vouchers.accountId, posting.accountId)))
      .returning({ id: vouchers.id });
    if (updated.length !== 1) throw new Error(`voucher ${voucherId} is not the account's`);
  }
  // Issue 13: the balance alert is checked the moment a balance moves, in the same transaction
  // (registered by lib/budgets through lib/hooks: the wallet does not import upward).
  if (walletDeltas.has("cash") || walletDeltas.has("income") || walletDeltas.has("gift")) await runBalanceMovedHooks(db, posting.accountId, posting.at);
  return { transactionId: inserted.id, duplicate: false };
}

/** The spendable balance (SPEC §3): cash + income + gift. Frozen money is held apart and not in it. */
export function spendable(wallet: Pick<WalletRow, "cash" | "income" | "gift">): Dec {
  return new Dec(wallet.cash).plus(wallet.income).plus(wallet.gift);
}
