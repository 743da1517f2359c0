import "server-only";
import { and, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { messages } from "@/db/schema/messaging";
import type { ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { recordAudit } from "@/lib/audit";
import { kindsOfTopic, type MessageTopic } from "./kinds";
import { audienceFilter, readerRole } from "./reader";

export type InboxMessage = typeof messages.$inferSelect;

type InboxQuery = { unreadOnly?: boolean; topic?: MessageTopic };

/** The messages of the reader's account meant for their role (lib/messaging/audience.ts), filtered as asked. */
async function inboxWhere(ctx: ServiceContext, input: InboxQuery) {
  const topic = input.topic ? inArray(messages.kind, kindsOfTopic(input.topic)) : undefined;
  return and(eq(messages.accountId, accountOf(ctx.actor)), input.unreadOnly ? isNull(messages.readAt) : undefined, topic, audienceFilter(await readerRole(ctx)));
}

function selectMessages(ctx: ServiceContext, where: SQL | undefined, limit: number, offset: number): Promise<InboxMessage[]> {
  return ctx.db.select().from(messages).where(where).orderBy(desc(messages.createdAt), desc(messages.id)).limit(Math.min(limit, 500)).offset(offset);
}

export async function listMessages({ ctx, input }: { ctx: ServiceContext; input: InboxQuery & { limit?: number } }): Promise<InboxMessage[]> {
  return selectMessages(ctx, await inboxWhere(ctx, input), input.limit ?? 100, 0);
}

/** One page of the inbox, newest first, with how many messages and pages the filter holds. */
export async function inboxPage({ ctx, input }: { ctx: ServiceContext; input: InboxQuery & { page: number; pageSize: number } }): Promise<{ messages: InboxMessage[]; total: number; pages: number }> {
  const where = await inboxWhere(ctx, input);
  const [listed, [counted]] = await Promise.all([selectMessages(ctx, where, input.pageSize, (input.page - 1) * input.pageSize), ctx.db.select({ n: count() }).from(messages).where(where)]);
  const total = counted?.n ?? 0;
  return { messages: listed, total, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

export async function unreadCount({ ctx }: { ctx: ServiceContext }): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.accountId, accountOf(ctx.actor)), isNull(messages.readAt), audienceFilter(await readerRole(ctx))));
  return row?.n ?? 0;
}

/** Marks the given messages (or all, with `ids` empty) of the actor's own account as read. */
export async function markRead({ ctx, input }: { ctx: ServiceContext; input: { ids: number[] } }): Promise<number> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  // Only messages the member can see: "mark all read" leaves the other roles' messages unread.
  const audience = audienceFilter(await readerRole(ctx));
  const scope = and(eq(messages.accountId, accountId), input.ids.length > 0 ? inArray(messages.id, input.ids) : undefined, audience);
  const updated = await ctx.db
    .update(messages)
    .set({ readAt: ctx.now })
    .where(and(scope, isNull(messages.readAt)))
    .returning({ id: messages.id });
  if (updated.length > 0) await recordAudit(ctx, { action: "messages.read", accountId, after: { count: updated.length } });
  return updated.length;
}
