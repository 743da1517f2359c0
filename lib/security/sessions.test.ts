import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, outbox, users } from "@/db/schema";
import { tokenIsCurrent } from "@/lib/auth/session-version";
import type { Actor, ServiceContext } from "@/lib/context";
import { changePassword } from "@/lib/identity/change-password";
import { passwordResetLink, requestPasswordReset, resetPassword, verifyResetToken } from "@/lib/identity/password-reset";
import { endSessions } from "@/lib/identity/session-version";
import { verifySignIn } from "@/lib/identity/sign-in";
import { signUp } from "@/lib/identity/sign-up";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";

/**
 * Issue 9 item 8: a session token carries the user's session version; signing out, changing the
 * password and resetting it bump the version, so a token minted before stops opening anything.
 * Issue 11 item 13: change password (current one required) and a single-use, 30-minute reset link.
 */
const at = new Date("2026-11-22T02:00:00Z");
const SECRET = "test-reset-secret-0123456789";
const randomIp = () => `10.${Array.from({ length: 3 }, () => Math.floor(Math.random() * 256)).join(".")}`;

describeEachDatabase("sessions and passwords", (database) => {
  const ctx = (actor: Actor = { type: "anonymous" }, now = at): ServiceContext => ({ db: database().db, actor, now });

  async function customer(password = "password-1") {
    const email = uniqueEmail("sess");
    const created = await signUp({ ctx: ctx(), input: { email, password, company: "Sess Co" } });
    const signedIn = await verifySignIn({ ctx: ctx(), input: { email, password }, ip: randomIp(), audience: "customer" });
    const actor: Actor = { type: "customer", userId: created.userId, accountId: created.accountId };
    return { ...created, email, token: { uid: signedIn.userId, sv: signedIn.sessionVersion }, actor };
  }

  it("a token stops being current once its user signs out (on this instance at once, cached otherwise)", async () => {
    const user = await customer();
    expect(await tokenIsCurrent(database().db, user.token)).toBe(true);
    await endSessions({ ctx: ctx(user.actor), reason: "sign-out" });
    expect(await tokenIsCurrent(database().db, user.token)).toBe(false);
    const again = await verifySignIn({ ctx: ctx(), input: { email: user.email, password: "password-1" }, ip: randomIp(), audience: "customer" });
    expect(await tokenIsCurrent(database().db, { uid: again.userId, sv: again.sessionVersion })).toBe(true);
    const audit = await database().db.select().from(auditLog).where(eq(auditLog.accountId, user.accountId));
    expect(audit.map((a) => a.action)).toContain("auth.sign-out");
  });

  it("a token of a user that no longer exists, or without a user, is not current", async () => {
    expect(await tokenIsCurrent(database().db, { uid: "00000000-0000-4000-8000-000000000000", sv: 0 })).toBe(false);
    expect(await tokenIsCurrent(database().db, { uid: undefined, sv: 0 })).toBe(false);
  });

  it("changes the password only with the right current one, and ends every session", async () => {
    const user = await customer();
    await expect(changePassword({ ctx: ctx(user.actor), input: { currentPassword: "wrong-one", newPassword: "new-password-2" } })).rejects.toMatchObject({
      code: "wrong-current-password",
      field: "currentPassword",
    });
    expect(await tokenIsCurrent(database().db, user.token)).toBe(true);
    await changePassword({ ctx: ctx(user.actor), input: { currentPassword: "password-1", newPassword: "new-password-2" } });
    expect(await tokenIsCurrent(database().db, user.token)).toBe(false);
    await expect(verifySignIn({ ctx: ctx(), input: { email: user.email, password: "password-1" }, ip: randomIp(), audience: "customer" })).rejects.toMatchObject({
      code: "invalid-credentials",
    });
    await expect(verifySignIn({ ctx: ctx(), input: { email: user.email, password: "new-password-2" }, ip: randomIp(), audience: "customer" })).resolves.toMatchObject({
      email: user.email,
    });
    await expect(changePassword({ ctx: ctx({ type: "anonymous" }), input: { currentPassword: "x", newPassword: "new-password-3" } })).rejects.toMatchObject({
      code: "sign-in-required",
    });
  });

  it("queues a reset link by email through the outbox; it works once, for 30 minutes, and ends every session", async () => {
    const user = await customer();
    // Far in the future, and removed at once: other suites deliver the outbox at their own times on
    // the shared PostgreSQL database and count what they send.
    const asked = new Date("2099-01-01T00:00:00Z");
    await requestPasswordReset({ ctx: ctx({ type: "anonymous" }, asked), input: { email: user.email.toUpperCase() }, secret: SECRET, appUrl: "https://console.example" });
    const [queued] = await database().db.select().from(outbox).where(eq(outbox.accountId, user.accountId));
    await database().db.delete(outbox).where(eq(outbox.accountId, user.accountId));
    expect(queued).toMatchObject({ channel: "email", target: user.email, status: "pending" });
    const link = /https:\/\/console\.example\/reset-password\?token=[A-Za-z0-9_.-]+/.exec(queued?.body ?? "")?.[0];
    expect(link).toBeDefined();
    const token = new URL(link ?? "").searchParams.get("token") ?? "";

    expect(await verifyResetToken({ ctx: ctx({ type: "anonymous" }, asked), token, secret: SECRET })).toMatchObject({ email: user.email });
    const late = new Date(asked.getTime() + 31 * 60_000);
    await expect(resetPassword({ ctx: ctx({ type: "anonymous" }, late), input: { token, newPassword: "reset-password-1" }, secret: SECRET })).rejects.toMatchObject({
      code: "reset-link-invalid",
    });
    const anon = ctx({ type: "anonymous" }, asked);
    const tampered = `${token.slice(0, -2)}${token.endsWith("A") ? "B" : "A"}A`;
    await expect(resetPassword({ ctx: anon, input: { token: tampered, newPassword: "reset-password-1" }, secret: SECRET })).rejects.toMatchObject({
      code: "reset-link-invalid",
    });
    await expect(resetPassword({ ctx: anon, input: { token, newPassword: "reset-password-1" }, secret: "another-secret-0123456789" })).rejects.toMatchObject({
      code: "reset-link-invalid",
    });

    await resetPassword({ ctx: anon, input: { token, newPassword: "reset-password-1" }, secret: SECRET });
    expect(await tokenIsCurrent(database().db, user.token)).toBe(false);
    await expect(resetPassword({ ctx: anon, input: { token, newPassword: "reset-password-2" }, secret: SECRET })).rejects.toMatchObject({
      code: "reset-link-invalid",
    });
    await expect(verifySignIn({ ctx: ctx(), input: { email: user.email, password: "reset-password-1" }, ip: randomIp(), audience: "customer" })).resolves.toMatchObject({
      email: user.email,
    });
  });

  it("says nothing about an unknown email and queues nothing for it", async () => {
    const email = uniqueEmail("ghost");
    const result = await requestPasswordReset({ ctx: ctx(), input: { email }, secret: SECRET, appUrl: "https://console.example" });
    expect(result).toEqual({ link: null });
    const rows = await database().db.select().from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(0);
  });

  it("builds links from the configured APP_URL only", () => {
    expect(passwordResetLink("https://console.example/", "abc.def")).toBe("https://console.example/reset-password?token=abc.def");
  });
});
