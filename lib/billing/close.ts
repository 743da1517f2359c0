import "server-only";
import { recordAuditBatch } from "@/lib/audit";
import { and, asc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { accounts, auditLog, billLines, bills, ledgerEntries, ledgerTransactions, monthCloses, usageHourly, wallets } from "@/db/schema";
import { rowsOf, unnestRows } from "@/db/unnest";
import { uuidv7 } from "@/db/uuidv7";
import { ConflictError, type ServiceContext } from "@/lib/context";
import { notifyMany } from "@/lib/messaging/notify";
import { Dec, formatMoney, formatYuan, isApiId, monthEnd, previousMonth, priceBookForMonth, type Month, type PriceBook } from "@/lib/pricing";
import { postLedgerBatch, type WalletOnlyPosting } from "@/lib/wallet/ledger-batch";
import { billDebit, freezeAmount } from "./debit";
import { priceUsage, type DrawnUsage } from "@/lib/pricing/price-usage";

/** Accounts closed per transaction: each batch is a constant number of statements whatever its size. */
export const CLOSE_BATCH = 500;
/** Batches in flight at once, each in its own transaction on its own connection (PGlite runs them one after another). */
export const CLOSE_CONCURRENCY = 3;

/** SPEC §6: how long an account stays in arrears before its services are suspended. */
export const ARREARS_GRACE_MS = 24 * 3_600_000;

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

async function closeBatch(ctx: ServiceContext, month: Month, book: PriceBook, accountIds: string[]): Promise<BatchOutcome> {
  const ids = sql.join(accountIds.map((id) => sql`(${id})`), sql`, `);
  const previous = previousMonth(month);
  // One round trip for the lock and every read: the statements are pipelined on the batch's
  // connection and the server runs them in order, so the reads start once the lock is held.
  const [, , walletRows, accountRows, usage, toRelease] = await Promise.all([
    // The same lock POST /api/v1/usage takes per account: in-flight event batches finish first.
    ctx.db.execute(sql`select count(pg_advisory_xact_lock(hashtext('metering:' || v.id))) from (values ${ids}) as v(id)`),
    ctx.db.execute(sql`insert into ${wallets} (account_id, updated_at) select id, ${ctx.now.toISOString()}::timestamptz from unnest(${sql.param(accountIds)}::uuid[]) as a(id) on conflict (account_id) do nothing`),
    ctx.db.select().from(wallets).where(inArray(wallets.accountId, accountIds)).orderBy(asc(wallets.accountId)).for("update"),
    ctx.db.select({ id: accounts.id, status: accounts.status }).from(accounts).where(inArray(accounts.id, accountIds)),
    ctx.db
      .select({
        accountId: usageHourly.accountId,
        api: usageHourly.api,
        calls: sql<string>`sum(${usageHourly.calls})`,
        free: sql<string>`sum(${usageHourly.free})`,
        fromPacks: sql<string>`sum(${usageHourly.fromPacks})`,
      })
      .from(usageHourly)
      .where(and(inArray(usageHourly.accountId, accountIds), eq(usageHourly.month, month)))
      .groupBy(usageHourly.accountId, usageHourly.api),
    ctx.db
      .select({ accountId: bills.accountId, id: bills.id, frozen: bills.frozen })
      .from(bills)
      .where(and(inArray(bills.accountId, accountIds), eq(bills.month, previous), gt(bills.frozen, "0"), eq(bills.released, "0"))),
  ]);

  const usageOf = new Map<string, DrawnUsage[]>();
  for (const row of usage) {
    if (!isApiId(row.api)) continue;
    const list = usageOf.get(row.accountId) ?? [];
    list.push({ api: row.api, calls: Number(row.calls), free: Number(row.free), fromPacks: Number(row.fromPacks) });
    usageOf.set(row.accountId, list);
  }
  const releaseOf = new Map(toRelease.map((r) => [r.accountId, new Dec(r.frozen)]));
  const statusOf = new Map(accountRows.map((a) => [a.id, a.status]));
  // SPEC §7.4: only books 2022-09 and 2022-11 freeze the next month's estimate.
  const freezes = book.estimateFreeze;

  const billRows: (typeof bills.$inferInsert)[] = [];
  const linesOf = new Map<string, ReturnType<typeof priceUsage>["lines"]>();
  const postings: WalletOnlyPosting[] = [];
  const arrears: { accountId: string; balance: Dec }[] = [];
  for (const wallet of walletRows) {
    const priced = priceUsage(usageOf.get(wallet.accountId) ?? []);
    const released = releaseOf.get(wallet.accountId) ?? new Dec(0);
    const before = { cash: new Dec(wallet.cash).plus(released), income: new Dec(wallet.income), gift: new Dec(wallet.gift) };
    const balanceBefore = before.cash.plus(before.income).plus(before.gift);
    const taken = billDebit(priced.total, before);
    const cashAfter = before.cash.minus(taken.cash);
    const balanceAfter = balanceBefore.minus(priced.total);
    const frozen = freezes ? freezeAmount(priced.total, cashAfter) : new Dec(0);
    const base = { accountId: wallet.accountId, documentType: "bill", documentId: `${wallet.accountId}:${month}`, at: ctx.now };
    if (!released.isZero()) {
      postings.push({ ...base, kind: "release", idempotencyKey: `release:${previous}`, memo: { month: previous }, lines: [{ book: "frozen", amount: released.neg() }, { book: "cash", amount: released }] });
    }
    if (!priced.total.isZero()) {
      postings.push({
        ...base,
        kind: "bill",
        idempotencyKey: `bill:${month}`,
        memo: { month },
        lines: [
          { book: "gift", amount: taken.gift.neg() },
          { book: "income", amount: taken.income.neg() },
          { book: "cash", amount: taken.cash.neg() },
          { book: "revenue", amount: priced.total },
        ],
      });
    }
    if (!frozen.isZero()) {
      postings.push({ ...base, kind: "freeze", idempotencyKey: `freeze:${month}`, memo: { month }, lines: [{ book: "cash", amount: frozen.neg() }, { book: "frozen", amount: frozen }] });
    }
    const leftNegative = balanceAfter.isNegative();
    if (leftNegative && statusOf.get(wallet.accountId) === "active") arrears.push({ accountId: wallet.accountId, balance: balanceAfter.minus(frozen) });
    billRows.push({
      accountId: wallet.accountId,
      month,
      priceBook: book.id,
      status: leftNegative ? "arrears" : "paid",
      usageTotal: priced.totalText,
      balanceBefore: balanceBefore.toFixed(2),
      balanceAfter: balanceAfter.minus(frozen).toFixed(2),
      frozen: frozen.toFixed(2),
      // `released` is how much of THIS bill's own freeze has been given back (by the next close);
      // what this close released from last month is in the ledger (kind "release").
      released: "0.00",
      closedAt: ctx.now,
    });
    linesOf.set(wallet.accountId, priced.lines);
  }

  const column = <K extends keyof (typeof billRows)[number]>(key: K) => billRows.map((row) => row[key]);
  const insertedRows = await ctx.db.execute(sql`
    insert into ${bills} (id, account_id, month, price_book, status, usage_total, balance_before, balance_after, frozen, released, closed_at)
    select id, account_id, month, price_book, status, usage_total, balance_before, balance_after, frozen, released, ${ctx.now.toISOString()}::timestamptz
    from (${unnestRows([
      // Time-ordered ids (db/uuidv7.ts): the bills, their lines' primary key and the lines' foreign-key
      // probes append to their indexes instead of touching a random page per row.
      { values: billRows.map(() => uuidv7()), type: "uuid[]" },
      { values: column("accountId"), type: "uuid[]" },
      { values: column("month"), type: "text[]" },
      { values: column("priceBook"), type: "text[]" },
      { values: column("status"), type: "text[]" },
      { values: column("usageTotal"), type: "numeric[]" },
      { values: column("balanceBefore"), type: "numeric[]" },
      { values: column("balanceAfter"), type: "numeric[]" },
      { values: column("frozen"), type: "numeric[]" },
      { values: column("released"), type: "numeric[]" },
    ])}) as b(id, account_id, month, price_book, status, usage_total, balance_before, balance_after, frozen, released)
    on conflict do nothing
    returning id, account_id`);
  const inserted = rowsOf<{ id: string; account_id: string }>(insertedRows).map((row) => ({ id: row.id, accountId: row.account_id }));
  // Another close run billed some of these first (concurrent runs): leave those accounts alone.
  const fresh = new Set(inserted.map((b) => b.accountId));
  const lineRows = inserted.flatMap((bill) =>
    (linesOf.get(bill.accountId) ?? []).map((line, position) => ({
      billId: bill.id,
      position,
      api: line.api,
      calls: line.calls,
      free: line.free,
      fromPacks: line.fromPacks,
      billable: line.billable,
      tier: line.tier,
      unitPrice: line.unitPrice,
      amount: line.amountText,
      formula: line.formula,
    })),
  );
  const newArrears = arrears.filter((a) => fresh.has(a.accountId));
  const released = toRelease.filter((r) => fresh.has(r.accountId)).map((r) => r.id);
  // The writes that depend only on the new bills, pipelined on the batch's connection (few round
  // trips instead of one per statement); the messages keep their order (arrears, then bill-ready).
  await Promise.all([
    insertLines(ctx, lineRows),
    postLedgerBatch(ctx.db, postings.filter((p) => fresh.has(p.accountId))),
    released.length > 0 ? ctx.db.update(bills).set({ released: sql`${bills.frozen}` }).where(inArray(bills.id, released)) : null,
    (async () => {
      if (newArrears.length > 0) {
        await ctx.db
          .update(accounts)
          .set({ status: "arrears", arrearsSince: ctx.now })
          .where(and(inArray(accounts.id, newArrears.map((a) => a.accountId)), eq(accounts.status, "active")));
        const deadline = new Date(ctx.now.getTime() + ARREARS_GRACE_MS);
        const deadlineText = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(deadline);
        await notifyMany(
          ctx,
          newArrears.map((account) => ({ accountId: account.accountId, kind: "arrears", product: null, params: { balance: formatYuan(account.balance), month, deadline: deadlineText }, dedupeKey: `arrears:${month}` })),
        );
      }
      if (inserted.length > 0) {
        // Every new bill is announced, linking to it (the arrears message above says what to do about it).
        const totals = new Map(billRows.map((row) => [row.accountId, row.usageTotal]));
        await notifyMany(
          ctx,
          inserted.map((bill) => ({ accountId: bill.accountId, kind: "bill-ready", product: null, params: { month, total: formatYuan(totals.get(bill.accountId) ?? "0") }, dedupeKey: `bill-ready:${month}` })),
        );
      }
    })(),
    // One audit row per bill, written as one statement (the audit log is what the customer reads).
    inserted.length > 0
      ? recordAuditBatch(
          { ...ctx, actor: { type: "system", reason: "close-month" } },
          inserted.map((b) => ({ action: "bill.issued", accountId: b.accountId, target: b.id, after: { month } })),
        )
      : null,
  ]);
  return { bills: inserted.length, alreadyBilled: accountIds.length - inserted.length, inArrears: newArrears.length };
}

type LineRow = { billId: string; position: number; api: string; calls: number; free: number; fromPacks: number; billable: number; tier: number; unitPrice: string; amount: string; formula: string };

async function insertLines(ctx: ServiceContext, lineRows: LineRow[]): Promise<void> {
  if (lineRows.length === 0) return;
  const column = <K extends keyof LineRow>(key: K) => lineRows.map((row) => row[key]);
  await ctx.db.execute(sql`
    insert into ${billLines} (bill_id, position, api, calls, free, from_packs, billable, tier, unit_price, amount, formula)
    ${unnestRows([
      { values: column("billId"), type: "uuid[]" },
      { values: column("position"), type: "int[]" },
      { values: column("api"), type: "text[]" },
      { values: column("calls"), type: "bigint[]" },
      { values: column("free"), type: "bigint[]" },
      { values: column("fromPacks"), type: "bigint[]" },
      { values: column("billable"), type: "bigint[]" },
      { values: column("tier"), type: "int[]" },
      { values: column("unitPrice"), type: "text[]" },
      { values: column("amount"), type: "numeric[]" },
      { values: column("formula"), type: "text[]" },
    ])}`);
}
