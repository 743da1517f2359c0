import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { licenceQuotes, supportRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError } from "@/lib/context";
import { formatDate } from "@/lib/i18n/format-date";
import { notify } from "@/lib/messaging/notify";
import { formatMoney, formatYuan } from "@/lib/pricing";
import { QUOTE_VALID_DAYS, quoteExpiresAt } from "@/lib/quota/licence-quotes";
import { amountSchema } from "@/lib/wallet/schemas";
import { staffTool } from "./staff-tool";

interface FormalRequestDetails {
  packageName: string;
  years?: number;
  note?: string;
}

export const quoteLicenceInput = z.object({
  requestId: z.uuid(),
  /** The whole price for the validity, in yuan, exact (decimal text), above 0. */
  price: amountSchema,
  /** SPEC §2.7: a formal licence is per app package name per year. */
  years: z.coerce.number().int().min(1).max(5),
});

/**
 * Support quotes a formal offline-SDK licence (SPEC §2.7, priced on request): a price for the request's
 * app package name and a number of years. The customer is told (a message linking to the SDK page)
 * and may pay it at checkout or decline it within QUOTE_VALID_DAYS. A request can be quoted while it
 * awaits a quote, or again once its last quote expired unanswered.
 */
export const quoteLicence = staffTool({
  roles: ["support", "admin"],
  input: quoteLicenceInput,
  run: async (tx, input) => {
    const [request] = await tx.db
      .select()
      .from(supportRequests)
      .where(and(eq(supportRequests.id, input.requestId), eq(supportRequests.kind, "offline-sdk-formal")))
      .for("update");
    if (!request) throw new NotFoundError("request-not-found");
    if (request.status === "quoted") {
      const [last] = await tx.db.select().from(licenceQuotes).where(eq(licenceQuotes.requestId, request.id)).orderBy(desc(licenceQuotes.quotedAt)).limit(1);
      if (last && last.status === "open" && last.expiresAt > tx.now) throw new ConflictError("quote-still-open", { date: formatDate("en", last.expiresAt) });
    } else if (request.status !== "awaiting-quote") {
      throw new ConflictError("request-already-decided", { status: request.status });
    }
    const details = request.details as FormalRequestDetails;
    const price = formatMoney(input.price);
    const expiresAt = quoteExpiresAt(tx.now);
    const [quote] = await tx.db
      .insert(licenceQuotes)
      .values({ requestId: request.id, accountId: request.accountId, packageName: details.packageName, years: input.years, price, status: "open", quotedBy: tx.actor.userId, quotedAt: tx.now, expiresAt })
      .returning({ id: licenceQuotes.id });
    if (!quote) throw new Error("insert returned nothing");
    await tx.db.update(supportRequests).set({ status: "quoted" }).where(eq(supportRequests.id, request.id));
    await recordAudit(tx, {
      action: "licence.quoted",
      accountId: request.accountId,
      target: quote.id,
      after: { requestId: request.id, packageName: details.packageName, years: input.years, price, expiresAt: expiresAt.toISOString(), validDays: QUOTE_VALID_DAYS },
    });
    await notify(tx, {
      accountId: request.accountId,
      kind: "licence-quoted",
      product: "body",
      params: { package: details.packageName, price: formatYuan(price), years: input.years, until: expiresAt.toISOString() },
      dedupeKey: `licence-quoted:${quote.id}`,
    });
    return { quoteId: quote.id, expiresAt };
  },
});
