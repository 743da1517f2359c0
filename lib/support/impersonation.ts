import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { accounts, auditLog, supportSessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, ForbiddenError, NotFoundError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite, assertStaff } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { notify } from "@/lib/messaging/notify";
import type { Database } from "@/db/client";

/** SPEC §8: an impersonation ends by itself this long after it started. */
export const SUPPORT_VIEW_MINUTES = 60;

export const startViewInput = z.object({
  accountId: z.uuid(),
  reason: z.string().trim().min(10).max(500),
  ticketRef: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type StartViewInput = z.input<typeof startViewInput>;

export interface RequestOrigin {
  ip: string;
  userAgent: string;
}

export interface SupportView {
  id: string;
  staffUserId: string;
  staffName: string;
  accountId: string;
  accountName: string;
  reason: string;
  ticketRef: string | null;
  startedAt: Date;
  expiresAt: Date;
}

/**
 * Staff (support or admin) start viewing a customer's console. Refused while the same staff member
 * already views one (one at a time): they stop it first. Audited in the customer's trail with the
 * reason, IP and user agent.
 */
export async function startSupportView({ ctx, input, origin }: { ctx: ServiceContext; input: StartViewInput; origin: RequestOrigin }): Promise<{ id: string; expiresAt: Date }> {
  assertStaff(ctx.actor);
  const staffUserId = ctx.actor.userId;
  return inTransaction(ctx, async (tx) => {
    const [account] = await tx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!account) throw new NotFoundError("account-not-found");
    await endLapsedView(tx, staffUserId);
    const [live] = await tx.db.select({ id: supportSessions.id }).from(supportSessions).where(and(eq(supportSessions.staffUserId, staffUserId), isNull(supportSessions.endedAt)));
    if (live) throw new ConflictError("support-view-active");
    const expiresAt = new Date(tx.now.getTime() + SUPPORT_VIEW_MINUTES * 60_000);
    const [row] = await tx.db
      .insert(supportSessions)
      .values({
        staffUserId,
        accountId: input.accountId,
        reason: input.reason,
        ticketRef: input.ticketRef ?? null,
        ip: origin.ip.slice(0, 100),
        userAgent: origin.userAgent.slice(0, 500),
        startedAt: tx.now,
        expiresAt,
      })
      .returning({ id: supportSessions.id });
    if (!row) throw new Error("support session insert returned nothing");
    await recordAudit(tx, {
      action: "support.view-started",
      accountId: input.accountId,
      target: row.id,
      after: { reason: input.reason, ticketRef: input.ticketRef ?? null, ip: origin.ip, userAgent: origin.userAgent, expiresAt: expiresAt.toISOString() },
    });
    // The customer is told when it starts, not only in the log they would have to open (issue 19 item 7).
    const [staff] = await tx.db.select({ name: users.name }).from(users).where(eq(users.id, staffUserId));
    await notify(tx, {
      accountId: input.accountId,
      kind: "support-view-started",
      product: null,
      params: { staff: displayName(staff?.name ?? ""), reason: input.reason, minutes: SUPPORT_VIEW_MINUTES },
      dedupeKey: `support-view:${row.id}`,
    });
    return { id: row.id, expiresAt };
  });
}

/** A staff member as customers see them: the display name, never the email. */
export function displayName(name: string): string {
  return name.split("@")[0] ?? name;
}

/** Marks a staff member's live view that has run out as expired (lazily: at their next request or start). */
async function endLapsedView(ctx: ServiceContext, staffUserId: string): Promise<void> {
  const [live] = await ctx.db
    .select()
    .from(supportSessions)
    .where(and(eq(supportSessions.staffUserId, staffUserId), isNull(supportSessions.endedAt)))
    .for("update");
  if (!live || live.expiresAt > ctx.now) return;
  await ctx.db.update(supportSessions).set({ endedAt: live.expiresAt, endReason: "expired" }).where(eq(supportSessions.id, live.id));
  await recordAudit({ ...ctx, actor: { type: "system", reason: "support-view-expiry" } }, { action: "support.view-expired", accountId: live.accountId, target: live.id });
}

/**
 * The view a staff member's request runs as, or null: the session id from their cookie must be theirs,
 * not ended and not past its expiry (SPEC §8: enforced on the server, at every request). A view found
 * expired is closed and audited here.
 */
export async function currentSupportView(db: Database, staffUserId: string, sessionId: string | undefined, at: Date): Promise<SupportView | null> {
  if (!sessionId || !z.uuid().safeParse(sessionId).success) return null;
  const [row] = await db
    .select({ s: supportSessions, staffName: users.name, accountName: accounts.name })
    .from(supportSessions)
    .innerJoin(users, eq(users.id, supportSessions.staffUserId))
    .innerJoin(accounts, eq(accounts.id, supportSessions.accountId))
    .where(and(eq(supportSessions.id, sessionId), eq(supportSessions.staffUserId, staffUserId)));
  if (!row || row.s.endedAt) return null;
  if (row.s.expiresAt <= at) {
    await inTransaction({ db, actor: { type: "system", reason: "support-view-expiry" }, now: at }, (tx) => endLapsedView(tx, staffUserId));
    return null;
  }
  return {
    id: row.s.id,
    staffUserId,
    staffName: row.staffName,
    accountId: row.s.accountId,
    accountName: row.accountName,
    reason: row.s.reason,
    ticketRef: row.s.ticketRef,
    startedAt: row.s.startedAt,
    expiresAt: row.s.expiresAt,
  };
}

/** The staff member ends their own view ("Stop viewing"). Idempotent: nothing live, nothing done. */
export async function stopSupportView({ ctx, input }: { ctx: ServiceContext; input: { sessionId: string } }): Promise<void> {
  const staffUserId = ctx.actor.type === "impersonation" ? ctx.actor.staffUserId : ctx.actor.type === "staff" ? ctx.actor.userId : null;
  if (!staffUserId) throw new ForbiddenError("staff-only");
  await inTransaction(ctx, async (tx) => {
    const [live] = await tx.db
      .select()
      .from(supportSessions)
      .where(and(eq(supportSessions.id, input.sessionId), eq(supportSessions.staffUserId, staffUserId), isNull(supportSessions.endedAt)))
      .for("update");
    if (!live) return;
    const expired = live.expiresAt <= tx.now;
    await tx.db
      .update(supportSessions)
      .set({ endedAt: expired ? live.expiresAt : tx.now, endReason: expired ? "expired" : "stopped" })
      .where(eq(supportSessions.id, live.id));
    await recordAudit(tx, { action: expired ? "support.view-expired" : "support.view-stopped", accountId: live.accountId, target: live.id });
  });
}

/** The customer ends a support view of their account at once ("Revoke access"); the staff's next request is a plain staff request. */
export async function revokeSupportView({ ctx, input }: { ctx: ServiceContext; input: { sessionId: string } }): Promise<void> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const [live] = await tx.db
      .select()
      .from(supportSessions)
      .where(and(eq(supportSessions.id, input.sessionId), eq(supportSessions.accountId, accountId)))
      .for("update");
    if (!live) throw new NotFoundError("support-view-not-found");
    if (live.endedAt) return;
    await tx.db.update(supportSessions).set({ endedAt: tx.now, endReason: "revoked" }).where(eq(supportSessions.id, live.id));
    await recordAudit(tx, { action: "support.view-revoked", accountId, target: live.id });
  });
}

