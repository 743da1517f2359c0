import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, signInAttempts, users } from "@/db/schema";
import type { Actor, ServiceContext } from "@/lib/context";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { searchAccounts } from "./account-search";
import { signUpInput } from "./schemas";
import { THROTTLE, verifySignIn } from "./sign-in";
import { signUp } from "./sign-up";
import { createStaff } from "./staff";

const at = new Date("2026-11-22T02:00:00Z");

describeEachDatabase("identity", (database) => {
  const ctx = (actor: Actor = { type: "anonymous" }, now = at): ServiceContext => ({ db: database().db, actor, now });

  it("signs a customer up with a hashed password, an account and an audit row", async () => {
    const email = uniqueEmail("signup");
    const created = await signUp({ ctx: ctx(), input: signUpInput.parse({ email: email.toUpperCase(), password: "correct horse", company: "Acme" }) });
    const [user] = await database().db.select().from(users).where(eq(users.id, created.userId));
    expect(user?.email).toBe(email);
    expect(user?.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(user?.accountId).toBe(created.accountId);
    const audit = await database().db.select().from(auditLog).where(eq(auditLog.accountId, created.accountId));
    expect(audit.map((row) => row.action)).toEqual(["account.sign-up"]);
  });

  it("refuses a second sign-up with the same email, whatever its case", async () => {
    const email = uniqueEmail("dup");
    await signUp({ ctx: ctx(), input: { email, password: "password-1", company: "A" } });
    await expect(signUp({ ctx: ctx(), input: signUpInput.parse({ email: email.toUpperCase(), password: "password-2", company: "B" }) })).rejects.toMatchObject({
      code: "email-taken",
      field: "email",
    });
  });

  it("answers a wrong password and an unknown email with the same error", async () => {
    const email = uniqueEmail("wrong");
    await signUp({ ctx: ctx(), input: { email, password: "password-1", company: "A" } });
    await expect(verifySignIn({ ctx: ctx(), input: { email, password: "nope-nope" }, ip: "10.0.0.1", audience: "customer" })).rejects.toMatchObject({
      code: "invalid-credentials",
    });
    await expect(
      verifySignIn({ ctx: ctx(), input: { email: uniqueEmail("ghost"), password: "nope-nope" }, ip: "10.0.0.1", audience: "customer" }),
    ).rejects.toMatchObject({ code: "invalid-credentials" });
  });

  it("signs in the right audience only: a customer cannot use the staff sign-in, nor staff the customer one", async () => {
    const email = uniqueEmail("aud");
    const { accountId } = await signUp({ ctx: ctx(), input: { email, password: "password-1", company: "A" } });
    const ok = await verifySignIn({ ctx: ctx(), input: { email, password: "password-1" }, ip: "10.0.0.2", audience: "customer" });
    expect(ok).toMatchObject({ role: "customer", accountId });
    await expect(verifySignIn({ ctx: ctx(), input: { email, password: "password-1" }, ip: "10.0.0.2", audience: "staff" })).rejects.toMatchObject({
      code: "invalid-credentials",
    });
    const staff = await createStaff({ ctx: ctx({ type: "system" }), input: { email: uniqueEmail("staff"), role: "support" } });
    await expect(
      verifySignIn({ ctx: ctx(), input: { email: staff.email, password: staff.oneTimePassword }, ip: "10.0.0.2", audience: "customer" }),
    ).rejects.toMatchObject({ code: "invalid-credentials" });
    const signedIn = await verifySignIn({ ctx: ctx(), input: { email: staff.email, password: staff.oneTimePassword }, ip: "10.0.0.2", audience: "staff" });
    expect(signedIn).toMatchObject({ role: "support", accountId: null });
  });

  it(`throttles after ${THROTTLE.perEmailIp} failures, even with the right password, and lets go after the window`, async () => {
    const email = uniqueEmail("throttle");
    await signUp({ ctx: ctx(), input: { email, password: "password-1", company: "A" } });
    for (let i = 0; i < THROTTLE.perEmailIp; i++) {
      await expect(verifySignIn({ ctx: ctx(), input: { email, password: "bad-password" }, ip: "10.0.0.3", audience: "customer" })).rejects.toMatchObject({
        code: "invalid-credentials",
      });
    }
    await expect(verifySignIn({ ctx: ctx(), input: { email, password: "password-1" }, ip: "10.0.0.3", audience: "customer" })).rejects.toMatchObject({
      code: "throttled",
    });
    const later = new Date(at.getTime() + (THROTTLE.windowMinutes + 1) * 60_000);
    await expect(verifySignIn({ ctx: ctx({ type: "anonymous" }, later), input: { email, password: "password-1" }, ip: "10.0.0.3", audience: "customer" })).resolves.toMatchObject({
      email,
    });
    const attempts = await database().db.select().from(signInAttempts).where(eq(signInAttempts.email, email));
    expect(attempts.filter((a) => !a.succeeded)).toHaveLength(THROTTLE.perEmailIp);
  });

  it("lets staff search accounts by email or company, and refuses customers", async () => {
    const marker = `Zeta${Math.random().toString(36).slice(2, 7)}`;
    const email = uniqueEmail("search");
    const { accountId, userId } = await signUp({ ctx: ctx(), input: { email, password: "password-1", company: `${marker} Ltd` } });
    const staff: Actor = { type: "staff", userId: "00000000-0000-0000-0000-000000000000", role: "support" };
    expect((await searchAccounts({ ctx: ctx(staff), input: { query: marker.toLowerCase() } })).map((r) => r.accountId)).toEqual([accountId]);
    expect((await searchAccounts({ ctx: ctx(staff), input: { query: email } })).map((r) => r.email)).toEqual([email]);
    expect(await searchAccounts({ ctx: ctx(staff), input: { query: `${marker}%` } })).toEqual([]);
    await expect(searchAccounts({ ctx: ctx({ type: "customer", userId, accountId }), input: { query: "" } })).rejects.toMatchObject({ code: "staff-only" });
  });
});
