import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import type { Actor, ServiceContext } from "@/lib/context";
import { signUp } from "@/lib/identity/sign-up";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { getProfile, profileInput, updateProfile } from "./profile";

const t0 = new Date("2026-11-22T02:00:00Z");

describeEachDatabase("profile", (database) => {
  it("changes the company name and contact phone of the own account only, audited", async () => {
    const db = database().db;
    const mine = await signUp({ ctx: { db, actor: { type: "anonymous" }, now: t0 }, input: { email: uniqueEmail("prof"), password: "password-1", company: "Old Co" } });
    const other = await signUp({ ctx: { db, actor: { type: "anonymous" }, now: t0 }, input: { email: uniqueEmail("prof"), password: "password-1", company: "Other Co" } });
    const ctx: ServiceContext = { db, actor: { type: "customer", userId: mine.userId, accountId: mine.accountId }, now: t0 };
    await updateProfile({ ctx, input: profileInput.parse({ companyName: "  New Co  ", contactPhone: "+86 138 0000 0000" }) });
    expect(await getProfile({ ctx })).toEqual({ companyName: "New Co", contactPhone: "+86 138 0000 0000" });
    const otherCtx: ServiceContext = { db, actor: { type: "customer", userId: other.userId, accountId: other.accountId }, now: t0 };
    expect(await getProfile({ ctx: otherCtx })).toEqual({ companyName: "Other Co", contactPhone: null });
    const audit = await db.select().from(auditLog).where(eq(auditLog.accountId, mine.accountId));
    expect(audit.find((row) => row.action === "account.profile-updated")).toMatchObject({ before: { companyName: "Old Co" }, after: { companyName: "New Co" } });
  });

  it("refuses a bad phone or an empty name naming the field, and read-only impersonation", async () => {
    expect(profileInput.safeParse({ companyName: "Co", contactPhone: "call me" }).error?.issues[0]?.path).toEqual(["contactPhone"]);
    expect(profileInput.safeParse({ companyName: "   ", contactPhone: "" }).error?.issues[0]?.path).toEqual(["companyName"]);
    expect(profileInput.parse({ companyName: "Co", contactPhone: "" }).contactPhone).toBeNull();
    const db = database().db;
    const mine = await signUp({ ctx: { db, actor: { type: "anonymous" }, now: t0 }, input: { email: uniqueEmail("prof"), password: "password-1", company: "Co" } });
    const viewer: Actor = { type: "impersonation", staffUserId: "s", accountId: mine.accountId };
    await expect(updateProfile({ ctx: { db, actor: viewer, now: t0 }, input: profileInput.parse({ companyName: "X", contactPhone: "" }) })).rejects.toMatchObject({ code: "read-only-impersonation" });
  });
});
