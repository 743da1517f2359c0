import "server-only";
import { messages, outbox } from "@/db/schema/messaging";
import type { ServiceContext } from "@/lib/context";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { billingMessageKinds, type MessageKind } from "./kinds";
import { isFor } from "./audience";
import { presentMessage } from "./present";
import { memberChannels, type MemberChannel } from "./subscriptions";

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

function isBillingMessage(notification: Notification): boolean {
  return notification.product === null && billingMessageKinds.includes(notification.kind);
}

/**
 * Where one message goes (issue 21 item 5): the channels of the members whose role is in the kind's
 * audience, for the message's topic, each channel and target once (two members sharing an address get
 * one email).
 */
function recipients(channels: readonly MemberChannel[], notification: Notification): { channel: MemberChannel["channel"]; target: string }[] {
  const topic = notification.product ?? "account";
  const seen = new Map<string, { channel: MemberChannel["channel"]; target: string }>();
  for (const c of channels) {
    if (c.accountId !== notification.accountId || c.product !== topic || !isFor(notification.kind, c.role)) continue;
    if (c.byDefault && !isBillingMessage(notification)) continue;
    seen.set(`${c.channel}|${c.target.trim()}`, { channel: c.channel, target: c.target.trim() });
  }
  return [...seen.values()];
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
  const channels = await memberChannels(ctx.db, inserted.map((m) => m.accountId));
  const deliveries = inserted.flatMap((message) => {
    const notification = byKey.get(`${message.accountId}|${message.dedupeKey}`);
    if (!notification) return [];
    const to = recipients(channels, notification);
    if (to.length === 0) return [];
    const { subject, body } = render(notification.kind, notification.params);
    return to.map((d) => ({ messageId: message.id, accountId: message.accountId, channel: d.channel, target: d.target, subject, body, nextAttemptAt: ctx.now, createdAt: ctx.now }));
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
  const deliveries = recipients(await memberChannels(ctx.db, [notification.accountId]), notification);
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
