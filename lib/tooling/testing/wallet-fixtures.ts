import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, ledgerEntries, ledgerTransactions, vouchers, wallets } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { signUp } from "@/lib/identity/sign-up";
import { Dec } from "@/lib/pricing";
import { confirmTopUp, createTopUp } from "@/lib/wallet/top-up";
import { sandboxProvider } from "@/lib/wallet/providers/sandbox";
import { uniqueEmail } from "./databases";

export const TEST_SANDBOX_SECRET = "test-sandbox-secret";
export const testProvider = sandboxProvider(TEST_SANDBOX_SECRET);

/** A fresh customer and the contexts to act as it and as the system. */
export async function newAccount(db: Database, at: Date, prefix = "wallet") {
  const created = await signUp({
    ctx: { db, actor: { type: "anonymous" }, now: at },
    input: { email: uniqueEmail(prefix), password: "password-1", company: "Test Co" },
  });
  const customer = (now = at): ServiceContext => ({ db, actor: { type: "customer", userId: created.userId, accountId: created.accountId }, now });
  const system = (now = at): ServiceContext => ({ db, actor: { type: "system", reason: "test" }, now });
  return { ...created, customer, system };
}

/** Tops an account up through the sandbox provider end to end (order, signed notice, credit). */
export async function topUp(account: Awaited<ReturnType<typeof newAccount>>, amount: string, at?: Date): Promise<string> {
  const order = await createTopUp({ ctx: account.customer(at), input: { amount }, provider: testProvider, returnUrl: "/balance" });
  await confirmTopUp({
    ctx: account.system(at),
    providerId: testProvider.id,
    notice: { orderId: order.orderId, providerOrderId: `sbx_${order.orderId.replaceAll("-", "")}`, amount: new Dec(amount).toFixed(2), status: "paid" },
  });
  return order.orderId;
}

/**
 * The ledger's invariants for one account: every transaction's entries sum to zero, and every
 * balance column (and every voucher's remaining) equals the sum of its entries.
 */
export async function ledgerProblems(db: Database, accountId: string): Promise<string[]> {
  const problems: string[] = [];
  const unbalanced = await db
    .select({ id: ledgerTransactions.id, sum: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` })
    .from(ledgerTransactions)
    .leftJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .where(eq(ledgerTransactions.accountId, accountId))
    .groupBy(ledgerTransactions.id);
  for (const row of unbalanced) if (!new Dec(row.sum).isZero()) problems.push(`transaction ${row.id} sums to ${row.sum}`);
  const sums = await db
    .select({ book: ledgerEntries.book, voucherId: ledgerEntries.voucherId, sum: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId))
    .groupBy(ledgerEntries.book, ledgerEntries.voucherId);
  const [wallet] = await db.select().from(wallets).where(eq(wallets.accountId, accountId));
  const bookSum = (book: string) => new Dec(sums.find((s) => s.book === book && s.voucherId === null)?.sum ?? "0");
  for (const book of ["cash", "income", "gift", "frozen", "external", "revenue", "promotion"] as const) {
    const column = new Dec(wallet?.[book] ?? "0");
    if (!column.equals(bookSum(book))) problems.push(`${book} is ${column.toFixed(2)} but its entries sum to ${bookSum(book).toFixed(2)}`);
  }
  for (const voucher of await db.select().from(vouchers).where(eq(vouchers.accountId, accountId))) {
    const sum = new Dec(sums.find((s) => s.voucherId === voucher.id)?.sum ?? "0");
    if (!sum.equals(voucher.remaining)) problems.push(`voucher ${voucher.id} has ${voucher.remaining} but its entries sum to ${sum.toFixed(2)}`);
  }
  return problems;
}

export async function setAccountStatus(db: Database, accountId: string, status: "active" | "arrears" | "suspended" | "disabled"): Promise<void> {
  await db.update(accounts).set({ status }).where(eq(accounts.id, accountId));
}
