import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import { z } from "zod";
import { licences } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { shanghaiDay } from "@/lib/pricing";
import { quoteOfPurchase } from "@/lib/quota/licence-quotes";
import { AUTO_RENEW_LATE_MS } from "./auto-renew";
import { renewThroughPurchase } from "./renew-through-purchase";

/**
 * A licence with auto-renew on is renewed from 3 days before it ends (reading LICENCE_AUTO_RENEW): a
 * short balance then leaves the customer days, not minutes, to top up before the licence lapses; the
 * new licence starts where the old one ends, so renewing early loses no day.
 */
export const LICENCE_RENEW_AHEAD_MS = 3 * 24 * 60 * 60 * 1000;

/** The licence item that is renewed: the formal offline-SDK licence, bought from support's quote. */
const RENEWED_ITEM = "body.offline-sdk:formal";

export const licenceAutoRenewInput = z.object({ licenceId: z.uuid(), on: z.stringbool().or(z.boolean()) });

/** The idempotency key of one licence's renewal: the old licence and the period it ends (one renewal per period). */
export function licenceRenewalKey(licenceId: string, endsAt: Date): string {
  return `auto-renew:${licenceId}:${shanghaiDay(endsAt)}`;
}

/**
 * Turns auto-renew on or off for one formal offline-SDK licence of the caller's account that was
 * bought from a quote and has not ended (issue 22, opt-in per item). Trials are never renewed, and a
 * bought scan.sdk is forever. Audited.
 */
export async function setLicenceAutoRenew({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<{ licenceId: string; autoRenew: boolean }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  const { licenceId, on } = licenceAutoRenewInput.parse(input);
  return inTransaction(ctx, async (tx) => {
    const [licence] = await tx.db
      .select()
      .from(licences)
      .where(and(eq(licences.id, licenceId), eq(licences.accountId, accountId)))
      .for("update");
    if (!licence) throw new NotFoundError("not-found");
    const renewable = licence.kind === "offline-sdk-formal" && licence.endsAt !== null && licence.endsAt > tx.now && (await quoteOfPurchase(tx.db, licence.purchaseId)) !== null;
    if (!renewable) throw new ConflictError("licence-auto-renew-not-available", {}, "licenceId");
    if (licence.autoRenew !== on) {
      await tx.db.update(licences).set({ autoRenew: on }).where(eq(licences.id, licenceId));
      await recordAudit(tx, { action: on ? "licence.auto-renew-on" : "licence.auto-renew-off", accountId, target: licenceId, before: { autoRenew: licence.autoRenew }, after: { autoRenew: on } });
    }
    return { licenceId, autoRenew: on };
  });
}

/**
 * Run by `run-due`, before a licence lapses: every formal offline-SDK licence with auto-renew on that
 * ends within 3 days is renewed through the normal purchase path (`purchase`) for the quote it was
 * bought from: the quote's price for the quote's years, paid from gift, income, cash; no voucher is
 * applied on the customer's behalf. The idempotency key is the old licence and its end
 * (`licenceRenewalKey`), so a period renews once however often or concurrently run-due runs (the
 * unique (account, key) index under the wallet lock). A short balance charges nothing, delivers
 * nothing, and says so once; it is retried every run until the licence ended a day ago.
 * `accountId` limits the run to one account (the e2e test route).
 */
export async function renewDueLicences({ ctx, accountId }: { ctx: ServiceContext; accountId?: string }): Promise<{ renewed: number; failed: number }> {
  const due = await ctx.db
    .select()
    .from(licences)
    .where(
      and(
        eq(licences.autoRenew, true),
        eq(licences.kind, "offline-sdk-formal"),
        lte(licences.endsAt, new Date(ctx.now.getTime() + LICENCE_RENEW_AHEAD_MS)),
        gt(licences.endsAt, new Date(ctx.now.getTime() - AUTO_RENEW_LATE_MS)),
        accountId ? eq(licences.accountId, accountId) : undefined,
      ),
    );
  let renewed = 0;
  let failed = 0;
  for (const licence of due) {
    const endsAt = licence.endsAt;
    const quote = await quoteOfPurchase(ctx.db, licence.purchaseId);
    if (!endsAt || !quote) continue;
    const outcome = await renewThroughPurchase(ctx, {
      accountId: licence.accountId,
      itemId: licence.id,
      endsAt,
      input: { item: RENEWED_ITEM, quantity: 1, quoteId: quote.id, idempotencyKey: licenceRenewalKey(licence.id, endsAt) },
      messages: { renewed: "licence-renewed", failed: "licence-renew-failed" },
      params: { licence: licence.kind, app: licence.androidPackage ?? quote.packageName, years: quote.years },
      renewedUntil: async (purchaseId) => (await ctx.db.select({ endsAt: licences.endsAt }).from(licences).where(eq(licences.purchaseId, purchaseId)))[0]?.endsAt ?? null,
    });
    if (outcome === "renewed") renewed += 1;
    if (outcome === "failed") failed += 1;
  }
  return { renewed, failed };
}
