import "server-only";
import { and, asc, count, eq, gt, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { apiKeys, invitations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import type { MemberRole } from "@/lib/identity/roles";
import { bumpSessionVersion, rememberSessionVersion } from "@/lib/identity/session-version";
import { keyRevocations } from "@/lib/metering/key-revocations";
import { memberRoleSchema } from "./invitations";
import { assertOwner } from "./owner";

const userId = z.uuid({ error: "userId is not a member" });

export const changeRoleInput = z.object({ userId, role: memberRoleSchema });
export const removeMemberInput = z.object({ userId, keys: z.enum(["revoke", "keep"], { error: "keys must be revoke or keep" }).default("revoke") });
export const transferInput = z.object({ userId, myRole: memberRoleSchema.default("finance") });

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: MemberRole;
  invitedBy: string;
  expiresAt: Date;
}

/** The account's members (removed ones left out), owners first. */
export async function listMembers({ ctx, accountId = accountOf(ctx.actor) }: { ctx: ServiceContext; accountId?: string }): Promise<MemberRow[]> {
  const rows = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, role: users.memberRole, joinedAt: users.createdAt })
    .from(users)
    .where(and(eq(users.accountId, accountId), isNull(users.removedAt)))
    .orderBy(asc(users.createdAt));
  const order: MemberRole[] = ["owner", "finance", "developer", "read-only"];
  return rows
    .flatMap((row) => (row.role ? [{ ...row, role: row.role }] : []))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

/** Invitations still waiting to be accepted, with who sent them. */
export async function listOpenInvitations({ ctx }: { ctx: ServiceContext }): Promise<InvitationRow[]> {
  return ctx.db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, invitedBy: users.name, expiresAt: invitations.expiresAt })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.accountId, accountOf(ctx.actor)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, ctx.now)))
    .orderBy(asc(invitations.createdAt));
}

/** The live keys a member created: what the owner decides about when removing them. */
export async function keysCreatedBy({ ctx, input }: { ctx: ServiceContext; input: { userId: string } }): Promise<{ id: string; name: string; displayPrefix: string }[]> {
  return ctx.db
    .select({ id: apiKeys.id, name: apiKeys.name, displayPrefix: apiKeys.displayPrefix })
    .from(apiKeys)
    .where(and(eq(apiKeys.accountId, accountOf(ctx.actor)), eq(apiKeys.createdBy, input.userId), isNull(apiKeys.revokedAt)))
    .orderBy(asc(apiKeys.createdAt));
}

async function memberOf(tx: ServiceContext, id: string): Promise<{ id: string; email: string; name: string; role: MemberRole }> {
  const [row] = await tx.db
    .select({ id: users.id, email: users.email, name: users.name, role: users.memberRole })
    .from(users)
    .where(and(eq(users.id, id), eq(users.accountId, accountOf(tx.actor)), isNull(users.removedAt)))
    .limit(1);
  // Another account's member is "not found", like one that does not exist.
  if (!row?.role) throw new NotFoundError("member-not-found");
  return { ...row, role: row.role };
}

/** At least one owner always: refused when `leaving` is the only owner left. */
async function assertAnotherOwner(tx: ServiceContext, leaving: string): Promise<void> {
  const [row] = await tx.db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.accountId, accountOf(tx.actor)), eq(users.memberRole, "owner"), isNull(users.removedAt), ne(users.id, leaving)));
  if ((row?.n ?? 0) === 0) throw new ConflictError("last-owner", {}, "userId");
}

/** Ends every session of the given users once the transaction has committed (on every instance: issue 9's session version). */
function remember(bumped: { userId: string; version: number }[]): void {
  for (const { userId: id, version } of bumped) rememberSessionVersion(id, version);
}

