import "server-only";
import { eq } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { hashPassword } from "./passwords";
import type { SignUpInput } from "./schemas";

export interface CreatedCustomer {
  userId: string;
  accountId: string;
}

/** Creates a customer user and the account it owns, in one transaction. */
export async function signUp({ ctx, input }: { ctx: ServiceContext; input: SignUpInput }): Promise<CreatedCustomer> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing.length > 0) throw new ConflictError("email-taken", {}, "email");
    const [account] = await tx.db.insert(accounts).values({ name: input.company, createdAt: tx.now }).returning({ id: accounts.id });
    if (!account) throw new Error("account insert returned nothing");
    const inserted = await tx.db
      .insert(users)
      .values({ email: input.email, name: input.company, passwordHash, role: "customer", memberRole: "owner", accountId: account.id, createdAt: tx.now })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    // A concurrent sign-up with the same email won the race: nothing of ours is kept.
    if (!inserted[0]) throw new ConflictError("email-taken", {}, "email");
    await recordAudit(tx, { action: "account.sign-up", accountId: account.id, target: inserted[0].id, after: { email: input.email } });
    return { userId: inserted[0].id, accountId: account.id };
  });
}
