import { and, count, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/context";
import { createStaff } from "@/lib/identity/staff";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { staffAccountPage } from "./account-page";

const at = new Date("2026-11-22T02:00:00Z");

/** The staff account page pages the whole audit trail (it showed the latest 50 and no way further). */
describeEachDatabase("the staff account page's audit trail, a page at a time", (database) => {
  it("shows 50 a page, newest first, to the oldest; a page past the end is none and records no look", async () => {
    const db = database().db;
    const account = await newAccount(db, at, "audit-pages");
    const created = await createStaff({ ctx: { db, actor: { type: "system" }, now: at }, input: { email: uniqueEmail("audit-pages"), role: "support", name: "Mei" } });
    const ctx = { db, actor: { type: "staff" as const, userId: created.userId, role: "support" as const }, now: at };
    const before = (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.accountId, account.accountId)))[0]?.n ?? 0;
    // 70 more rows, one a minute before `at`: the trail holds them all, oldest last.
    for (let i = 0; i < 70; i++) await recordAudit({ db, actor: { type: "system", reason: "ops" }, now: new Date(at.getTime() - (70 - i) * 60_000) }, { action: "wallet.credit", accountId: account.accountId, target: `row-${i}` });
    const first = await staffAccountPage({ ctx, input: { accountId: account.accountId } });
    const total = before + 70;
    expect(first.auditTotal).toBe(total);
    expect(first.auditPages).toBe(Math.ceil(total / 50));
    expect(first.audit).toHaveLength(50);
    const second = await staffAccountPage({ ctx, input: { accountId: account.accountId, auditPage: 2 } });
    expect(second.audit).toHaveLength(total - 50);
    // Pages do not overlap, and together they are the whole trail in order.
    const ids = [...first.audit, ...second.audit].map((row) => row.id);
    expect(new Set(ids).size).toBe(total);
    const times = [...first.audit, ...second.audit].map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const looks = async () => (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.accountId, account.accountId), eq(auditLog.action, "support.account-viewed"))))[0]?.n;
    const looked = await looks();
    await expect(staffAccountPage({ ctx, input: { accountId: account.accountId, auditPage: 3 } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await looks()).toBe(looked);
  });
});
