import { sql } from "drizzle-orm";
import { boolean, check, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./identity";

/**
 * Monthly budgets (issue 13): for the whole account (`scope` = "account") or one product. Alerts fire
 * once per month, basis (actual / forecast) and threshold; the messages' dedupe key holds that, so
 * this table keeps no firing state.
 */
export const budgets = pgTable(
  "budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    scope: text("scope").notNull(),
    amount: numeric("amount", { precision: 20, scale: 2 }).notNull(),
    /** Percentages of the amount, ascending, e.g. {50,80,100}. */
    thresholds: integer("thresholds").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [uniqueIndex("budgets_account_scope").on(t.accountId, t.scope), check("budgets_amount_positive", sql`${t.amount} > 0`)],
);

/**
 * The balance alert (one per account): "tell me when my available balance falls below X".
 * `armed` is true while the balance is at or above X; a crossing disarms it and counts one more
 * crossing (the message's dedupe key), and a balance back at or above X re-arms it.
 */
export const balanceAlerts = pgTable(
  "balance_alerts",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id),
    threshold: numeric("threshold", { precision: 20, scale: 2 }).notNull(),
    enabled: boolean("enabled").notNull(),
    armed: boolean("armed").notNull().default(true),
    crossings: integer("crossings").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [check("balance_alerts_threshold_positive", sql`${t.threshold} > 0`)],
);
