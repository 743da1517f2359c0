import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { accounts, invitations, messages, outbox, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, ValidationError, type ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { hashPassword } from "@/lib/identity/passwords";
import { memberRoles, type MemberRole } from "@/lib/identity/roles";
import { emailSchema, newPasswordSchema } from "@/lib/identity/schemas";
import { assertOwner } from "./owner";

/** How long an invitation link works (issue 21 item 1). */
export const INVITATION_DAYS = 7;

export const memberRoleSchema = z.enum(memberRoles, { error: "role must be owner, finance, developer or read-only" });

export const inviteInput = z.object({ email: emailSchema, role: memberRoleSchema });
export const acceptInput = z.object({
  token: z.string({ error: "token is required" }).min(1, { error: "token is required" }).max(300),
  name: z.string({ error: "name is required" }).trim().min(1, { error: "name is required" }).max(100, { error: "name is too long" }),
  password: newPasswordSchema,
});

const invalid = () => new ValidationError("token", "invitation-invalid");

function signature(secret: string, id: string): Buffer {
  const key = createHmac("sha256", secret).update("member-invitations").digest();
  return createHmac("sha256", key).update(id).digest();
}

/** `<id>.<HMAC(id)>`: the id alone would do for the row, the signature stops guessing and tampering. */
export function invitationToken(secret: string, id: string): string {
  return `${id}.${signature(secret, id).toString("base64url")}`;
}

/** The link in the email: always on APP_URL, never on a host from the request. */
export function invitationLink(appUrl: string, token: string): string {
  const url = new URL("/invite", appUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

export interface OpenInvitation {
  id: string;
  accountId: string;
  accountName: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
}

/** The invitation a token names while it can still be accepted, or `invitation-invalid`. */
export async function openInvitation({ ctx, token, secret }: { ctx: ServiceContext; token: string; secret: string }): Promise<OpenInvitation> {
  const [id, given, extra] = token.split(".");
  if (!id || !given || extra !== undefined || !/^[0-9a-f-]{36}$/.test(id)) throw invalid();
  const expected = signature(secret, id);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw invalid();
  const [row] = await ctx.db
    .select({ id: invitations.id, accountId: invitations.accountId, accountName: accounts.name, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(eq(invitations.id, id))
    .limit(1);
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt.getTime() <= ctx.now.getTime()) throw invalid();
  return { id: row.id, accountId: row.accountId, accountName: row.accountName, email: row.email, role: row.role, expiresAt: row.expiresAt };
}

const translators = { en: createTranslator(catalogs.en), zh: createTranslator(catalogs["zh-CN"]) };

/**
 * An owner invites someone by email: a row (single-use, 7 days), an email through the outbox and a
 * note in the account's inbox. One email belongs to one account: an email that already signs in
 * anywhere is refused. Inviting the same email again replaces the open invitation (a fresh link).
 * Returns the link so the embedded default can write it to the server log (the caller decides).
 */
export async function inviteMember({
  ctx,
  input,
  secret,
  appUrl,
}: {
  ctx: ServiceContext;
  input: z.infer<typeof inviteInput>;
  secret: string;
  appUrl: string;
}): Promise<{ invitationId: string; link: string }> {
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const owner = await assertOwner(tx);
    const taken = await tx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (taken.length > 0) throw new ConflictError("email-taken", {}, "email");
    await tx.db
      .update(invitations)
      .set({ revokedAt: tx.now })
      .where(and(eq(invitations.accountId, accountId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [row] = await tx.db
      .insert(invitations)
      .values({ accountId, email: input.email, role: input.role, invitedBy: owner.id, createdAt: tx.now, expiresAt: new Date(tx.now.getTime() + INVITATION_DAYS * 86_400_000) })
      .returning({ id: invitations.id });
    if (!row) throw new Error("invitation insert returned nothing");
    const link = invitationLink(appUrl, invitationToken(secret, row.id));
    const [account] = await tx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
    const [message] = await tx.db
      .insert(messages)
      .values({ accountId, kind: "member-invited", product: null, params: { email: input.email, role: input.role }, dedupeKey: `member-invited:${row.id}`, createdAt: tx.now })
      .returning({ id: messages.id });
    if (!message) throw new Error("message insert returned nothing");
    const params = { company: account?.name ?? "", inviter: owner.name, link, days: INVITATION_DAYS };
    await tx.db.insert(outbox).values({
      messageId: message.id,
      accountId,
      channel: "email",
      target: input.email,
      subject: `${translators.zh("members.email.subject", params)} / ${translators.en("members.email.subject", params)}`,
      body: `${translators.zh("members.email.body", params)}\n\n${translators.en("members.email.body", params)}`,
      nextAttemptAt: tx.now,
      createdAt: tx.now,
    });
    await recordAudit(tx, { action: "member.invite", accountId, target: row.id, after: { email: input.email, role: input.role } });
    return { invitationId: row.id, link };
  });
}

/** An owner withdraws an open invitation: its link stops working. */
export async function revokeInvitation({ ctx, input }: { ctx: ServiceContext; input: { invitationId: string } }): Promise<void> {
  const accountId = accountOf(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    await assertOwner(tx);
    const [row] = await tx.db
      .update(invitations)
      .set({ revokedAt: tx.now })
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.accountId, accountId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) throw new NotFoundError("invitation-not-found");
    await recordAudit(tx, { action: "member.invitation-revoke", accountId, target: row.id, before: { email: row.email } });
  });
}

/**
 * The invitee sets a name and a password and joins: once (a conditional update on the open row; a
 * second use, even a concurrent one, finds it accepted), within 7 days, and only while the email is
 * still free (one email, one account).
 */
export async function acceptInvitation({ ctx, input, secret }: { ctx: ServiceContext; input: z.infer<typeof acceptInput>; secret: string }): Promise<{ email: string; userId: string }> {
  const invitation = await openInvitation({ ctx, token: input.token, secret });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .insert(users)
      .values({ email: invitation.email, name: input.name, passwordHash, role: "customer", memberRole: invitation.role, accountId: invitation.accountId, createdAt: tx.now })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) throw new ConflictError("email-taken", {}, "token");
    const [accepted] = await tx.db
      .update(invitations)
      .set({ acceptedAt: tx.now, acceptedUserId: user.id })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    // Used or withdrawn meanwhile: the user row goes with the rollback.
    if (!accepted) throw invalid();
    await recordAudit(tx, { action: "member.join", accountId: invitation.accountId, target: user.id, after: { email: invitation.email, role: invitation.role } });
    return { email: invitation.email, userId: user.id };
  });
}
