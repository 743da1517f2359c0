import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./identity";

export const supportSessionEndReasons = ["stopped", "expired", "revoked"] as const;
export type SupportSessionEndReason = (typeof supportSessionEndReasons)[number];

/**
 * A staff member viewing one customer's console (SPEC §8 impersonation), held on the server: the
 * staff sign-in stays what it is, and every request looks this row up, so an expiry, a stop or the
 * customer's revoke takes effect at the next request. At most one live row per staff member.
 */
export const supportSessions = pgTable(
  "support_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => users.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    reason: text("reason").notNull(),
    ticketRef: text("ticket_ref"),
    ip: text("ip").notNull(),
    userAgent: text("user_agent").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    /** started_at + 60 minutes: after this a request is an ordinary staff request again. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    endReason: text("end_reason", { enum: supportSessionEndReasons }),
  },
  (t) => [
    check("support_sessions_end_reason_check", sql`${t.endReason} is null or ${t.endReason} in ('stopped','expired','revoked')`),
    check("support_sessions_ended_with_reason", sql`(${t.endedAt} is null) = (${t.endReason} is null)`),
    check("support_sessions_reason_length", sql`char_length(${t.reason}) >= 10`),
    uniqueIndex("support_sessions_one_live_per_staff").on(t.staffUserId).where(sql`${t.endedAt} is null`),
    index("support_sessions_account_idx").on(t.accountId, t.startedAt),
  ],
);

/**
 * QPS above 200 approved by support for a group (SPEC §2.6), from a date at least 7 days after the
 * request. The group's purchase cap at an instant is the latest approval in force, else 200.
 */
export const qpsLimits = pgTable(
  "qps_limits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    groupId: text("group_id").notNull(),
    maxQps: integer("max_qps").notNull(),
    appliesFrom: timestamp("applies_from", { withTimezone: true, mode: "date" }).notNull(),
    requestId: uuid("request_id").notNull().unique(),
    approvedBy: uuid("approved_by")
      .notNull()
      .references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [check("qps_limits_above_200", sql`${t.maxQps} > 200`), index("qps_limits_account_idx").on(t.accountId, t.groupId, t.appliesFrom)],
);

/** Staff marking an account disabled for a content violation (SPEC §6), and lifting it; the customer sees the reason. */
export const accountViolations = pgTable(
  "account_violations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    reason: text("reason").notNull(),
    markedBy: uuid("marked_by")
      .notNull()
      .references(() => users.id),
    markedAt: timestamp("marked_at", { withTimezone: true, mode: "date" }).notNull(),
    liftedBy: uuid("lifted_by").references(() => users.id),
    liftedAt: timestamp("lifted_at", { withTimezone: true, mode: "date" }),
    liftReason: text("lift_reason"),
  },
  (t) => [uniqueIndex("account_violations_one_open").on(t.accountId).where(sql`${t.liftedAt} is null`)],
);
