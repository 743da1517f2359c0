import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./identity";

/** Channels a customer may subscribe to (SPEC §5). The in-console inbox is always on and not a row here. */
export const deliveryChannels = ["email", "sms", "wechat"] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/**
 * The in-console inbox. A message is stored as a catalog key + parameters and rendered in the
 * reader's language. `dedupeKey` makes "once per pack and threshold" a constraint, not a hope.
 */
export const messages = pgTable(
  "messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind").notNull(),
    product: text("product"),
    params: jsonb("params").$type<Record<string, string | number>>().notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("messages_dedupe").on(t.accountId, t.dedupeKey), index("messages_account_created_idx").on(t.accountId, t.createdAt)],
);

/** Per product and channel: whether the customer wants messages there, and where to send them. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    product: text("product").notNull(),
    channel: text("channel", { enum: deliveryChannels }).notNull(),
    enabled: boolean("enabled").notNull().default(false),
    /** An email address, a phone number or a WeChat OpenID, by channel. */
    target: text("target").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.product, t.channel] }), check("subscriptions_channel_check", sql`${t.channel} in ('email','sms','wechat')`)],
);

/**
 * A member's own channel choices (issue 21 item 5), per topic and channel like `subscriptions`. Where a
 * member has no row, the account's row above is their default (docs/roles.md "Messages").
 */
export const memberSubscriptions = pgTable(
  "member_subscriptions",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    product: text("product").notNull(),
    channel: text("channel", { enum: deliveryChannels }).notNull(),
    enabled: boolean("enabled").notNull().default(false),
    target: text("target").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.product, t.channel] }),
    index("member_subscriptions_account_idx").on(t.accountId),
    check("member_subscriptions_channel_check", sql`${t.channel} in ('email','sms','wechat')`),
  ],
);

export const outboxStatuses = ["pending", "sent", "dead"] as const;

/**
 * Deliveries to external channels. Written in the same transaction as the message, sent later by
 * the delivery job with retries: a channel that is down delays delivery but loses nothing, and a
 * delivery is marked sent exactly once (unique per message, channel and target: several members of
 * one account may each get the same message, issue 21).
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: integer("message_id").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    channel: text("channel", { enum: deliveryChannels }).notNull(),
    target: text("target").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    uniqueIndex("outbox_once_per_target").on(t.messageId, t.channel, t.target),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    check("outbox_status_check", sql`${t.status} in ('pending','sent','dead')`),
  ],
);
