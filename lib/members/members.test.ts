import { and, eq, isNull } from "drizzle-orm";
import { expect, it } from "vitest";
import { apiKeys, auditLog, invitations, outbox, users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { verifySignIn } from "@/lib/identity/sign-in";
import { currentSessionVersion } from "@/lib/identity/session-version";
import { createApiKey, authenticateApiKey } from "@/lib/metering/api-keys";
import { describeEachDatabase, describePostgres, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { acceptInvitation, INVITATION_DAYS, inviteMember, openInvitation, revokeInvitation } from "./invitations";
import { changeMemberRole, keysCreatedBy, listMembers, removeMember, transferOwnership } from "./members";

const at = new Date("2026-11-22T02:00:00Z");
const secret = "test-secret-for-invitations";
const appUrl = "https://console.example";
const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";

type Account = Awaited<ReturnType<typeof newAccount>>;

/** Invites `email` as `role` into `owner`'s account and accepts: the new member's context. */
async function join(owner: Account, role: "owner" | "finance" | "developer" | "read-only", email = uniqueEmail(role)) {
  const { link } = await inviteMember({ ctx: owner.customer(), input: { email, role }, secret, appUrl });
  const { userId } = await acceptInvitation({ ctx: { ...owner.system(), actor: { type: "anonymous" } }, input: { token: tokenOf(link), name: `${role} person`, password: "password-1" }, secret });
  const ctx = (now = at): ServiceContext => ({ db: owner.customer().db, actor: { type: "customer", userId, accountId: owner.accountId }, now });
  return { userId, email, ctx };
}

describeEachDatabase("members and invitations", (database) => {
  it("an invitation is mailed through the outbox, signed, single-use and good for 7 days; the invitee joins with the role and signs in", async () => {
    const a = await newAccount(database().db, at, "members");
    const email = uniqueEmail("invitee");
    const { invitationId, link } = await inviteMember({ ctx: a.customer(), input: { email, role: "developer" }, secret, appUrl });
    expect(link.startsWith(`${appUrl}/invite?token=`)).toBe(true);
    const [mail] = await database().db.select().from(outbox).where(eq(outbox.target, email));
    expect(mail?.body).toContain(link);
    const anonymous = { ...a.system(), actor: { type: "anonymous" as const } };
    // Tampered or foreign signatures are refused before the row is read.
    await expect(openInvitation({ ctx: anonymous, token: `${invitationId}.AAAA`, secret })).rejects.toMatchObject({ code: "invitation-invalid" });
    await expect(openInvitation({ ctx: anonymous, token: tokenOf(link), secret: "other" })).rejects.toMatchObject({ code: "invitation-invalid" });
    // Expired after 7 days.
    await expect(openInvitation({ ctx: { ...anonymous, now: new Date(at.getTime() + INVITATION_DAYS * 86_400_000) }, token: tokenOf(link), secret })).rejects.toMatchObject({ code: "invitation-invalid" });
    await acceptInvitation({ ctx: anonymous, input: { token: tokenOf(link), name: "Dev One", password: "password-1" }, secret });
    await expect(acceptInvitation({ ctx: anonymous, input: { token: tokenOf(link), name: "Again", password: "password-1" }, secret })).rejects.toMatchObject({ code: "invitation-invalid" });
    const signedIn = await verifySignIn({ ctx: anonymous, input: { email, password: "password-1" }, ip: "t", audience: "customer" });
    expect(signedIn).toMatchObject({ accountId: a.accountId, memberRole: "developer", name: "Dev One" });
    const members = await listMembers({ ctx: a.customer() });
    expect(members.map((m) => m.role)).toEqual(["owner", "developer"]);
  });

  it("one email, one account: an email that already signs in anywhere cannot be invited", async () => {
    const a = await newAccount(database().db, at, "members-a");
    const b = await newAccount(database().db, at, "members-b");
    const [bOwner] = await database().db.select({ email: users.email }).from(users).where(eq(users.id, b.userId));
    await expect(inviteMember({ ctx: a.customer(), input: { email: bOwner?.email ?? "", role: "finance" }, secret, appUrl })).rejects.toMatchObject({ code: "email-taken" });
  });

  it("only an owner manages members; the last owner cannot be demoted or removed; transfer keeps an owner", async () => {
    const a = await newAccount(database().db, at, "members-owner");
    const dev = await join(a, "developer");
    await expect(inviteMember({ ctx: dev.ctx(), input: { email: uniqueEmail("x"), role: "owner" }, secret, appUrl })).rejects.toMatchObject({ code: "forbidden-role" });
    await expect(changeMemberRole({ ctx: dev.ctx(), input: { userId: dev.userId, role: "owner" } })).rejects.toMatchObject({ code: "forbidden-role" });
    await expect(changeMemberRole({ ctx: a.customer(), input: { userId: a.userId, role: "finance" } })).rejects.toMatchObject({ code: "last-owner" });
    await expect(removeMember({ ctx: a.customer(), input: { userId: a.userId, keys: "revoke" } })).rejects.toMatchObject({ code: "last-owner" });
    await transferOwnership({ ctx: a.customer(), input: { userId: dev.userId, myRole: "finance" } });
    const roles = Object.fromEntries((await listMembers({ ctx: a.customer() })).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [a.userId]: "finance", [dev.userId]: "owner" });
    // Another account's member is not found.
    const b = await newAccount(database().db, at, "members-other");
    await expect(changeMemberRole({ ctx: b.customer(), input: { userId: dev.userId, role: "read-only" } })).rejects.toMatchObject({ code: "member-not-found" });
  });

  it("a role change or a removal ends the member's sessions at once; removal revokes their keys unless kept, and frees the email", async () => {
    const a = await newAccount(database().db, at, "members-remove");
    const dev = await join(a, "developer");
    const db = database().db;
    const before = await currentSessionVersion(db, dev.userId);
    await changeMemberRole({ ctx: a.customer(), input: { userId: dev.userId, role: "read-only" } });
    expect(await currentSessionVersion(db, dev.userId)).toBe((before ?? 0) + 1);
    await changeMemberRole({ ctx: a.customer(), input: { userId: dev.userId, role: "developer" } });
    const key = await createApiKey({ ctx: dev.ctx(), input: { name: "dev key" } });
    expect(key.key.createdBy).toBe("developer person");
    expect((await keysCreatedBy({ ctx: a.customer(), input: { userId: dev.userId } })).map((k) => k.name)).toEqual(["dev key"]);
    const version = await currentSessionVersion(db, dev.userId);
    const { revokedKeys } = await removeMember({ ctx: a.customer(), input: { userId: dev.userId, keys: "revoke" } });
    expect(revokedKeys).toBe(1);
    expect(await currentSessionVersion(db, dev.userId)).toBe((version ?? 0) + 1);
    expect(await db.select().from(apiKeys).where(and(eq(apiKeys.id, key.key.id), isNull(apiKeys.revokedAt)))).toEqual([]);
    expect(await authenticateApiKey(a.customer(), key.secret)).toBeNull();
    await expect(verifySignIn({ ctx: { ...a.system(), actor: { type: "anonymous" } }, input: { email: dev.email, password: "password-1" }, ip: "t2", audience: "customer" })).rejects.toMatchObject({ code: "invalid-credentials" });
    expect((await listMembers({ ctx: a.customer() })).map((m) => m.userId)).toEqual([a.userId]);
    // The email is free again: the person can be invited back.
    await inviteMember({ ctx: a.customer(), input: { email: dev.email, role: "read-only" }, secret, appUrl });
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.accountId, a.accountId), eq(auditLog.target, dev.userId)));
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(["member.join", "member.role-changed", "member.removed"]));

    // Kept keys keep working.
    const fin = await join(a, "developer");
    const kept = await createApiKey({ ctx: fin.ctx(), input: { name: "kept key", scopes: ["read"] } });
    await removeMember({ ctx: a.customer(), input: { userId: fin.userId, keys: "keep" } });
    expect(await authenticateApiKey(a.customer(), kept.secret)).toMatchObject({ keyId: kept.key.id, scopes: ["read"] });
  });

  it("a withdrawn invitation's link stops working; inviting again replaces the open one", async () => {
    const a = await newAccount(database().db, at, "members-revoke");
    const email = uniqueEmail("again");
    const first = await inviteMember({ ctx: a.customer(), input: { email, role: "finance" }, secret, appUrl });
    const second = await inviteMember({ ctx: a.customer(), input: { email, role: "finance" }, secret, appUrl });
    const anonymous = { ...a.system(), actor: { type: "anonymous" as const } };
    await expect(openInvitation({ ctx: anonymous, token: tokenOf(first.link), secret })).rejects.toMatchObject({ code: "invitation-invalid" });
    await revokeInvitation({ ctx: a.customer(), input: { invitationId: second.invitationId } });
    await expect(openInvitation({ ctx: anonymous, token: tokenOf(second.link), secret })).rejects.toMatchObject({ code: "invitation-invalid" });
    const open = await database().db.select().from(invitations).where(and(eq(invitations.accountId, a.accountId), isNull(invitations.revokedAt)));
    expect(open).toEqual([]);
  });
});

describePostgres("members under concurrency", (database) => {
  it("two owners demoting each other at once: one wins, the account keeps an owner", async () => {
    const a = await newAccount(database().db, at, "members-race");
    const other = await join(a, "owner");
    const results = await Promise.allSettled([
      changeMemberRole({ ctx: a.customer(), input: { userId: other.userId, role: "read-only" } }),
      changeMemberRole({ ctx: other.ctx(), input: { userId: a.userId, role: "read-only" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = (await listMembers({ ctx: a.customer() })).filter((m) => m.role === "owner");
    expect(owners).toHaveLength(1);
  });

  it("an invitation accepted twice at once makes one member", async () => {
    const a = await newAccount(database().db, at, "members-accept-race");
    const { link } = await inviteMember({ ctx: a.customer(), input: { email: uniqueEmail("race"), role: "finance" }, secret, appUrl });
    const anonymous = { ...a.system(), actor: { type: "anonymous" as const } };
    const results = await Promise.allSettled([0, 1].map((i) => acceptInvitation({ ctx: anonymous, input: { token: tokenOf(link), name: `n${i}`, password: "password-1" }, secret })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await listMembers({ ctx: a.customer() })).toHaveLength(2);
  });
});
