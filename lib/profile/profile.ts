import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";

/** A phone as people write it: digits, spaces, dashes, brackets, an optional leading +; 5–20 characters. */
const PHONE = /^\+?[0-9][0-9 ()-]{3,18}[0-9]$/;

export const profileInput = z.object({
  companyName: z.string().trim().min(1, { error: "companyName is required" }).max(100, { error: "companyName is at most 100 characters" }),
  contactPhone: z
    .string()
    .trim()
    .refine((value) => value === "" || PHONE.test(value), { error: "contactPhone must be a phone number like +86 138 0000 0000" })
    .transform((value) => (value === "" ? null : value)),
});
export type ProfileInput = z.input<typeof profileInput>;

export interface Profile {
  companyName: string;
  contactPhone: string | null;
}

export async function getProfile({ ctx }: { ctx: ServiceContext }): Promise<Profile> {
  const [row] = await ctx.db.select({ name: accounts.name, phone: accounts.contactPhone }).from(accounts).where(eq(accounts.id, accountOf(ctx.actor)));
  if (!row) throw new NotFoundError("account-not-found");
  return { companyName: row.name, contactPhone: row.phone };
}

/** Changes the account's company name and contact phone; the change and the old values are audited. */
export async function updateProfile({ ctx, input }: { ctx: ServiceContext; input: z.output<typeof profileInput> }): Promise<Profile> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select({ name: accounts.name, phone: accounts.contactPhone }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!before) throw new NotFoundError("account-not-found");
    await tx.db.update(accounts).set({ name: input.companyName, contactPhone: input.contactPhone }).where(eq(accounts.id, accountId));
    await recordAudit(tx, {
      action: "account.profile-updated",
      accountId,
      target: accountId,
      before: { companyName: before.name, contactPhone: before.phone },
      after: { companyName: input.companyName, contactPhone: input.contactPhone },
    });
    return { companyName: input.companyName, contactPhone: input.contactPhone };
  });
}
