import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, ValidationError, type ServiceContext } from "@/lib/context";
import { assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { hashPassword, verifyPassword } from "./passwords";
import type { ChangePasswordInput } from "./schemas";
import { bumpSessionVersion, rememberSessionVersion } from "./session-version";

/**
 * The signed-in user changes their password, proving the current one. Every session, this one
 * included, ends (the session version is bumped); the action signs the user in again with the new one.
 */
export async function changePassword({ ctx, input }: { ctx: ServiceContext; input: ChangePasswordInput }): Promise<{ email: string }> {
  assertCanWrite(ctx.actor);
  if (ctx.actor.type !== "customer" && ctx.actor.type !== "staff") throw new ForbiddenError("sign-in-required");
  const userId = ctx.actor.userId;
  const accountId = ctx.actor.type === "customer" ? ctx.actor.accountId : null;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new ForbiddenError("sign-in-required");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new ValidationError("currentPassword", "wrong-current-password");
  const passwordHash = await hashPassword(input.newPassword);
  const version = await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
    const bumped = await bumpSessionVersion(tx.db, userId);
    await recordAudit(tx, { action: "auth.password-changed", accountId, target: userId });
    return bumped;
  });
  rememberSessionVersion(userId, version);
  return { email: user.email };
}
