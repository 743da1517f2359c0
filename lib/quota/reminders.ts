import "server-only";
import { and, eq, gt, inArray, isNull, lte, ne } from "drizzle-orm";
import { licences, packs, qpsGrants, qpsGroupModes } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { notifyMany, type Notification } from "@/lib/messaging/notify";
import { formatCount, formatYuan, pricePurchase, productOfPack, qpsItemId, type QpsGroupId } from "@/lib/pricing";
import { quoteOfPurchase } from "./licence-quotes";

const DAY_MS = 86_400_000;

/** Issue 22 part 4: how far ahead each reminder goes. Packs twice (30 and 7 days), QPS 3 days, licences and trials 30. */
export const REMINDER_DAYS = { pack: [30, 7], qps: 3, licence: 30 } as const;

const LICENCE_PRODUCT = { "scan-sdk-trial": "scan", "offline-sdk-trial": "body", "offline-sdk-formal": "body" } as const;

/**
 * Renewal reminders, run by `run-due`: a bought or gift pack with calls left that expires within
 * 30 and within 7 days; a QPS grant ending within 3 days while its group bills by QPS; an SDK
 * trial or offline-SDK licence ending within 30 days. Each once (its dedupe key); a pack first seen
 * inside 7 days gets only the 7-day one. Sent through the subscribed channels of its product, and
 * each links to the page that renews it (lib/messaging/present.ts). An item with auto-renew on gets
 * the message before its renewal instead, with the price it will be charged. `accountId` limits the
 * run to one account (the e2e test route, app/api/test/run-due).
 */
export async function sendRenewalReminders({ ctx, accountId }: { ctx: ServiceContext; accountId?: string }): Promise<{ sent: number }> {
  const now = ctx.now;
  const within = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const notifications: Notification[] = [];

  const expiring = await ctx.db
    .select()
    .from(packs)
    .where(and(ne(packs.source, "free"), gt(packs.remaining, 0), isNull(packs.refundedAt), gt(packs.expiresAt, now), lte(packs.expiresAt, within(REMINDER_DAYS.pack[0])), accountId ? eq(packs.accountId, accountId) : undefined));
  for (const pack of expiring) {
    const days = pack.expiresAt.getTime() <= within(REMINDER_DAYS.pack[1]).getTime() ? REMINDER_DAYS.pack[1] : REMINDER_DAYS.pack[0];
    notifications.push({
      accountId: pack.accountId,
      kind: "pack-expiring",
      product: productOfPack(pack.api),
      params: { pack: pack.packSpec ?? pack.api, remaining: formatCount(pack.remaining), until: pack.expiresAt.toISOString(), days },
      dedupeKey: `pack-expiring:${pack.id}:${days}`,
    });
  }

  const ending = await ctx.db
    .select({ id: qpsGrants.id, accountId: qpsGrants.accountId, groupId: qpsGrants.groupId, qps: qpsGrants.qps, endsAt: qpsGrants.endsAt, autoRenew: qpsGrants.autoRenew })
    .from(qpsGrants)
    .innerJoin(qpsGroupModes, and(eq(qpsGroupModes.accountId, qpsGrants.accountId), eq(qpsGroupModes.groupId, qpsGrants.groupId)))
    .where(and(eq(qpsGroupModes.mode, "qps"), lte(qpsGrants.startsAt, now), gt(qpsGrants.endsAt, now), lte(qpsGrants.endsAt, within(REMINDER_DAYS.qps)), accountId ? eq(qpsGrants.accountId, accountId) : undefined));
  for (const grant of ending) {
    if (grant.autoRenew) {
      // Issue 22: the message before an auto-renewal says what will be charged, instead of "buy more".
      const price = formatYuan(pricePurchase({ item: qpsItemId(grant.groupId as QpsGroupId), quantity: grant.qps, period: "month", periods: 1 }).amount);
      notifications.push({ accountId: grant.accountId, kind: "qps-renewing", product: "body", params: { group: grant.groupId, qps: grant.qps, until: grant.endsAt.toISOString(), price }, dedupeKey: `qps-renewing:${grant.id}` });
      continue;
    }
    notifications.push({ accountId: grant.accountId, kind: "qps-ending", product: "body", params: { group: grant.groupId, qps: grant.qps, until: grant.endsAt.toISOString() }, dedupeKey: `qps-ending:${grant.id}` });
  }

  const licencesEnding = await ctx.db
    .select()
    .from(licences)
    .where(and(inArray(licences.kind, ["scan-sdk-trial", "offline-sdk-trial", "offline-sdk-formal"]), gt(licences.endsAt, now), lte(licences.endsAt, within(REMINDER_DAYS.licence)), accountId ? eq(licences.accountId, accountId) : undefined));
  for (const licence of licencesEnding) {
    if (!licence.endsAt || licence.kind === "scan-sdk") continue;
    const quote = licence.autoRenew && licence.kind === "offline-sdk-formal" ? await quoteOfPurchase(ctx.db, licence.purchaseId) : null;
    if (quote) {
      // Issue 22: the message before an auto-renewal says what will be charged: the quote's price, for its years.
      notifications.push({
        accountId: licence.accountId,
        kind: "licence-renewing",
        product: "body",
        params: { licence: licence.kind, app: licence.androidPackage ?? quote.packageName, until: licence.endsAt.toISOString(), price: formatYuan(quote.price), years: quote.years },
        dedupeKey: `licence-renewing:${licence.id}`,
      });
      continue;
    }
    notifications.push({
      accountId: licence.accountId,
      kind: "licence-ending",
      product: LICENCE_PRODUCT[licence.kind],
      params: { licence: licence.kind, app: licence.androidPackage ?? licence.appName ?? "", until: licence.endsAt.toISOString() },
      dedupeKey: `licence-ending:${licence.id}`,
    });
  }

  return { sent: await notifyMany(ctx, notifications) };
}
