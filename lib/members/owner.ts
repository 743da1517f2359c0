import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import { ForbiddenError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";

/**
 * The acting owner, read inside the caller's transaction. The role matrix refused
 * everyone else before the service ran; this is the service's own check (a token minted before a
 * role change is already void, this also covers a call from anywhere else).
 */
export async function assertOwner(tx: ServiceContext): Promise<{ id: string; name: string }> {
  assertCanWrite(tx.actor);
  if (tx.actor.type !== "customer") throw new ForbiddenError("forbidden-role");
  // The account row is the members' mutex: two owners demoting each other at once are serialised
  // here, so the second sees the first's change and the account keeps an owner.
  await tx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountOf(tx.actor))).for("update");
  const [me] = await tx.db
    .select({ id: users.id, name: users.name, role: users.memberRole })
    .from(users)
    .where(and(eq(users.id, tx.actor.userId), eq(users.accountId, accountOf(tx.actor)), isNull(users.removedAt)))
    .limit(1);
  if (!me || me.role !== "owner") throw new ForbiddenError("forbidden-role");
  return { id: me.id, name: me.name };
}
