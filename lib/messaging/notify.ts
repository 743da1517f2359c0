import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { users } from "@/db/schema/identity";
import { messages, outbox, subscriptions, type DeliveryChannel } from "@/db/schema/messaging";
import type { ServiceContext } from "@/lib/context";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { billingMessageKinds, type MessageKind } from "./kinds";
import { presentMessage } from "./present";

export interface Notification {
  accountId: string;
  kind: MessageKind;
  /** The product it concerns; subscriptions are per product. Account-wide messages use null. */
  product: string | null;
  params: Record<string, string | number>;
  /** Once per key per account, e.g. `pack-low:<packId>:20`: a repeat is silently a no-op. */
  dedupeKey: string;
}

const translators = { en: createTranslator(catalogs.en, "en"), zh: createTranslator(catalogs["zh-CN"], "zh-CN") };

/** External channels get both languages: the account has no language of its own, its readers do. */
function render(kind: MessageKind, params: Record<string, string | number>): { subject: string; body: string } {
  const zh = presentMessage(translators.zh, "zh-CN", { kind, params });
  const en = presentMessage(translators.en, "en", { kind, params });
  const subject = `${zh.title} / ${en.title}`;
  const body = `${zh.body ?? ""}\n\n${en.body ?? ""}`;
  return { subject, body };
}

interface Target {
  accountId: string;
  topic: string;
  channel: DeliveryChannel;
  target: string;
  /** The owner's email standing in for a subscription never set: billing messages only. */
  byDefault?: boolean;
}

/**
 * Where the accounts' messages go: every enabled subscription with a target, and — Reading
 * BILLING_MESSAGES_EMAIL_BY_DEFAULT — the owner's email for the `account` topic when the customer
 * has never set that topic's email channel (a row they saved, even switched off, wins).
 */
async function deliveryTargets(ctx: ServiceContext, accountIds: string[], withDefaults: boolean): Promise<Target[]> {
  const rows = await ctx.db
    .select({ accountId: subscriptions.accountId, topic: subscriptions.product, channel: subscriptions.channel, target: subscriptions.target, enabled: subscriptions.enabled })
    .from(subscriptions)
    .where(inArray(subscriptions.accountId, accountIds));
  const chosen = rows.filter((r) => r.enabled && r.target.trim() !== "");
  const emailSet = new Set(rows.filter((r) => r.topic === "account" && r.channel === "email").map((r) => r.accountId));
  const unset = accountIds.filter((id) => !emailSet.has(id));
  if (!withDefaults || unset.length === 0) return chosen;
  const owners = await ownerEmails(ctx, unset);
  return [...chosen, ...[...owners].map(([accountId, target]) => ({ accountId, topic: "account", channel: "email" as const, target, byDefault: true }))];
}

/** The first customer user of each account: the one who signed up, its owner. */
export async function ownerEmails(ctx: ServiceContext, accountIds: string[]): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ accountId: users.accountId, email: users.email })
    .from(users)
    .where(and(inArray(users.accountId, accountIds), eq(users.role, "customer")))
    .orderBy(asc(users.createdAt), asc(users.id));
  const owners = new Map<string, string>();
  for (const row of rows) if (row.accountId && !owners.has(row.accountId)) owners.set(row.accountId, row.email);
  return owners;
}

function isBillingMessage(notification: Notification): boolean {
  return notification.product === null && billingMessageKinds.includes(notification.kind);
}

function targetsFor(targets: Target[], notification: Notification): Target[] {
  const topic = notification.product ?? "account";
  const isBilling = isBillingMessage(notification);
  return targets.filter((t) => t.accountId === notification.accountId && t.topic === topic && (isBilling || !t.byDefault));
}

/**
 * `notify` for many accounts at once in a constant number of statements (the close can put
 * thousands of accounts in arrears in one batch). Returns how many messages were new.
 */
export async function notifyMany(ctx: ServiceContext, notifications: Notification[]): Promise<number> {
  if (notifications.length === 0) return 0;
  const inserted = await ctx.db
    .insert(messages)
    .values(notifications.map((n) => ({ accountId: n.accountId, kind: n.kind, product: n.product, params: n.params, dedupeKey: n.dedupeKey, createdAt: ctx.now })))
    .onConflictDoNothing()
    .returning({ id: messages.id, accountId: messages.accountId, dedupeKey: messages.dedupeKey });
  if (inserted.length === 0) return 0;
  const byKey = new Map(notifications.map((n) => [`${n.accountId}|${n.dedupeKey}`, n]));
  const targets = await deliveryTargets(ctx, [...new Set(inserted.map((m) => m.accountId))], notifications.some(isBillingMessage));
  const deliveries = inserted.flatMap((message) => {
    const notification = byKey.get(`${message.accountId}|${message.dedupeKey}`);
    if (!notification) return [];
    const { subject, body } = render(notification.kind, notification.params);
    return targetsFor(targets, notification).map((s) => ({ messageId: message.id, accountId: message.accountId, channel: s.channel, target: s.target, subject, body, nextAttemptAt: ctx.now, createdAt: ctx.now }));
  });
  if (deliveries.length > 0) await ctx.db.insert(outbox).values(deliveries);
  return inserted.length;
}

/**
 * Records a message in the inbox and queues its deliveries to the subscribed channels, using
 * `ctx.db` so it commits with the caller's change (the pack draw, the bill). Returns whether it was new.
 */
export async function notify(ctx: ServiceContext, notification: Notification): Promise<boolean> {
  const [inserted] = await ctx.db
    .insert(messages)
    .values({
      accountId: notification.accountId,
      kind: notification.kind,
      product: notification.product,
      params: notification.params,
      dedupeKey: notification.dedupeKey,
      createdAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning({ id: messages.id });
  if (!inserted) return false;
  const deliveries = targetsFor(await deliveryTargets(ctx, [notification.accountId], isBillingMessage(notification)), notification);
  if (deliveries.length > 0) {
    const { subject, body } = render(notification.kind, notification.params);
    await ctx.db.insert(outbox).values(
      deliveries.map((d) => ({
        messageId: inserted.id,
        accountId: notification.accountId,
        channel: d.channel,
        target: d.target,
        subject,
        body,
        nextAttemptAt: ctx.now,
        createdAt: ctx.now,
      })),
    );
  }
  return true;
}
