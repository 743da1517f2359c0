import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { invoiceTitles } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ValidationError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { titleInput, type TitleInput } from "./schemas";

export type InvoiceTitle = typeof invoiceTitles.$inferSelect;
const MAX_TITLES = 20;

/** A title is complete for a 专票 when the registered address, phone, bank and account are given. */
export function specialReady(title: Pick<InvoiceTitle, "address" | "phone" | "bankName" | "bankAccount">): boolean {
  return Boolean(title.address && title.phone && title.bankName && title.bankAccount);
}

export async function listTitles({ ctx }: { ctx: ServiceContext }): Promise<InvoiceTitle[]> {
  return ctx.db.select().from(invoiceTitles).where(eq(invoiceTitles.accountId, accountOf(ctx.actor))).orderBy(asc(invoiceTitles.createdAt));
}

export async function addTitle({ ctx, input }: { ctx: ServiceContext; input: TitleInput }): Promise<{ titleId: string }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  const parsed = titleInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(String(parsed.error.issues[0]?.path[0] ?? "input"));
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.select({ id: invoiceTitles.id }).from(invoiceTitles).where(eq(invoiceTitles.accountId, accountId));
    if (existing.length >= MAX_TITLES) throw new ValidationError("companyName", "invoice-too-many-titles", { max: MAX_TITLES });
    const [row] = await tx.db.insert(invoiceTitles).values({ accountId, ...parsed.data, createdAt: tx.now }).returning({ id: invoiceTitles.id });
    if (!row) throw new Error("title insert returned nothing");
    await recordAudit(tx, { action: "invoice.title-added", accountId, target: row.id, after: { companyName: parsed.data.companyName, taxId: parsed.data.taxId } });
    return { titleId: row.id };
  });
}

export async function ownTitle(ctx: ServiceContext, accountId: string, titleId: string): Promise<InvoiceTitle | null> {
  const [row] = await ctx.db.select().from(invoiceTitles).where(and(eq(invoiceTitles.id, titleId), eq(invoiceTitles.accountId, accountId)));
  return row ?? null;
}
