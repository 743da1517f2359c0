import "server-only";
import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { ledgerTransactions } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { withBookChanges, type TransactionView } from "@/lib/wallet/balance";
import { dayAfter, dayStart, type TransactionQuery } from "./ranges";

export interface TransactionPage {
  from: string | null;
  to: string | null;
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  transactions: TransactionView[];
}

/**
 * The account's ledger transactions between two Shanghai days (both included), one page at a time
 * (issue 11 item 7, issue 13): the balance page shows newest first, finance tools read oldest first
 * so that pages stay put while new movements arrive. The balance page, its CSV and
 * `GET /api/v1/transactions` all read through here.
 */
export async function transactionPage({ ctx, input, order = "newest" }: { ctx: ServiceContext; input: TransactionQuery; order?: "newest" | "oldest" }): Promise<TransactionPage> {
  const accountId = accountOf(ctx.actor);
  const conditions: SQL[] = [eq(ledgerTransactions.accountId, accountId)];
  if (input.from) conditions.push(gte(ledgerTransactions.at, dayStart(input.from)));
  if (input.to) conditions.push(lt(ledgerTransactions.at, dayAfter(input.to)));
  const where = and(...conditions);
  const [counted] = await ctx.db.select({ n: count() }).from(ledgerTransactions).where(where);
  const total = counted?.n ?? 0;
  const orderBy = order === "newest" ? [desc(ledgerTransactions.at), desc(ledgerTransactions.id)] : [asc(ledgerTransactions.at), asc(ledgerTransactions.id)];
  const rows = await ctx.db
    .select()
    .from(ledgerTransactions)
    .where(where)
    .orderBy(...orderBy)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return {
    from: input.from ?? null,
    to: input.to ?? null,
    page: input.page,
    pageSize: input.pageSize,
    total,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
    transactions: await withBookChanges(ctx.db, accountId, rows),
  };
}

/** Every transaction of a range for the CSV, in pages of 1,000 so no single query grows without bound. */
export async function allTransactions({ ctx, input }: { ctx: ServiceContext; input: Omit<TransactionQuery, "page" | "pageSize"> }): Promise<TransactionView[]> {
  const out: TransactionView[] = [];
  for (let page = 1; ; page++) {
    const chunk = await transactionPage({ ctx, input: { ...input, page, pageSize: 1000 }, order: "oldest" });
    out.push(...chunk.transactions);
    if (page >= chunk.pages) return out;
  }
}
