import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { ledgerEntries, ledgerTransactions, vouchers, wallets, type LedgerKind } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { Dec, formatMoney, type ProductId } from "@/lib/pricing";

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

export interface TransactionView {
  id: string;
  kind: LedgerKind;
  documentType: string;
  documentId: string;
  memo: Record<string, unknown> | null;
  at: Date;
  /** The movement on each of the customer's books (zero books left out). */
  changes: { cash?: string; income?: string; gift?: string; frozen?: string; voucher?: string };
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

const customerBooks = ["cash", "income", "gift", "frozen", "voucher"] as const;

/** The account's ledger transactions, newest first, each with what it did to the customer's books. */
export async function listTransactions({ ctx, limit = 50 }: { ctx: ServiceContext; limit?: number }): Promise<TransactionView[]> {
  const accountId = accountOf(ctx.actor);
  const txs = await ctx.db
    .select()
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.accountId, accountId))
    .orderBy(desc(ledgerTransactions.at), desc(ledgerTransactions.id))
    .limit(limit);
  if (txs.length === 0) return [];
  const entries = await ctx.db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.accountId, accountId), inArray(ledgerEntries.transactionId, txs.map((t) => t.id))));
  return txs.map((t) => {
    const sums = new Map<string, Dec>();
    for (const entry of entries) {
      if (entry.transactionId !== t.id || !(customerBooks as readonly string[]).includes(entry.book)) continue;
      sums.set(entry.book, (sums.get(entry.book) ?? new Dec(0)).plus(entry.amount));
    }
    const changes: TransactionView["changes"] = {};
    for (const book of customerBooks) {
      const sum = sums.get(book);
      if (sum && !sum.isZero()) changes[book] = formatMoney(sum);
    }
    return {
      id: t.id,
      kind: t.kind,
      documentType: t.documentType,
      documentId: t.documentId,
      memo: (t.memo as Record<string, unknown> | null) ?? null,
      at: t.at,
      changes,
    };
  });
}
