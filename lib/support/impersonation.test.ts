import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, supportSessions } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { createStaff } from "@/lib/identity/staff";
import { createApiKey } from "@/lib/metering/api-keys";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { accessLog } from "./access-log";
import { currentSupportView, recordSupportPageView, revokeSupportView, startSupportView, stopSupportView, SUPPORT_VIEW_MINUTES } from "./impersonation";

const at = new Date("2026-11-22T02:00:00Z");
const origin = { ip: "10.1.2.3", userAgent: "test-agent" };
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

describeEachDatabase("support views (impersonation)", (database) => {
  const db = () => database().db;

  async function staffMember(role: "support" | "admin" = "support") {
    const created = await createStaff({ ctx: { db: db(), actor: { type: "system" }, now: at }, input: { email: uniqueEmail("staff"), role, name: "Lin" } });
    return (now = at): ServiceContext => ({ db: db(), actor: { type: "staff", userId: created.userId, role }, now });
  }

  it("starts with a reason, is live until 60 minutes, then is an ordinary staff request again (expiry audited)", async () => {
    const customer = await newAccount(db(), at, "viewed");
    const staff = await staffMember();
    const started = await startSupportView({ ctx: staff(), input: { accountId: customer.accountId, reason: "checking a disputed bill" }, origin });
    const staffUserId = (staff().actor as { userId: string }).userId;
    expect(started.expiresAt.getTime() - at.getTime()).toBe(SUPPORT_VIEW_MINUTES * 60_000);
    expect(await currentSupportView(db(), staffUserId, started.id, minutes(59))).toMatchObject({ accountId: customer.accountId, staffName: "Lin" });
    // Someone else's cookie value grants nothing.
    const other = await staffMember();
    expect(await currentSupportView(db(), (other().actor as { userId: string }).userId, started.id, minutes(1))).toBeNull();
    expect(await currentSupportView(db(), staffUserId, started.id, minutes(60))).toBeNull();
    const [row] = await db().select().from(supportSessions).where(eq(supportSessions.id, started.id));
    expect(row).toMatchObject({ endReason: "expired", endedAt: started.expiresAt });
    const trail = await db().select().from(auditLog).where(and(eq(auditLog.accountId, customer.accountId), eq(auditLog.target, started.id)));
    expect(trail.map((r) => r.action)).toEqual(["support.view-started", "support.view-expired"]);
    expect(trail[0]?.after).toMatchObject({ reason: "checking a disputed bill", ip: "10.1.2.3", userAgent: "test-agent" });
  });

  it("one at a time: a second start is refused until the first is stopped", async () => {
    const a = await newAccount(db(), at, "viewed-a");
    const b = await newAccount(db(), at, "viewed-b");
    const staff = await staffMember("admin");
    const first = await startSupportView({ ctx: staff(), input: { accountId: a.accountId, reason: "ticket about packs" }, origin });
    await expect(startSupportView({ ctx: staff(), input: { accountId: b.accountId, reason: "another ticket here" }, origin })).rejects.toMatchObject({ code: "support-view-active" });
    await stopSupportView({ ctx: staff(minutes(5)), input: { sessionId: first.id } });
    await expect(startSupportView({ ctx: staff(minutes(6)), input: { accountId: b.accountId, reason: "another ticket here" }, origin })).resolves.toBeTruthy();
  });

  it("only support and admin staff may start one", async () => {
    const customer = await newAccount(db(), at, "viewer-customer");
    const target = await newAccount(db(), at, "viewed");
    await expect(startSupportView({ ctx: customer.customer(), input: { accountId: target.accountId, reason: "I want to look around" }, origin })).rejects.toMatchObject({ code: "staff-only" });
    const staff = await staffMember();
    await expect(startSupportView({ ctx: staff(), input: { accountId: "00000000-0000-4000-8000-000000000000", reason: "no such account here" }, origin })).rejects.toMatchObject({ code: "account-not-found" });
  });

  it("is read-only in the services too (assertCanWrite is the second guard)", async () => {
    const customer = await newAccount(db(), at, "viewed");
    const ctx: ServiceContext = { db: db(), actor: { type: "impersonation", staffUserId: "00000000-0000-4000-8000-000000000001", accountId: customer.accountId }, now: at };
    await expect(createApiKey({ ctx, input: { name: "sneaky" } })).rejects.toMatchObject({ code: "read-only-impersonation" });
  });

  it("the customer sees the session, its pages, and revokes a live one at once", async () => {
    const customer = await newAccount(db(), at, "viewed");
    const staff = await staffMember();
    const staffUserId = (staff().actor as { userId: string }).userId;
    const started = await startSupportView({ ctx: staff(), input: { accountId: customer.accountId, reason: "customer asked about usage", ticketRef: "T-42" }, origin });
    const view = await currentSupportView(db(), staffUserId, started.id, minutes(1));
    if (!view) throw new Error("view not live");
    const viewCtx: ServiceContext = { db: db(), actor: { type: "impersonation", staffUserId, accountId: customer.accountId }, now: minutes(1) };
    await recordSupportPageView(viewCtx, view, "/usage");
    await recordSupportPageView(viewCtx, view, "/balance");

    const before = await accessLog({ ctx: customer.customer(minutes(2)) });
    expect(before.sessions[0]).toMatchObject({ staffName: "Lin", reason: "customer asked about usage", ticketRef: "T-42", live: true, pages: ["/usage", "/balance"] });

    // The staff member cannot revoke through the customer's tool; the customer can.
    await expect(revokeSupportView({ ctx: viewCtx, input: { sessionId: started.id } })).rejects.toMatchObject({ code: "read-only-impersonation" });
    const stranger = await newAccount(db(), at, "stranger");
    await expect(revokeSupportView({ ctx: stranger.customer(minutes(3)), input: { sessionId: started.id } })).rejects.toMatchObject({ code: "support-view-not-found" });
    await revokeSupportView({ ctx: customer.customer(minutes(3)), input: { sessionId: started.id } });
    expect(await currentSupportView(db(), staffUserId, started.id, minutes(4))).toBeNull();
    const after = await accessLog({ ctx: customer.customer(minutes(5)) });
    expect(after.sessions[0]).toMatchObject({ live: false, endReason: "revoked" });
  });

  it("audit rows cannot be updated, deleted or truncated", async () => {
    const customer = await newAccount(db(), at, "audited");
    const [row] = await db().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.accountId, customer.accountId)).limit(1);
    if (!row) throw new Error("sign-up wrote no audit row");
    await expect(db().update(auditLog).set({ action: "tampered" }).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(db().delete(auditLog).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
    const [still] = await db().select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(still?.action).not.toBe("tampered");
  });
});
