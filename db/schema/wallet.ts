import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, numeric, pgTable, text, timestamp, uniqueIndex, uuid, jsonb } from "drizzle-orm/pg-core";
import { accounts } from "./identity";

/**
 * The money of an account as a double-entry ledger (SPEC §3). Every movement is one
 * `ledger_transactions` row with balanced `ledger_entries` (they sum to zero), posted in one
 * database transaction that also updates the balance columns below, so that a balance always
 * equals the sum of its entries.
 *
 * Books (sub-accounts) of a customer account:
 * - `cash`, `income`, `gift`: the balance (SPEC §3). income and gift can never go negative
 *   (CHECK). cash may: a monthly bill is deducted even when the balance can't cover it, and the
 *   account goes into arrears (SPEC §6, §7.2). Purchases never drive cash below zero: they check
 *   under the wallet row lock and refuse (SPEC §3).
 * - `frozen`: cash held as the next month's estimate (SPEC §7.4); never negative.
 * - `voucher`: one book per voucher (`voucher_id`), its balance is `vouchers.remaining`.
 * Counterpart books, kept per account so that no global row becomes a lock hot spot:
 * - `external`: money from outside (payment providers, bank transfers): negative as money comes in.
 * - `revenue`: what the account paid for purchases and bills, net of refunds.
 * - `promotion`: gifts and vouchers granted by the company.
 */
export const ledgerBooks = ["cash", "income", "gift", "frozen", "voucher", "external", "revenue", "promotion"] as const;
export type LedgerBook = (typeof ledgerBooks)[number];
export const walletBooks = ["cash", "income", "gift", "frozen", "external", "revenue", "promotion"] as const;
export type WalletBook = (typeof walletBooks)[number];

/** What caused a ledger transaction; `document_type` + `document_id` point to it (the source document). */
export const ledgerKinds = ["top-up", "credit", "transfer", "purchase", "refund", "voucher-grant", "bill", "freeze", "release", "adjustment"] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

const money = (name: string) => numeric(name, { precision: 20, scale: 2 });

/** One row per account: the balance of each book, kept in step with the entries; locked FOR UPDATE by every money move. */
export const wallets = pgTable(
  "wallets",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id),
    cash: money("cash").notNull().default("0"),
    income: money("income").notNull().default("0"),
    gift: money("gift").notNull().default("0"),
    frozen: money("frozen").notNull().default("0"),
    external: money("external").notNull().default("0"),
    revenue: money("revenue").notNull().default("0"),
    promotion: money("promotion").notNull().default("0"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    check("wallets_income_not_negative", sql`${t.income} >= 0`),
    check("wallets_gift_not_negative", sql`${t.gift} >= 0`),
    check("wallets_frozen_not_negative", sql`${t.frozen} >= 0`),
  ],
);

/** 代金券 (SPEC §3): an amount, the products it applies to, an expiry (exclusive). */
export const vouchers = pgTable(
  "vouchers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    amount: money("amount").notNull(),
    remaining: money("remaining").notNull(),
    products: text("products").array().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    check("vouchers_amount_positive", sql`${t.amount} > 0`),
    check("vouchers_remaining_in_range", sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.amount}`),
    index("vouchers_account_idx").on(t.accountId),
  ],
);

export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind", { enum: ledgerKinds }).notNull(),
    /** Unique per account: posting the same movement twice (a retried callback, a double click) is a no-op. */
    idempotencyKey: text("idempotency_key").notNull(),
    documentType: text("document_type").notNull(),
    documentId: text("document_id").notNull(),
    /** Words for the statement, e.g. the credit's reason or the item bought. */
    memo: jsonb("memo"),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    uniqueIndex("ledger_transactions_idempotency_key").on(t.accountId, t.idempotencyKey),
    index("ledger_transactions_account_at_idx").on(t.accountId, t.at),
  ],
);

/** Signed amounts; a transaction's entries sum to zero (checked by the one posting function, lib/wallet/ledger.ts). */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    transactionId: uuid("transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    book: text("book", { enum: ledgerBooks }).notNull(),
    voucherId: uuid("voucher_id").references(() => vouchers.id),
    amount: money("amount").notNull(),
  },
  (t) => [
    check("ledger_entries_amount_not_zero", sql`${t.amount} <> 0`),
    check("ledger_entries_voucher_book", sql`(${t.book} = 'voucher') = (${t.voucherId} is not null)`),
    index("ledger_entries_transaction_idx").on(t.transactionId),
    index("ledger_entries_account_book_idx").on(t.accountId, t.book),
  ],
);

/** `closed`: abandoned or expired unpaid (issue 20); `cancelled` is the old word for it, no longer written. */
export const topUpStatuses = ["pending", "paid", "closed", "cancelled"] as const;
export type TopUpStatus = (typeof topUpStatuses)[number];

/** A top-up through a payment provider (SPEC §3). Credited once, keyed by the provider's order id. */
export const topUpOrders = pgTable(
  "top_up_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    amount: money("amount").notNull(),
    provider: text("provider").notNull(),
    providerOrderId: text("provider_order_id").notNull(),
    status: text("status", { enum: topUpStatuses }).notNull().default("pending"),
    ledgerTransactionId: uuid("ledger_transaction_id").references(() => ledgerTransactions.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true, mode: "date" }),
    /** When an unpaid order closes (Alipay: also sent as `time_expire`); null for providers without expiry. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    /** The provider's own trade number (Alipay `trade_no`), from its verified notice. */
    providerTradeNo: text("provider_trade_no"),
    /** How the customer was sent to pay: `page` (desktop) or `wap` (phone); null for the sandbox and transfers. */
    channel: text("channel"),
  },
  (t) => [
    check("top_up_orders_amount_positive", sql`${t.amount} > 0`),
    check("top_up_orders_status_check", sql`${t.status} in ('pending','paid','closed','cancelled')`),
    uniqueIndex("top_up_orders_provider_order").on(t.provider, t.providerOrderId),
    index("top_up_orders_account_idx").on(t.accountId, t.createdAt),
  ],
);

export const paymentNoticeOutcomes = ["credited", "duplicate", "not-paid", "closed-order", "unknown-order", "amount-mismatch", "app-mismatch"] as const;
export type PaymentNoticeOutcome = (typeof paymentNoticeOutcomes)[number];

/**
 * Every authentic payment notification a provider sent (issue 20), with what we did about it.
 * Recorded in the same transaction as the credit, so a crash leaves neither. `attention`: a paid
 * notice we did not credit (closed or unknown order, wrong amount or app id): staff must act.
 */
export const paymentNotices = pgTable(
  "payment_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider").notNull(),
    /** Our order number as the provider echoes it (`out_trade_no`). */
    providerOrderId: text("provider_order_id").notNull(),
    providerTradeNo: text("provider_trade_no"),
    topUpOrderId: uuid("top_up_order_id").references(() => topUpOrders.id),
    accountId: uuid("account_id").references(() => accounts.id),
    tradeStatus: text("trade_status").notNull(),
    /** As the provider stated it (a string: it may be malformed). */
    amount: text("amount").notNull(),
    outcome: text("outcome", { enum: paymentNoticeOutcomes }).notNull(),
    attention: boolean("attention").notNull(),
    /** The notice's fields as received (signed). */
    body: jsonb("body").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    index("payment_notices_attention_idx").on(t.receivedAt).where(sql`${t.attention}`),
    index("payment_notices_order_idx").on(t.provider, t.providerOrderId),
  ],
);
