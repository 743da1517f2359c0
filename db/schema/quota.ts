import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./identity";
import { purchases } from "./purchases";

export const qpsModes = ["calls", "qps"] as const;
export type QpsMode = (typeof qpsModes)[number];

/** How a QPS group is billed (SPEC §2.6): by calls (default, no row needed) or by QPS. */
export const qpsGroupModes = pgTable(
  "qps_group_modes",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    groupId: text("group_id").notNull(),
    mode: text("mode", { enum: qpsModes }).notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.groupId] }), check("qps_group_modes_mode_check", sql`${t.mode} in ('calls','qps')`)],
);

/** QPS bought for a period (SPEC §2.6); the group's limit at an instant is the sum of the grants in force. */
export const qpsGrants = pgTable(
  "qps_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    groupId: text("group_id").notNull(),
    qps: integer("qps").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }).notNull(),
    purchaseId: uuid("purchase_id").references(() => purchases.id),
    /** Issue 22: renew this monthly grant from the balance when it ends (lib/quota/auto-renew.ts). Opt-in. */
    autoRenew: boolean("auto_renew").notNull().default(false),
  },
  (t) => [check("qps_grants_qps_positive", sql`${t.qps} > 0`), check("qps_grants_period", sql`${t.endsAt} > ${t.startsAt}`), index("qps_grants_account_idx").on(t.accountId, t.groupId, t.endsAt)],
);

export const licenceKinds = ["scan-sdk", "scan-sdk-trial", "offline-sdk-trial", "offline-sdk-formal"] as const;
export type LicenceKind = (typeof licenceKinds)[number];

/**
 * SDK licences (SPEC §2.7): scan.sdk bought for an app or its 3-month trial, and the body
 * offline-SDK trial (60 days, ≤ 4 devices), and the formal offline-SDK licence bought from support's
 * quote (bound to one app package name, `android_package`, for the quoted years). Each trial once per account.
 */
export const licences = pgTable(
  "licences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind", { enum: licenceKinds }).notNull(),
    appName: text("app_name"),
    iosBundleId: text("ios_bundle_id"),
    androidPackage: text("android_package"),
    deviceIds: text("device_ids").array(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull(),
    /** null = forever (a bought scan.sdk). */
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }),
    purchaseId: uuid("purchase_id").references(() => purchases.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Issue 22: renew this formal offline-SDK licence from the balance when it ends (lib/purchases/licence-auto-renew.ts). Opt-in. */
    autoRenew: boolean("auto_renew").notNull().default(false),
  },
  (t) => [
    check("licences_kind_check", sql`${t.kind} in ('scan-sdk','scan-sdk-trial','offline-sdk-trial','offline-sdk-formal')`),
    check("licences_devices_at_most_4", sql`${t.deviceIds} is null or cardinality(${t.deviceIds}) <= 4`),
    uniqueIndex("licences_trial_once").on(t.accountId, t.kind).where(sql`${t.kind} in ('scan-sdk-trial','offline-sdk-trial')`),
    index("licences_account_idx").on(t.accountId),
  ],
);

export const supportRequestKinds = ["qps-increase", "offline-sdk-formal"] as const;
export type SupportRequestKind = (typeof supportRequestKinds)[number];

/** Requests support handles with its own tools (a later issue): QPS above 200, a formal offline-SDK licence quote. */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind", { enum: supportRequestKinds }).notNull(),
    status: text("status").notNull().default("open"),
    details: jsonb("details").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("support_requests_account_idx").on(t.accountId, t.createdAt)],
);

export const licenceQuoteStatuses = ["open", "paid", "declined"] as const;
export type LicenceQuoteStatus = (typeof licenceQuoteStatuses)[number];

/**
 * Support's quote for a formal offline-SDK licence request (SPEC §2.7: priced on request). The
 * customer pays it at checkout or declines it; an open quote past `expires_at` (quoted + 30 days) is
 * expired, derived from the date (no job): checkout refuses it and support may quote again.
 */
export const licenceQuotes = pgTable(
  "licence_quotes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    packageName: text("package_name").notNull(),
    years: integer("years").notNull(),
    price: numeric("price", { precision: 20, scale: 2 }).notNull(),
    status: text("status", { enum: licenceQuoteStatuses }).notNull().default("open"),
    quotedBy: uuid("quoted_by")
      .notNull()
      .references(() => users.id),
    quotedAt: timestamp("quoted_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    purchaseId: uuid("purchase_id").references(() => purchases.id),
  },
  (t) => [
    check("licence_quotes_price_positive", sql`${t.price} > 0`),
    check("licence_quotes_years", sql`${t.years} between 1 and 5`),
    check("licence_quotes_status_check", sql`${t.status} in ('open','paid','declined')`),
    check("licence_quotes_paid_has_purchase", sql`(${t.status} = 'paid') = (${t.purchaseId} is not null)`),
    index("licence_quotes_account_idx").on(t.accountId, t.quotedAt),
    index("licence_quotes_request_idx").on(t.requestId),
  ],
);
