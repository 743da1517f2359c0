import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./identity";

/** An API key's scopes (issue 21 item 4). */
export const apiKeyScopes = ["usage:write", "read"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** Keys the metering gateway authenticates with (API.md §1). Only a SHA-256 of the secret is kept. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    displayPrefix: text("display_prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    /** What the key may call (issue 21 item 4): `usage:write` (usage, authorize), `read` (the read API). */
    scopes: text("scopes", { enum: apiKeyScopes }).array().notNull().default(sql`'{}'::text[]`),
    /** The member who created it (null: an ops command, or a key older than members). */
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("api_keys_secret_hash").on(t.secretHash),
    index("api_keys_account_idx").on(t.accountId),
    check("api_keys_scopes_check", sql`${t.scopes} <@ array['usage:write','read']::text[]`),
  ],
);

/**
 * Every accepted call report. The primary key (account, event id, month) is what makes a retried or
 * racing event count once: a retry carries the same `at`, so the same month (docs/readings.md). The
 * split says how the event was drawn when it arrived (SPEC §2.5).
 *
 * Partitioned by LIST (month), one partition per Shanghai calendar month plus a default one, which
 * drizzle does not model: migration 0012 (hand-written) makes the table partitioned, and
 * lib/metering/partitions.ts creates each month's partition before its first event. The primary
 * key must hold the partition key, hence `month` in it; reads by account use its prefix.
 */
export const usageEvents = pgTable(
  "usage_events",
  {
    accountId: uuid("account_id").notNull(),
    eventId: text("event_id").notNull(),
    api: text("api").notNull(),
    calls: integer("calls").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    month: text("month").notNull(),
    free: integer("free").notNull(),
    fromPacks: integer("from_packs").notNull(),
    billable: integer("billable").notNull(),
    keyId: uuid("key_id"),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.eventId, t.month] }),
    check("usage_events_split", sql`${t.free} + ${t.fromPacks} + ${t.billable} = ${t.calls} and ${t.free} >= 0 and ${t.fromPacks} >= 0 and ${t.billable} >= 0`),
  ],
);

/**
 * Per account, API and hour (Shanghai calendar month alongside): kept in step with usage_events in
 * the same transaction, so month totals, tiers and charts never scan raw events.
 */
export const usageHourly = pgTable(
  "usage_hourly",
  {
    accountId: uuid("account_id").notNull(),
    api: text("api").notNull(),
    hour: timestamp("hour", { withTimezone: true, mode: "date" }).notNull(),
    month: text("month").notNull(),
    calls: bigint("calls", { mode: "number" }).notNull(),
    free: bigint("free", { mode: "number" }).notNull(),
    fromPacks: bigint("from_packs", { mode: "number" }).notNull(),
    billable: bigint("billable", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.api, t.hour] }), index("usage_hourly_account_month_idx").on(t.accountId, t.month)],
);

/** Customer-chosen low-remaining alert threshold per product (SPEC §5); the 0 alert always applies. */
export const alertThresholds = pgTable(
  "alert_thresholds",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    product: text("product").notNull(),
    lowPercent: integer("low_percent").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.product] }), check("alert_thresholds_range", sql`${t.lowPercent} between 1 and 99`)],
);

/**
 * Issue 22 part 1: events that arrived after their month's close started (`rejected: closed-month`),
 * per account and month of the event, so staff can see a gateway that reports late. Written in the
 * same transaction as the rejection; a resend of an event already recorded is `duplicate`, not late.
 */
export const lateEvents = pgTable(
  "late_events",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    month: text("month").notNull(),
    events: integer("events").notNull(),
    calls: bigint("calls", { mode: "number" }).notNull(),
    firstAt: timestamp("first_at", { withTimezone: true, mode: "date" }).notNull(),
    lastAt: timestamp("last_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.month] }), check("late_events_positive", sql`${t.events} > 0 and ${t.calls} > 0`)],
);
