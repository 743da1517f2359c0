import "server-only";
import { and, asc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { accounts, auditLog, billLines, bills, ledgerEntries, ledgerTransactions, monthCloses } from "@/db/schema";
import { ConflictError, type ServiceContext } from "@/lib/context";
import { Dec, formatMoney, monthEnd, priceBookForMonth, type Month, type PriceBook } from "@/lib/pricing";
import { postLedgerBatch } from "@/lib/wallet/ledger-batch";
import { notifyClose } from "./close-notify";
import { lockBatch, readBatch } from "./close-read";
import { settleBatch } from "./close-settle";
import { auditBills, billLineRows, insertBillLines, insertBills, markReleased } from "./close-write";

export { ARREARS_GRACE_MS } from "./close-notify";

/** Accounts closed per transaction: each batch is a constant number of statements whatever its size. */
export const CLOSE_BATCH = 500;
/** Batches in flight at once, each in its own transaction on its own connection (PGlite runs them one after another). */
export const CLOSE_CONCURRENCY = 3;

export interface CloseReport {
  month: string;
  priceBook: string;
  bills: number;
  alreadyBilled: number;
  inArrears: number;
  usageTotal: string;
}

/**
 * The monthly close (SPEC §7) for every account that existed during `month`: price the month's
 * drawn usage with lib/pricing, record the bill and its lines, release the previous month's frozen
 * estimate, deduct the bill (gift → income → cash), freeze this month's estimate under the 2022
 * books, and move an account left negative to arrears with a message.
 *
 * Idempotent and resumable: accounts are taken in batches, each batch one transaction; the unique
 * bill per account and month, and the ledger's idempotency keys, make a second run (or the run after
 * a kill) charge nobody twice. The month is marked closed first, so metering refuses new events for
 * it; each batch takes the metering lock of its accounts, so an event batch still in flight finishes
 * before its account is priced.
 */
export async function closeMonth({ ctx, input }: { ctx: ServiceContext; input: { month: Month; batchSize?: number; maxBatches?: number } }): Promise<CloseReport> {
  const book = priceBookForMonth(input.month);
  if (ctx.now < monthEnd(input.month)) throw new ConflictError("month-not-ended", { month: input.month });
  await ctx.db.insert(monthCloses).values({ month: input.month, startedAt: ctx.now }).onConflictDoNothing();
  const report: CloseReport = { month: input.month, priceBook: book.id, bills: 0, alreadyBilled: 0, inArrears: 0, usageTotal: "0.00" };
  // Batches are handed out one by one (a cursor over account ids) to CLOSE_CONCURRENCY workers, each
  // on its own connection, so the database works on one batch while this process prices the next.
  const size = input.batchSize ?? CLOSE_BATCH;
  const maxBatches = input.maxBatches ?? Number.POSITIVE_INFINITY;
  let after: string | null = null;
  let handedOut = 0;
  let cursor: Promise<unknown> = Promise.resolve();
  const nextBatch = (): Promise<string[]> => {
    const next = cursor.then(async () => {
      if (handedOut >= maxBatches) return [];
      // Accounts that existed before the month ended and have no bill for it yet, in id order.
      const billed = sql`exists (select 1 from ${bills} where ${bills.accountId} = ${accounts.id} and ${bills.month} = ${input.month})`;
      const rows = await ctx.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(lt(accounts.createdAt, monthEnd(input.month)), sql`not ${billed}`, after ? gt(accounts.id, after) : undefined))
        .orderBy(asc(accounts.id))
        .limit(size);
      after = rows[rows.length - 1]?.id ?? after;
      if (rows.length > 0) handedOut += 1;
      return rows.map((row) => row.id);
    });
    cursor = next;
    return next;
  };
  const worker = async () => {
    for (let ids = await nextBatch(); ids.length > 0; ids = await nextBatch()) {
      const outcome = await ctx.db.transaction((db) => closeBatch({ ...ctx, db }, input.month, book, ids));
      report.bills += outcome.bills;
      report.alreadyBilled += outcome.alreadyBilled;
      report.inArrears += outcome.inArrears;
    }
  };
  await Promise.all(Array.from({ length: CLOSE_CONCURRENCY }, worker));
  const [done] = await ctx.db
    .select({ n: sql<number>`count(*)::int`, total: sql<string>`coalesce(sum(${bills.usageTotal}), 0)` })
    .from(bills)
    .where(eq(bills.month, input.month));
  report.usageTotal = formatMoney(new Dec(done?.total ?? "0"));
  // The close has just filled these tables: fresh statistics keep the plans of the next reads (the
  // bills pages, the next close) from assuming they are still as small as before (autovacuum may be off).
  if (report.bills > 0) await ctx.db.execute(sql`analyze ${bills}, ${billLines}, ${ledgerTransactions}, ${ledgerEntries}, ${auditLog}`);
  // A partial run (maxBatches) leaves the close open; the next run carries on from the accounts without a bill.
  if (input.maxBatches === undefined) {
    await ctx.db
      .update(monthCloses)
      .set({ finishedAt: ctx.now, bills: done?.n ?? 0, total: done?.total ?? "0" })
      .where(and(eq(monthCloses.month, input.month), isNull(monthCloses.finishedAt)));
  }
  return report;
}

interface BatchOutcome {
  bills: number;
  alreadyBilled: number;
  inArrears: number;
}

/**
 * One batch's close, inside the caller's transaction, in named steps: lock the batch and read its
 * usage (one round trip), settle the money (pure), write the bills, then the writes that depend only
 * on the new bills, pipelined on the batch's connection: lines, ledger, released freezes, arrears and
 * messages, audit.
 */
async function closeBatch(ctx: ServiceContext, month: Month, book: PriceBook, accountIds: string[]): Promise<BatchOutcome> {
  // Not awaited in between: the locks and the reads go out pipelined, the server runs them in order.
  const [walletRows, facts] = await Promise.all([lockBatch(ctx, accountIds), readBatch(ctx, month, accountIds)]);
  const releaseOf = new Map(facts.toRelease.map((r) => [r.accountId, new Dec(r.frozen)]));
  const settled = settleBatch({ month, book, at: ctx.now, wallets: walletRows, usageOf: facts.usageOf, releaseOf, statusOf: facts.statusOf });
  const issued = await insertBills(ctx, settled.billRows);
  // Another close run billed some of these first (concurrent runs): leave those accounts alone.
  const fresh = new Set(issued.map((b) => b.accountId));
  const newArrears = settled.arrears.filter((a) => fresh.has(a.accountId));
  const usageTotalOf = new Map(settled.billRows.map((row) => [row.accountId, row.usageTotal]));
  await Promise.all([
    insertBillLines(ctx, billLineRows(issued, settled.linesOf)),
    postLedgerBatch(ctx.db, settled.postings.filter((p) => fresh.has(p.accountId))),
    markReleased(ctx, facts.toRelease.filter((r) => fresh.has(r.accountId)).map((r) => r.id)),
    notifyClose(ctx, month, newArrears, issued, usageTotalOf),
    auditBills(ctx, month, issued),
  ]);
  return { bills: issued.length, alreadyBilled: accountIds.length - issued.length, inArrears: newArrears.length };
}
