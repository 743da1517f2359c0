import "server-only";
import { and, eq } from "drizzle-orm";
import { messages, outbox, subscriptions } from "@/db/schema/messaging";
import type { ServiceContext } from "@/lib/context";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { messageBodyKey, messageTitleKey, type MessageKind } from "./kinds";

export interface Notification {
  accountId: string;
  kind: MessageKind;
  /** The product it concerns; subscriptions are per product. Account-wide messages use null. */
  product: string | null;
  params: Record<string, string | number>;
  /** Once per key per account, e.g. `pack-low:<packId>:20`: a repeat is silently a no-op. */
  dedupeKey: string;
}

const translators = { en: createTranslator(catalogs.en), zh: createTranslator(catalogs["zh-CN"]) };

/** External channels get both languages: the account has no language of its own, its readers do. */
function render(kind: MessageKind, params: Record<string, string | number>): { subject: string; body: string } {
  const subject = `${translators.zh(messageTitleKey(kind), params)} / ${translators.en(messageTitleKey(kind), params)}`;
  const body = `${translators.zh(messageBodyKey(kind), params)}\n\n${translators.en(messageBodyKey(kind), params)}`;
  return { subject, body };
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
  const subscribed = await ctx.db
    .select({ channel: subscriptions.channel, target: subscriptions.target })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.accountId, notification.accountId),
        eq(subscriptions.product, notification.product ?? "account"),
        eq(subscriptions.enabled, true),
      ),
    );
  const deliveries = subscribed.filter((s) => s.target.trim() !== "");
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
