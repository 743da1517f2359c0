import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { invoiceFiles, invoices } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";

/**
 * An issued invoice's PDF for its own account only (another account's id is "not found", never
 * "forbidden"). The stored sha256 is checked on the way out: a damaged file is an error, not a download.
 */
export async function invoicePdf({ ctx, input }: { ctx: ServiceContext; input: { invoiceId: string } }): Promise<{ number: string; content: Buffer; sha256: string }> {
  const accountId = accountOf(ctx.actor);
  const [row] = await ctx.db
    .select({ number: invoices.invoiceNumber, file: invoiceFiles })
    .from(invoices)
    .innerJoin(invoiceFiles, eq(invoiceFiles.invoiceId, invoices.id))
    .where(and(eq(invoices.id, input.invoiceId), eq(invoices.accountId, accountId), inArray(invoices.status, ["issued", "reversal-requested", "reversed"])));
  if (!row?.number) throw new NotFoundError("invoice-not-found");
  const sha256 = createHash("sha256").update(row.file.content).digest("hex");
  if (sha256 !== row.file.sha256) throw new Error(`invoice ${input.invoiceId}: stored PDF does not match its checksum`);
  // A customer's own download is on their trail; a support view's is recorded by the route's access log.
  if (ctx.actor.type === "customer") await recordAudit(ctx, { action: "invoice.downloaded", accountId, target: input.invoiceId, after: { number: row.number } });
  return { number: row.number, content: row.file.content, sha256 };
}
