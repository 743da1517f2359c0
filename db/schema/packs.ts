import { sql } from "drizzle-orm";
import { boolean, check, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./identity";
import { purchases } from "./purchases";
import { ledgerTransactions } from "./wallet";

/** A product the account has activated (开通, SPEC §2): it accepted the product's terms. */
export const serviceActivations = pgTable(
  "service_activations",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    product: text("product").notNull(),
    termsVersion: text("terms_version").notNull(),
    activatedAt: timestamp("activated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.product] })],
);

export const packSources = ["free", "purchase", "gift"] as const;
export type PackSourceColumn = (typeof packSources)[number];

const money = (name: string) => numeric(name, { precision: 20, scale: 2 });

/**
 * Every resource pack: the monthly free packs and the one-time barcode grant (`free`), bought packs
 * (`purchase`), and packs granted by the company (`gift`). Status is derived, never stored:
 * refunded (refunded_at set) › expired (expires_at ≤ now) › exhausted (remaining = 0) › active.
 *
 * `api` is the API the pack covers, or for a shared free pool (book 2022-09's vehicle pool) the
 * pool's id; lib/packs/draw.ts draws such a pack for each API of the pool.
 */
export const packs = pgTable(
  "packs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    api: text("api").notNull(),
    /** The catalog pack id (`scan.code-recognition:10k`) of a bought or gift pack; null for free ones. */
    packSpec: text("pack_spec"),
    size: integer("size").notNull(),
    remaining: integer("remaining").notNull(),
    source: text("source", { enum: packSources }).notNull(),
    /** For a monthly free pack, its month `YYYY-MM` (one per account, pool and month). */
    freeMonth: text("free_month"),
    /** For a one-time grant (SPEC §2.2: scan.barcode-lookup's 50 calls), its name; once per account ever. */
    oneTimeGrant: text("one_time_grant"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    purchaseId: uuid("purchase_id").references(() => purchases.id),
    /** SPEC §4: a promotion's own no-refund rule wins. */
    promotionNoRefund: boolean("promotion_no_refund").notNull().default(false),
    /** This pack's share of what its purchase's sources paid (a purchase of n packs is split across them). */
    paidVoucher: money("paid_voucher"),
    paidGift: money("paid_gift"),
    paidIncome: money("paid_income"),
    paidCash: money("paid_cash"),
    /** A refund awaiting support's review holds the pack: it cannot be drawn meanwhile. */
    refundHold: boolean("refund_hold").notNull().default(false),
    refundedAt: timestamp("refunded_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    check("packs_remaining_in_range", sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.size}`),
    check("packs_size_positive", sql`${t.size} > 0`),
    check("packs_source_check", sql`${t.source} in ('free','purchase','gift')`),
    check("packs_purchase_has_order", sql`(${t.source} = 'purchase') = (${t.purchaseId} is not null)`),
    check("packs_expiry_after_delivery", sql`${t.expiresAt} > ${t.deliveredAt}`),
    uniqueIndex("packs_one_free_per_month").on(t.accountId, t.api, t.freeMonth).where(sql`${t.freeMonth} is not null`),
    uniqueIndex("packs_one_time_grant_once").on(t.accountId, t.oneTimeGrant).where(sql`${t.oneTimeGrant} is not null`),
    index("packs_account_api_idx").on(t.accountId, t.api, t.expiresAt),
    index("packs_purchase_idx").on(t.purchaseId),
  ],
);

export const refundStatuses = ["approved", "pending-review", "rejected"] as const;
export type RefundStatus = (typeof refundStatuses)[number];

/** A refund request for one bought pack (SPEC §4). At most one live request (approved or pending) per pack. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    packId: uuid("pack_id")
      .notNull()
      .references(() => packs.id),
    purchaseId: uuid("purchase_id")
      .notNull()
      .references(() => purchases.id),
    status: text("status", { enum: refundStatuses }).notNull(),
    returnedGift: money("returned_gift").notNull(),
    returnedIncome: money("returned_income").notNull(),
    returnedCash: money("returned_cash").notNull(),
    voucherNotReturned: money("voucher_not_returned").notNull(),
    /** Why support held or rejected it. */
    reason: text("reason"),
    ledgerTransactionId: uuid("ledger_transaction_id").references(() => ledgerTransactions.id),
    requestedAt: timestamp("requested_at", { withTimezone: true, mode: "date" }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    check("refunds_status_check", sql`${t.status} in ('approved','pending-review','rejected')`),
    uniqueIndex("refunds_one_live_per_pack").on(t.packId).where(sql`${t.status} in ('approved','pending-review')`),
    index("refunds_account_requested_idx").on(t.accountId, t.requestedAt),
  ],
);
