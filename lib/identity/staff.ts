import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/db/client";
import { ConflictError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { generatePassword, hashPassword } from "./passwords";

export interface CreatedStaff {
  userId: string;
  email: string;
  role: "support" | "admin";
  oneTimePassword: string;
}

/** Staff exist only through this (called by `ops create-staff`), never through sign-up. */
export async function createStaff({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /** `name` is what customers see in their access log (never the email); default: the email's local part. */
  input: { email: string; role: "support" | "admin"; name?: string };
}): Promise<CreatedStaff> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing.length > 0) throw new ConflictError("email-taken", {}, "email");
    const [user] = await tx.db
      .insert(users)
      .values({ email: input.email, name: input.name ?? input.email.split("@")[0] ?? "Support", passwordHash, role: input.role, accountId: null, mustChangePassword: true, createdAt: tx.now })
      .returning({ id: users.id });
    if (!user) throw new Error("staff insert returned nothing");
    await recordAudit(tx, { action: "staff.create", target: user.id, after: { email: input.email, role: input.role } });
    return { userId: user.id, email: input.email, role: input.role, oneTimePassword };
  });
}

/**
 * Staff created by `ops create-staff` hold a one-time password until they choose their own (issue 10):
 * read on every staff page and staff action (one indexed row), so clearing it takes effect at once.
 */
export async function staffMustChangePassword(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ must: users.mustChangePassword }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.must ?? false;
}
