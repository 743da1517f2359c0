import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { changePassword } from "./change-password";
import { createStaff, staffMustChangePassword } from "./staff";

const at = new Date("2026-11-22T02:00:00Z");

describeEachDatabase("staff change the one-time password at first sign-in", (database) => {
  it("create-staff sets the flag; a wrong current password keeps it; changing it clears it, bumps the session version and is audited", async () => {
    const db = database().db;
    const created = await createStaff({ ctx: { db, actor: { type: "system" }, now: at }, input: { email: uniqueEmail("first-pw"), role: "support" } });
    const ctx: ServiceContext = { db, actor: { type: "staff", userId: created.userId, role: "support" }, now: at };
    expect(await staffMustChangePassword(db, created.userId)).toBe(true);
    const [before] = await db.select().from(users).where(eq(users.id, created.userId));

    await expect(changePassword({ ctx, input: { currentPassword: "not-the-one-time-one", newPassword: "a-new-password-1" } })).rejects.toMatchObject({ code: "wrong-current-password" });
    expect(await staffMustChangePassword(db, created.userId)).toBe(true);

    await changePassword({ ctx, input: { currentPassword: created.oneTimePassword, newPassword: "a-new-password-1" } });
    expect(await staffMustChangePassword(db, created.userId)).toBe(false);
    const [after] = await db.select().from(users).where(eq(users.id, created.userId));
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    expect(after?.passwordHash).not.toBe(before?.passwordHash);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.target, created.userId), eq(auditLog.action, "auth.password-changed")));
    expect(audit).toHaveLength(1);
    // A support view is not the staff member: it cannot change their password.
    await expect(
      changePassword({ ctx: { db, actor: { type: "impersonation", staffUserId: created.userId, accountId: "00000000-0000-4000-8000-00000000000a" }, now: at }, input: { currentPassword: "a-new-password-1", newPassword: "another-one-2" } }),
    ).rejects.toMatchObject({ code: expect.any(String) });
  });

  it("an unknown user has no flag to enforce", async () => {
    expect(await staffMustChangePassword(database().db, "00000000-0000-4000-8000-0000000000ff")).toBe(false);
  });
});
