import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { deliveryChannels, subscriptions, type DeliveryChannel } from "@/db/schema/messaging";
import type { ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { recordAudit } from "@/lib/audit";
import { ownerEmails } from "./notify";

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

/**
 * Every topic × channel, with defaults where the customer has set nothing: off and no target,
 * except the account topic's email, on to the owner's email (Reading BILLING_MESSAGES_EMAIL_BY_DEFAULT).
 */
export async function listSubscriptions({ ctx }: { ctx: ServiceContext }): Promise<SubscriptionRow[]> {
  const accountId = accountOf(ctx.actor);
  const rows = await ctx.db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  const byKey = new Map(rows.map((r) => [`${r.product}:${r.channel}`, r]));
  const ownerEmail = byKey.has("account:email") ? undefined : (await ownerEmails(ctx, [accountId])).get(accountId);
  return subscriptionTopics.flatMap((topic) =>
    deliveryChannels.map((channel) => {
      const row = byKey.get(`${topic}:${channel}`);
      if (!row && topic === "account" && channel === "email" && ownerEmail) return { topic, channel, enabled: true, target: ownerEmail };
      return { topic, channel, enabled: row?.enabled ?? false, target: row?.target ?? "" };
    }),
  );
}

export async function updateSubscription({ ctx, input }: { ctx: ServiceContext; input: SubscriptionInput }): Promise<SubscriptionRow> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(subscriptions)
      .values({ accountId, product: input.topic, channel: input.channel, enabled: input.enabled, target: input.target, updatedAt: tx.now })
      .onConflictDoUpdate({
        target: [subscriptions.accountId, subscriptions.product, subscriptions.channel],
        set: { enabled: input.enabled, target: input.target, updatedAt: tx.now },
      });
    await recordAudit(tx, { action: "subscriptions.update", accountId, target: `${input.topic}:${input.channel}`, after: input });
    return input;
  });
}
