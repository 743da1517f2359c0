import { sql } from "drizzle-orm";
import { bigint, check, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./identity";

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

export const adjustmentStatuses = ["pending-approval", "posted", "rejected"] as const;
export type AdjustmentStatus = (typeof adjustmentStatuses)[number];

/**
 * Issue 22 part 2: a credit note against a bill (the whole bill, or one line by its position),
 * requested by staff with a reason and a ticket reference. Above ADJUSTMENT_APPROVAL_THRESHOLD it waits
 * for an admin who is not the requester; posted, it gives the amount back to the sources the bill was
 * taken from (returned_*), in one ledger transaction. Pending and posted notes both count against
 * what is left of the bill, so two notes can never credit more than it.
 */
export const billAdjustments = pgTable(
  "bill_adjustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    billId: uuid("bill_id")
      .notNull()
      .references(() => bills.id),
    /** The bill line's position, or null for the whole bill. */
    linePosition: integer("line_position"),
    amount: money("amount").notNull(),
    reason: text("reason").notNull(),
    ticketRef: text("ticket_ref").notNull(),
    status: text("status", { enum: adjustmentStatuses }).notNull(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true, mode: "date" }).notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    /** An admin's reason for rejecting. */
    decisionNote: text("decision_note"),
    returnedCash: money("returned_cash").notNull().default("0"),
    returnedIncome: money("returned_income").notNull().default("0"),
    returnedGift: money("returned_gift").notNull().default("0"),
    postedAt: timestamp("posted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    check("bill_adjustments_amount_positive", sql`${t.amount} > 0`),
    check("bill_adjustments_status_check", sql`${t.status} in ('pending-approval','posted','rejected')`),
    check("bill_adjustments_returned", sql`${t.returnedCash} >= 0 and ${t.returnedIncome} >= 0 and ${t.returnedGift} >= 0`),
    check("bill_adjustments_posted_returns_all", sql`${t.status} <> 'posted' or ${t.returnedCash} + ${t.returnedIncome} + ${t.returnedGift} = ${t.amount}`),
    index("bill_adjustments_bill_idx").on(t.billId),
    index("bill_adjustments_account_idx").on(t.accountId, t.requestedAt),
  ],
);
