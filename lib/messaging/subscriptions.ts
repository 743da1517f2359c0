import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { users, type MemberRole } from "@/db/schema/identity";
import { deliveryChannels, memberSubscriptions, subscriptions, type DeliveryChannel } from "@/db/schema/messaging";
import type { ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { recordAudit } from "@/lib/audit";

/** Subscription topics: each product's alerts, and `account` for billing notices (arrears, suspension). */
export const subscriptionTopics = ["scan", "recognition", "processing", "body", "account"] as const;
export type SubscriptionTopic = (typeof subscriptionTopics)[number];

const targetRules: Record<DeliveryChannel, z.ZodType<string>> = {
  email: z.email({ error: "target must be an email address" }),
  sms: z.string().regex(/^\+?[0-9]{6,15}$/, { error: "target must be a phone number (digits, optional +)" }),
  wechat: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, { error: "target must be a WeChat OpenID" }),
};

export const subscriptionInput = z
  .object({
    topic: z.enum(subscriptionTopics, { error: "topic is not a product or account" }),
    channel: z.enum(deliveryChannels, { error: "channel must be email, sms or wechat" }),
    enabled: z.boolean({ error: "enabled must be true or false" }),
    target: z.string().trim().max(254, { error: "target is too long" }),
  })
  .superRefine((value, issues) => {
    if (!value.enabled && value.target === "") return;
    const check = targetRules[value.channel].safeParse(value.target);
    if (!check.success) issues.addIssue({ code: "custom", path: ["target"], message: check.error.issues[0]?.message ?? "target is invalid" });
  });
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

export interface SubscriptionRow {
  topic: SubscriptionTopic;
  channel: DeliveryChannel;
  enabled: boolean;
  target: string;
}

type Choice = { product: string; channel: DeliveryChannel; enabled: boolean; target: string };

/** A member's own choices over the account's (their defaults), per topic and channel (issue 21 item 5). */
function effective(accountRows: readonly Choice[], memberRows: readonly Choice[]): Map<string, Choice> {
  const out = new Map<string, Choice>();
  for (const row of accountRows) out.set(`${row.product}:${row.channel}`, row);
  for (const row of memberRows) out.set(`${row.product}:${row.channel}`, row);
  return out;
}

/**
 * Every topic × channel as the reader has it: a member's own rows, else the account's (the choices made
 * before the account had members, now every member's default), else off with no target.
 */
export async function listSubscriptions({ ctx }: { ctx: ServiceContext }): Promise<SubscriptionRow[]> {
  const accountId = accountOf(ctx.actor);
  const accountRows = await ctx.db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  const memberRows =
    ctx.actor.type === "customer"
      ? await ctx.db.select().from(memberSubscriptions).where(and(eq(memberSubscriptions.userId, ctx.actor.userId), eq(memberSubscriptions.accountId, accountId)))
      : [];
  const byKey = effective(accountRows, memberRows);
  // Reading BILLING_MESSAGES_EMAIL_BY_DEFAULT: with nothing chosen, an owner's billing and account
  // messages go to their sign-in email.
  const defaultEmail = !byKey.has("account:email") && ctx.actor.type === "customer" ? await ownerDefaultEmail(ctx, ctx.actor.userId) : undefined;
  return subscriptionTopics.flatMap((topic) =>
    deliveryChannels.map((channel) => {
      const row = byKey.get(`${topic}:${channel}`);
      if (!row && topic === "account" && channel === "email" && defaultEmail) return { topic, channel, enabled: true, target: defaultEmail };
      return { topic, channel, enabled: row?.enabled ?? false, target: row?.target ?? "" };
    }),
  );
}

/** A member changes their own channels (every role may: docs/roles.md); the account's defaults stay as they are. */
export async function updateSubscription({ ctx, input }: { ctx: ServiceContext; input: SubscriptionInput }): Promise<SubscriptionRow> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    if (tx.actor.type === "customer") {
      await tx.db
        .insert(memberSubscriptions)
        .values({ userId: tx.actor.userId, accountId, product: input.topic, channel: input.channel, enabled: input.enabled, target: input.target, updatedAt: tx.now })
        .onConflictDoUpdate({
          target: [memberSubscriptions.userId, memberSubscriptions.product, memberSubscriptions.channel],
          set: { enabled: input.enabled, target: input.target, updatedAt: tx.now },
        });
    } else {
      await tx.db
        .insert(subscriptions)
        .values({ accountId, product: input.topic, channel: input.channel, enabled: input.enabled, target: input.target, updatedAt: tx.now })
        .onConflictDoUpdate({
          target: [subscriptions.accountId, subscriptions.product, subscriptions.channel],
          set: { enabled: input.enabled, target: input.target, updatedAt: tx.now },
        });
    }
    await recordAudit(tx, { action: "subscriptions.update", accountId, target: `${input.topic}:${input.channel}`, after: input });
    return input;
  });
}

/** One place a message may go: a member's enabled channel with a target. */
export interface MemberChannel {
  accountId: string;
  role: MemberRole;
  product: string;
  channel: DeliveryChannel;
  target: string;
  /** Not chosen: the owner's default email, for billing and account messages only. */
  byDefault?: boolean;
}

/**
 * Every enabled channel of every current member of the given accounts, each member's own choices over
 * the account's defaults (three queries, however many accounts: the close notifies thousands at once).
 */
export async function memberChannels(db: ServiceContext["db"], accountIds: readonly string[]): Promise<MemberChannel[]> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return [];
  // One after another: inside the caller's transaction these share one connection.
  const members = await db
    .select({ userId: users.id, accountId: users.accountId, role: users.memberRole, email: users.email })
    .from(users)
    .where(and(inArray(users.accountId, ids), eq(users.role, "customer"), isNull(users.removedAt)));
  const accountRows = await db.select().from(subscriptions).where(inArray(subscriptions.accountId, ids));
  const memberRows = await db.select().from(memberSubscriptions).where(inArray(memberSubscriptions.accountId, ids));
  return members.flatMap((member) => {
    if (!member.accountId) return [];
    const accountId = member.accountId;
    const choices = effective(
      accountRows.filter((r) => r.accountId === accountId),
      memberRows.filter((r) => r.userId === member.userId),
    );
    const chosen: MemberChannel[] = [...choices.values()]
      .filter((c) => c.enabled && c.target.trim() !== "")
      .map((c) => ({ accountId, role: member.role ?? "owner", product: c.product, channel: c.channel, target: c.target }));
    // Reading BILLING_MESSAGES_EMAIL_BY_DEFAULT: an owner who never chose the account topic's email
    // gets billing and account messages at their sign-in email (only those: `byDefault`).
    if (!choices.has("account:email") && (member.role ?? "owner") === "owner") chosen.push({ accountId, role: "owner", product: "account", channel: "email", target: member.email, byDefault: true });
    return chosen;
  });
}

/** The sign-in email of an owner (their default for billing and account email), else undefined. */
async function ownerDefaultEmail(ctx: ServiceContext, userId: string): Promise<string | undefined> {
  const [row] = await ctx.db.select({ email: users.email, role: users.memberRole }).from(users).where(eq(users.id, userId)).limit(1);
  return row && (row.role ?? "owner") === "owner" ? row.email : undefined;
}
