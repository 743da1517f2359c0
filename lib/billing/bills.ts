import "server-only";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { billAdjustments, billLines, bills, monthCloses, type BillStatus } from "@/db/schema";
import type { Database } from "@/db/client";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { Dec, formatMoney, isMonth, type Month, type UsageLine } from "@/lib/pricing";
import type { TransactionView } from "@/lib/wallet/balance";
import { billDocumentId, monthStatement } from "./statement";

export interface BillSummary {
  month: Month;
  priceBook: string;
  status: BillStatus;
  /** The usage amount billed (SPEC §7.1): the sum of the rounded lines. Purchases were paid when made (§7.3). */
  usageTotal: string;
  closedAt: Date;
  settledAt: Date | null;
}

/** A bill line, in the quote command's line shape (QUOTE.md). */
export type BillLineView = UsageLine<string>;

export interface BillDetail extends BillSummary {
  lines: BillLineView[];
  /** What the bill took from the balance: the usage total (SPEC §7.3: purchases are not billed again). */
  total: string;
  /** Spendable balance just before and after the deduction (after: less any §7.4 freeze). */
  balanceBefore: string;
  balanceAfter: string;
  /**
   * SPEC §7.4 (books 2022-09, 2022-11): next month's estimate frozen at this close, and the previous
   * month's estimate released back to cash at this close (already inside balanceBefore). The release
   * is read from the ledger, not from bills.released, which the next close overwrites.
   */
  frozen: string;
  releasedAtClose: string;
  statement: TransactionView[];
  /** Credit notes posted against the bill (issue 22 part 2), oldest first; pending or rejected ones are staff's. */
  adjustments: BillAdjustmentView[];
  /** The sum of the posted notes, and the bill less them. */
  adjustedTotal: string;
  netTotal: string;
}

export interface BillAdjustmentView {
  id: string;
  at: Date;
  /** The line's API, or null for the whole bill. */
  api: string | null;
  amount: string;
  reason: string;
  ticketRef: string;
  returned: { cash: string; income: string; gift: string };
}

/** The account's bills, newest first. */
export async function listBills({ ctx }: { ctx: ServiceContext }): Promise<BillSummary[]> {
  const rows = await ctx.db.select().from(bills).where(eq(bills.accountId, accountOf(ctx.actor))).orderBy(desc(bills.month));
  return rows.map(summaryOf);
}

/** The account's latest bill, or null (the overview shows only this one). */
export async function latestBill({ ctx }: { ctx: ServiceContext }): Promise<BillSummary | null> {
  const [row] = await ctx.db.select().from(bills).where(eq(bills.accountId, accountOf(ctx.actor))).orderBy(desc(bills.month)).limit(1);
  return row ? summaryOf(row) : null;
}

/** The account's bill for one month, or null: what a past month's usage page links to. */
export async function billOfMonth({ ctx, input }: { ctx: ServiceContext; input: { month: Month } }): Promise<BillSummary | null> {
  const [row] = await ctx.db.select().from(bills).where(and(eq(bills.accountId, accountOf(ctx.actor)), eq(bills.month, input.month))).limit(1);
  return row ? summaryOf(row) : null;
}

export const BILLS_PAGE_SIZE = 24;

/**
 * One page of the account's bills, newest first, with the total count: the bills list costs the
 * same for a ten-year account as for a new one. A page past the last is the last.
 */
export async function billPage({ ctx, input }: { ctx: ServiceContext; input: { page: number; pageSize?: number } }): Promise<{ bills: BillSummary[]; page: number; pages: number; total: number }> {
  const accountId = accountOf(ctx.actor);
  const size = input.pageSize ?? BILLS_PAGE_SIZE;
  const [counted] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(bills).where(eq(bills.accountId, accountId));
  const total = counted?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(input.page) || 1), pages);
  const rows = await ctx.db.select().from(bills).where(eq(bills.accountId, accountId)).orderBy(desc(bills.month)).limit(size).offset((page - 1) * size);
  return { bills: rows.map(summaryOf), page, pages, total };
}

/**
 * One month's bill of the actor's own account, with its lines and the month's statement. A month
 * with no bill of this account (open, before the account existed, or someone else's) is not found:
 * the account comes from the session or API key, so another account's bill is never reachable.
 */
export async function getBill({ ctx, input }: { ctx: ServiceContext; input: { month: string } }): Promise<BillDetail> {
  if (!isMonth(input.month)) throw new NotFoundError("bill-not-found", { month: input.month });
  const accountId = accountOf(ctx.actor);
  const [bill] = await ctx.db.select().from(bills).where(and(eq(bills.accountId, accountId), eq(bills.month, input.month)));
  if (!bill) throw new NotFoundError("bill-not-found", { month: input.month });
  const [lines, statement, notes] = await Promise.all([
    ctx.db.select().from(billLines).where(eq(billLines.billId, bill.id)).orderBy(asc(billLines.position)),
    monthStatement(ctx.db, accountId, input.month),
    ctx.db.select().from(billAdjustments).where(and(eq(billAdjustments.billId, bill.id), eq(billAdjustments.status, "posted"))).orderBy(asc(billAdjustments.postedAt), asc(billAdjustments.id)),
  ]);
  const adjustments = notes.map(
    (n): BillAdjustmentView => ({
      id: n.id,
      at: n.postedAt ?? n.requestedAt,
      api: n.linePosition === null ? null : (lines.find((l) => l.position === n.linePosition)?.api ?? null),
      amount: formatMoney(n.amount),
      reason: n.reason,
      ticketRef: n.ticketRef,
      returned: { cash: formatMoney(n.returnedCash), income: formatMoney(n.returnedIncome), gift: formatMoney(n.returnedGift) },
    }),
  );
  const adjusted = notes.reduce((sum, n) => sum.plus(n.amount), new Dec(0));
  return {
    ...summaryOf(bill),
    lines: lines.map((l) => ({ api: l.api, calls: l.calls, free: l.free, fromPacks: l.fromPacks, billable: l.billable, tier: l.tier, unitPrice: l.unitPrice, amount: formatMoney(l.amount), formula: l.formula })),
    total: formatMoney(bill.usageTotal),
    balanceBefore: formatMoney(bill.balanceBefore),
    balanceAfter: formatMoney(bill.balanceAfter),
    frozen: formatMoney(bill.frozen),
    releasedAtClose: formatMoney(statement.filter((e) => e.kind === "release" && e.documentId === billDocumentId(accountId, input.month)).reduce((sum, e) => sum.plus(e.balanceChange), new Dec(0))),
    statement,
    adjustments,
    adjustedTotal: formatMoney(adjusted),
    netTotal: formatMoney(new Dec(bill.usageTotal).minus(adjusted)),
  };
}

/** Whether the month's close has finished (month_closes): an account without a bill then simply had none. */
export async function isMonthClosed(db: Database, month: Month): Promise<boolean> {
  const [row] = await db.select({ month: monthCloses.month }).from(monthCloses).where(and(eq(monthCloses.month, month), isNotNull(monthCloses.finishedAt)));
  return row !== undefined;
}

function summaryOf(bill: typeof bills.$inferSelect): BillSummary {
  return { month: bill.month, priceBook: bill.priceBook, status: bill.status, usageTotal: formatMoney(bill.usageTotal), closedAt: bill.closedAt, settledAt: bill.settledAt };
}
