import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
