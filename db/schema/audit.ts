import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./identity";

/** Who did it (STYLE §7). `impersonation` is a staff member acting as a customer (read-only). */
export const actorTypes = ["customer", "staff", "impersonation", "api-key", "system"] as const;
export type ActorType = (typeof actorTypes)[number];

/** Append-only: nothing updates or deletes these rows. The customer sees the rows of their own account. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actorType: text("actor_type", { enum: actorTypes }).notNull(),
    actorId: text("actor_id"),
    accountId: uuid("account_id").references(() => accounts.id),
    action: text("action").notNull(),
    target: text("target"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_account_at_idx").on(t.accountId, t.at)],
);
