import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, count, eq, gt } from "drizzle-orm";
import { messages, outbox, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ValidationError, type ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { hashPassword } from "./passwords";
import type { ResetPasswordInput } from "./schemas";
import { bumpSessionVersion, rememberSessionVersion } from "./session-version";

/**
 * Forgotten passwords (issue 11 item 13). A reset link carries `<payload>.<signature>`: the payload
 * names the user, the expiry (30 minutes) and a nonce; the HMAC signs it together with the user's
 * current password hash and session version. So no table is needed, and the link is single-use:
 * setting a password changes the hash, which voids every link issued before (and the update is a
 * compare-and-set on the old hash, so two concurrent uses cannot both succeed).
 */
export const RESET_LINK_MINUTES = 30;
/** Requests per account within RESET_LINK_MINUTES beyond which no more mail is sent (quietly). */
export const RESET_REQUESTS_PER_WINDOW = 3;

type ResetUser = typeof users.$inferSelect;

const invalid = () => new ValidationError("token", "reset-link-invalid");

function signature(secret: string, payload: string, user: ResetUser): Buffer {
  const key = createHmac("sha256", secret).update("password-reset-links").digest();
  return createHmac("sha256", key).update(`${payload}|${user.passwordHash}|${user.sessionVersion}`).digest();
}

function issueToken(secret: string, user: ResetUser, now: Date): string {
  const expires = now.getTime() + RESET_LINK_MINUTES * 60_000;
  const payload = Buffer.from(`${user.id}:${expires}:${randomBytes(12).toString("hex")}`).toString("base64url");
  return `${payload}.${signature(secret, payload, user).toString("base64url")}`;
}

/** The link in the email: always on the configured APP_URL, never on a host taken from the request. */
export function passwordResetLink(appUrl: string, token: string): string {
  const url = new URL("/reset-password", appUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/** Checks a reset token without using it: the user it is for, or `reset-link-invalid`. */
export async function verifyResetToken({ ctx, token, secret }: { ctx: ServiceContext; token: string; secret: string }): Promise<ResetUser> {
  const [payload, given, extra] = token.split(".");
  if (!payload || !given || extra !== undefined) throw invalid();
  const [userId, expiresText] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  const expires = Number(expiresText);
  if (!userId || !/^[0-9a-f-]{36}$/.test(userId) || !Number.isSafeInteger(expires) || ctx.now.getTime() >= expires) throw invalid();
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.role !== "customer") throw invalid();
  const expected = signature(secret, payload, user);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw invalid();
  return user;
}

const translators = { en: createTranslator(catalogs.en), zh: createTranslator(catalogs["zh-CN"]) };

/**
 * Sends a reset link to a customer's email through the messaging outbox (delivered by `run-due` over
 * SMTP_URL), with a note in the console inbox. Answers the same whether or not the email has an
 * account, so the form tells nobody which emails exist. Returns the link for the embedded default to
 * write to the server log when no SMTP is configured (the caller decides), null when none was made.
 */
export async function requestPasswordReset({
  ctx,
  input,
  secret,
  appUrl,
}: {
  ctx: ServiceContext;
  input: { email: string };
  secret: string;
  appUrl: string;
}): Promise<{ link: string | null }> {
  const email = input.email.trim().toLowerCase();
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user || user.role !== "customer" || !user.accountId) return { link: null };
  const accountId = user.accountId;
  const since = new Date(ctx.now.getTime() - RESET_LINK_MINUTES * 60_000);
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.accountId, accountId), eq(messages.kind, "password-reset"), gt(messages.createdAt, since)));
  if ((recent?.n ?? 0) >= RESET_REQUESTS_PER_WINDOW) return { link: null };
  const token = issueToken(secret, user, ctx.now);
  const link = passwordResetLink(appUrl, token);
  await inTransaction(ctx, async (tx) => {
    const [message] = await tx.db
      .insert(messages)
      .values({ accountId, kind: "password-reset", product: null, params: {}, dedupeKey: `password-reset:${token.slice(-16)}`, createdAt: tx.now })
      .returning({ id: messages.id });
    if (!message) throw new Error("message insert returned nothing");
    const params = { email: user.email, link };
    await tx.db.insert(outbox).values({
      messageId: message.id,
      accountId,
      channel: "email",
      target: user.email,
      subject: `${translators.zh("password.email.subject")} / ${translators.en("password.email.subject")}`,
      body: `${translators.zh("password.email.body", params)}\n\n${translators.en("password.email.body", params)}`,
      nextAttemptAt: tx.now,
      createdAt: tx.now,
    });
    await recordAudit(tx, { action: "auth.password-reset-requested", accountId, target: user.id });
  });
  return { link };
}

/** Sets a new password from a reset link: once, within its 30 minutes; every session of the user ends. */
export async function resetPassword({ ctx, input, secret }: { ctx: ServiceContext; input: ResetPasswordInput; secret: string }): Promise<{ email: string }> {
  const user = await verifyResetToken({ ctx, token: input.token, secret });
  const passwordHash = await hashPassword(input.newPassword);
  const version = await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
      .returning({ id: users.id });
    if (updated.length === 0) throw invalid();
    const bumped = await bumpSessionVersion(tx.db, user.id);
    await recordAudit(tx, { action: "auth.password-reset", accountId: user.accountId, target: user.id });
    return bumped;
  });
  rememberSessionVersion(user.id, version);
  return { email: user.email };
}