/** How a support view read the account: a page rendered, a file downloaded, or a live JSON read. */
export type ConsoleAccessKind = "page" | "download" | "data";

/**
 * One row per page, download or live read of a support view, in the customer's trail (SPEC §8: the
 * customer can see it). The console polls its live JSON every few seconds, so a live route is
 * recorded once per view: that the staff member read it is the fact, not how often the page asked.
 */
export async function recordSupportAccess(ctx: ServiceContext, view: Pick<SupportView, "id" | "accountId">, access: { path: string; kind: ConsoleAccessKind }): Promise<void> {
  const path = access.path.slice(0, 300);
  if (access.kind === "data") {
    const [seen] = await ctx.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.accountId, view.accountId), eq(auditLog.action, "support.page-viewed"), eq(auditLog.target, view.id), sql`${auditLog.after}->>'path' = ${path}`))
      .limit(1);
    if (seen) return;
  }
  await recordAudit(ctx, { action: "support.page-viewed", accountId: view.accountId, target: view.id, after: { path, kind: access.kind } });
}

/** A page view (the page names its own path). */
export async function recordSupportPageView(ctx: ServiceContext, view: SupportView, path: string): Promise<void> {
  await recordSupportAccess(ctx, view, { path, kind: "page" });
}

/**
 * A write the view tried and the read-only gate refused, by the action's name (`checkout#purchaseAction`):
 * the customer's access log lists it with the session (issue 19 item 7).
 */
export async function recordSupportRefusal(ctx: ServiceContext, view: Pick<SupportView, "id" | "accountId">, action: string): Promise<void> {
  await recordAudit(ctx, { action: "support.write-refused", accountId: view.accountId, target: view.id, after: { action: action.slice(0, 100) } });
}
