import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./identity";
import { ledgerTransactions, vouchers } from "./wallet";

const money = (name: string) => numeric(name, { precision: 20, scale: 2 });

export const purchaseKinds = ["pack", "qps", "one-time"] as const;
export type PurchaseKind = (typeof purchaseKinds)[number];

/**
 * A paid purchase (SPEC §2.4, §2.6, §2.7, §3): the price from lib/pricing and exactly how much each
 * source paid. The checkout form's idempotency key is unique per account, so a double click or a
 * retried request finds the first purchase instead of charging again.
 */
export const purchases = pgTable(
  "purchases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    idempotencyKey: text("idempotency_key").notNull(),
    item: text("item").notNull(),
    kind: text("kind", { enum: purchaseKinds }).notNull(),
    product: text("product").notNull(),
    quantity: integer("quantity").notNull(),
    period: text("period"),
    periods: integer("periods"),
    unitPrice: numeric("unit_price", { precision: 20, scale: 4 }).notNull(),
    amount: money("amount").notNull(),
    voucherId: uuid("voucher_id").references(() => vouchers.id),
    paidVoucher: money("paid_voucher").notNull(),
    paidGift: money("paid_gift").notNull(),
    paidIncome: money("paid_income").notNull(),
    paidCash: money("paid_cash").notNull(),
    /** What the purchase is for, e.g. the app a scan.sdk licence is bound to. */
    details: jsonb("details"),
    ledgerTransactionId: uuid("ledger_transaction_id").references(() => ledgerTransactions.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    uniqueIndex("purchases_idempotency_key").on(t.accountId, t.idempotencyKey),
    check("purchases_quantity_positive", sql`${t.quantity} > 0`),
    check(
      "purchases_paid_adds_up",
      sql`${t.paidVoucher} >= 0 and ${t.paidGift} >= 0 and ${t.paidIncome} >= 0 and ${t.paidCash} >= 0 and ${t.paidVoucher} + ${t.paidGift} + ${t.paidIncome} + ${t.paidCash} = ${t.amount}`,
    ),
    index("purchases_account_idx").on(t.accountId, t.createdAt),
  ],
);
