import "server-only";
import { inArray, sql } from "drizzle-orm";
import { billLines, bills } from "@/db/schema";
import { rowsOf, unnestRows } from "@/db/unnest";
import { uuidv7 } from "@/db/uuidv7";
import { recordAuditBatch } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import type { Month, UsageLine } from "@/lib/pricing";
import { usageLineOf, type PricedUsageLine } from "@/lib/pricing/price-usage";

export interface IssuedBill {
  id: string;
  accountId: string;
}

/**
 * Inserts the batch's bills in one statement. The unique bill per account and month makes it a
 * no-op for an account another close run billed first: only the bills inserted here come back.
 */
export async function insertBills(ctx: ServiceContext, billRows: (typeof bills.$inferInsert)[]): Promise<IssuedBill[]> {
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
  return rowsOf<{ id: string; account_id: string }>(insertedRows).map((row) => ({ id: row.id, accountId: row.account_id }));
}

export type BillLineRow = UsageLine<string> & { billId: string; position: number };

/** The rows of the new bills' lines, in each bill's line order. */
export function billLineRows(issued: readonly IssuedBill[], linesOf: ReadonlyMap<string, readonly PricedUsageLine[]>): BillLineRow[] {
  return issued.flatMap((bill) =>
    (linesOf.get(bill.accountId) ?? []).map((line, position) => ({ billId: bill.id, position, ...usageLineOf(line) })),
  );
}

export async function insertBillLines(ctx: ServiceContext, lineRows: BillLineRow[]): Promise<void> {
  if (lineRows.length === 0) return;
  const column = <K extends keyof BillLineRow>(key: K) => lineRows.map((row) => row[key]);
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

/** Marks last month's bills whose freeze this close released (their `released` = their `frozen`). */
export async function markReleased(ctx: ServiceContext, billIds: string[]): Promise<void> {
  if (billIds.length === 0) return;
  await ctx.db.update(bills).set({ released: sql`${bills.frozen}` }).where(inArray(bills.id, billIds));
}

/** One audit row per new bill, written as one statement (the audit log is what the customer reads). */
export async function auditBills(ctx: ServiceContext, month: Month, issued: readonly IssuedBill[]): Promise<void> {
  if (issued.length === 0) return;
  await recordAuditBatch(
    { ...ctx, actor: { type: "system", reason: "close-month" } },
    issued.map((b) => ({ action: "bill.issued", accountId: b.accountId, target: b.id, after: { month } })),
  );
}