/** An owner changes a member's role; the member's sessions end at once. The last owner cannot be demoted. */
export async function changeMemberRole({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof changeRoleInput> }): Promise<void> {
  const accountId = accountOf(ctx.actor);
  const bumped = await inTransaction(ctx, async (tx) => {
    await assertOwner(tx);
    const member = await memberOf(tx, input.userId);
    if (member.role === input.role) return [];
    if (member.role === "owner") await assertAnotherOwner(tx, member.id);
    await tx.db.update(users).set({ memberRole: input.role }).where(eq(users.id, member.id));
    const version = await bumpSessionVersion(tx.db, member.id);
    await recordAudit(tx, { action: "member.role-changed", accountId, target: member.id, before: { role: member.role }, after: { role: input.role } });
    return [{ userId: member.id, version }];
  });
  remember(bumped);
}

/**
 * An owner removes a member (themselves included, unless they are the last owner): their sessions
 * end at once, they can no longer sign in, and the live keys they created are revoked unless the
 * owner chose to keep them. The row stays (audit rows and keys still name them); the email is
 * released so the person can be invited again.
 */
export async function removeMember({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof removeMemberInput> }): Promise<{ revokedKeys: number }> {
  const accountId = accountOf(ctx.actor);
  const result = await inTransaction(ctx, async (tx) => {
    await assertOwner(tx);
    const member = await memberOf(tx, input.userId);
    if (member.role === "owner") await assertAnotherOwner(tx, member.id);
    await tx.db
      .update(users)
      .set({ removedAt: tx.now, email: `removed+${member.id}@members.invalid`, passwordHash: "!" })
      .where(eq(users.id, member.id));
    const version = await bumpSessionVersion(tx.db, member.id);
    const keys =
      input.keys === "revoke"
        ? await tx.db
            .update(apiKeys)
            .set({ revokedAt: tx.now })
            .where(and(eq(apiKeys.accountId, accountId), eq(apiKeys.createdBy, member.id), isNull(apiKeys.revokedAt)))
            .returning({ id: apiKeys.id, name: apiKeys.name })
        : [];
    await recordAudit(tx, {
      action: "member.removed",
      accountId,
      target: member.id,
      before: { email: member.email, name: member.name, role: member.role },
      after: { keys: input.keys, revokedKeys: keys.map((k) => k.name) },
    });
    return { bumped: [{ userId: member.id, version }], revokedKeys: keys.length };
  });
  remember(result.bumped);
  if (result.revokedKeys > 0) {
    try {
      await keyRevocations().bump();
    } catch (error) {
      // Revoked in the database; other instances' caches may lag by API_KEY_CACHE_MS at most.
      console.error("member's keys revoked, but the revocation version could not be bumped:", error);
    }
  }
  return { revokedKeys: result.revokedKeys };
}

/**
 * An owner hands ownership to another member and takes `myRole` (stays owner with "owner"), in one
 * transaction: the account is never without an owner. Both sessions end (their roles changed).
 */
export async function transferOwnership({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof transferInput> }): Promise<void> {
  const accountId = accountOf(ctx.actor);
  const bumped = await inTransaction(ctx, async (tx) => {
    const me = await assertOwner(tx);
    const member = await memberOf(tx, input.userId);
    if (member.id === me.id) throw new ConflictError("transfer-to-self", {}, "userId");
    const changed: { userId: string; version: number }[] = [];
    if (member.role !== "owner") {
      await tx.db.update(users).set({ memberRole: "owner" }).where(eq(users.id, member.id));
      changed.push({ userId: member.id, version: await bumpSessionVersion(tx.db, member.id) });
    }
    if (input.myRole !== "owner") {
      await tx.db.update(users).set({ memberRole: input.myRole }).where(eq(users.id, me.id));
      changed.push({ userId: me.id, version: await bumpSessionVersion(tx.db, me.id) });
    }
    await recordAudit(tx, { action: "member.ownership-transferred", accountId, target: member.id, before: { role: member.role }, after: { role: "owner", previousOwnerRole: input.myRole } });
    return changed;
  });
  remember(bumped);
}
