import { sql } from "drizzle-orm";
import { bigint, check, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./identity";

export const billStatuses = ["paid", "arrears", "settled"] as const;
export type BillStatus = (typeof billStatuses)[number];

const money = (name: string) => numeric(name, { precision: 20, scale: 2 });

/**
 * One bill per account and month (SPEC §7), written by the monthly close. `status`: paid (the
 * balance covered it), arrears (it left the balance negative), settled (a later top-up or credit
 * brought the balance back to ≥ 0). The unique key is what makes the close idempotent.
 */
export const bills = pgTable(
  "bills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    month: text("month").notNull(),
    priceBook: text("price_book").notNull(),
    status: text("status", { enum: billStatuses }).notNull(),
    usageTotal: money("usage_total").notNull(),
    /** Spendable balance (cash + income + gift) just before and just after the bill was deducted. */
    balanceBefore: money("balance_before").notNull(),
    balanceAfter: money("balance_after").notNull(),
    /** SPEC §7.4 (books 2022-09 and 2022-11): the amount frozen as next month's estimate, released at the next close. */
    frozen: money("frozen").notNull().default("0"),
    /** How much of this bill's own freeze the next close has released (0 until then). */
    released: money("released").notNull().default("0"),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }).notNull(),
    settledAt: timestamp("settled_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("bills_account_month").on(t.accountId, t.month),
    index("bills_month_idx").on(t.month),
    check("bills_status_check", sql`${t.status} in ('paid','arrears','settled')`),
    check("bills_amounts_not_negative", sql`${t.usageTotal} >= 0 and ${t.frozen} >= 0 and ${t.released} >= 0`),
  ],
);

/** A bill's lines, one per API with calls, exactly as lib/pricing priced them (QUOTE.md line shape). */
export const billLines = pgTable(
  "bill_lines",
  {
    billId: uuid("bill_id")
      .notNull()
      .references(() => bills.id),
    position: integer("position").notNull(),
    api: text("api").notNull(),
    calls: bigint("calls", { mode: "number" }).notNull(),
    free: bigint("free", { mode: "number" }).notNull(),
    fromPacks: bigint("from_packs", { mode: "number" }).notNull(),
    billable: bigint("billable", { mode: "number" }).notNull(),
    tier: integer("tier").notNull(),
    unitPrice: text("unit_price").notNull(),
    amount: money("amount").notNull(),
    formula: text("formula").notNull(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.position] }), check("bill_lines_split", sql`${t.free} + ${t.fromPacks} + ${t.billable} = ${t.calls}`)],
);

/** A close's progress: started, finished, with its counts. Resuming a killed close continues from the accounts without a bill. */
export const monthCloses = pgTable("month_closes", {
  month: text("month").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  bills: integer("bills").notNull().default(0),
  total: money("total").notNull().default("0"),
});
