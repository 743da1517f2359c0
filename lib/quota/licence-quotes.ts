import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { licenceQuotes, licences, purchases, supportRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { formatDate } from "@/lib/i18n/format-date";
import { addShanghaiMonths } from "@/lib/pricing";

/** A licence quote not paid or declined within this many days of being made expires (issue 10). */
export const QUOTE_VALID_DAYS = 30;

export function quoteExpiresAt(quotedAt: Date): Date {
  return new Date(quotedAt.getTime() + QUOTE_VALID_DAYS * 86_400_000);
}

export type QuoteState = "open" | "paid" | "declined" | "expired";
type QuoteRow = typeof licenceQuotes.$inferSelect;

/** Expiry is derived from the date, never stored: an open quote at or past `expiresAt` is expired. */
export function quoteState(quote: Pick<QuoteRow, "status" | "expiresAt">, at: Date): QuoteState {
  if (quote.status === "open" && at.getTime() >= quote.expiresAt.getTime()) return "expired";
  return quote.status;
}

/** The customer's licence quotes, newest first, each with its derived state. */
export async function listLicenceQuotes({ ctx }: { ctx: ServiceContext }): Promise<(QuoteRow & { state: QuoteState })[]> {
  const rows = await ctx.db.select().from(licenceQuotes).where(eq(licenceQuotes.accountId, accountOf(ctx.actor))).orderBy(desc(licenceQuotes.quotedAt));
  return rows.map((row) => ({ ...row, state: quoteState(row, ctx.now) }));
}

/**
 * The account's own quote, open and not expired, locked for the purchase that pays it. Another
 * account's quote id is "not found", the same answer as a made-up one.
 */
export async function payableQuote(db: Database, accountId: string, quoteId: string, at: Date, lock: boolean): Promise<QuoteRow> {
  const query = db
    .select()
    .from(licenceQuotes)
    .where(and(eq(licenceQuotes.id, quoteId), eq(licenceQuotes.accountId, accountId)));
  const [quote] = lock ? await query.for("update") : await query;
  if (!quote) throw new NotFoundError("quote-not-found");
  const state = quoteState(quote, at);
  if (state === "expired") throw new ConflictError("quote-expired", { date: formatDate("en", quote.expiresAt) }, "quoteId");
  if (state !== "open") throw new ConflictError("quote-not-open", { status: state }, "quoteId");
  return quote;
}

/**
 * The quote an auto-renewal of a formal licence pays again (issue 22, reading LICENCE_AUTO_RENEW):
 * the account's own quote, already paid (by the first purchase). Its price and years are the renewal's.
 */
export async function renewableQuote(db: Database, accountId: string, quoteId: string): Promise<QuoteRow> {
  const [quote] = await db
    .select()
    .from(licenceQuotes)
    .where(and(eq(licenceQuotes.id, quoteId), eq(licenceQuotes.accountId, accountId)));
  if (!quote) throw new NotFoundError("quote-not-found");
  if (quote.status !== "paid") throw new ConflictError("quote-not-open", { status: quote.status }, "quoteId");
  return quote;
}

/**
 * The quote a formal licence was bought from: its purchase's details name it, for the first purchase
 * and for every auto-renewal after it. Null for a licence not bought from a quote (trials, scan.sdk).
 */
export async function quoteOfPurchase(db: Database, purchaseId: string | null): Promise<QuoteRow | null> {
  if (!purchaseId) return null;
  const [row] = await db.select({ details: purchases.details }).from(purchases).where(eq(purchases.id, purchaseId));
  const quoteId = (row?.details as { quoteId?: unknown } | null)?.quoteId;
  if (typeof quoteId !== "string") return null;
  const [quote] = await db.select().from(licenceQuotes).where(eq(licenceQuotes.id, quoteId));
  return quote ?? null;
}

/**
 * Delivers a paid quote in the purchase's transaction: the licence for its package and years. An
 * auto-renewal (`renewal`) delivers the next licence only: the quote stays paid by its first purchase,
 * and the new licence keeps renewing until the customer turns it off.
 */
export async function deliverQuotedLicence(db: Database, input: { quote: QuoteRow; purchaseId: string; at: Date; renewal?: boolean }): Promise<void> {
  const { quote, at } = input;
  await db.insert(licences).values({
    accountId: quote.accountId,
    kind: "offline-sdk-formal",
    androidPackage: quote.packageName,
    startsAt: at,
    endsAt: addShanghaiMonths(at, 12 * quote.years),
    purchaseId: input.purchaseId,
    createdAt: at,
    autoRenew: input.renewal ?? false,
  });
  if (input.renewal) return;
  await db.update(licenceQuotes).set({ status: "paid", decidedAt: at, purchaseId: input.purchaseId }).where(eq(licenceQuotes.id, quote.id));
  await db.update(supportRequests).set({ status: "licensed" }).where(eq(supportRequests.id, quote.requestId));
}

export const declineQuoteInput = z.object({ quoteId: z.uuid() });

/** The customer declines an open quote; the request is closed (they may ask again from the SDK page). */
export async function declineLicenceQuote({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof declineQuoteInput> }): Promise<{ quoteId: string }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const quote = await payableQuote(tx.db, accountId, input.quoteId, tx.now, true);
    await tx.db.update(licenceQuotes).set({ status: "declined", decidedAt: tx.now }).where(eq(licenceQuotes.id, quote.id));
    await tx.db.update(supportRequests).set({ status: "declined" }).where(eq(supportRequests.id, quote.requestId));
    await recordAudit(tx, { action: "licence.quote-declined", accountId, target: quote.id, after: { requestId: quote.requestId } });
    return { quoteId: quote.id };
  });
}
