import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { auditLog, signInAttempts, supportSessions, users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";

export interface AccessLogSession {
  id: string;
  staffName: string;
  reason: string;
  ticketRef: string | null;
  startedAt: Date;
  /** When it ended, or null while live. */
  endedAt: Date | null;
  endReason: "stopped" | "expired" | "revoked" | null;
  expiresAt: Date;
  live: boolean;
  pages: string[];
}

export type SecurityEvent =
  | { kind: "auth.sign-in" | "auth.sign-in-failed"; at: Date }
  | { kind: "api-key.create" | "api-key.revoke"; at: Date; name: string }
  | { kind: "auth.password-changed"; at: Date };

const SECURITY_ACTIONS = ["api-key.create", "api-key.revoke", "auth.password-changed"] as const;
const LIMIT = 100;

/**
 * The customer's access log (issue 10): every support session on the account (staff display name,
 * never the email; reason; when; how long; pages viewed), and the account's own security events.
 * A session past its expiry reads as expired even before anyone touched it again.
 */
export async function accessLog({ ctx }: { ctx: ServiceContext }): Promise<{ sessions: AccessLogSession[]; events: SecurityEvent[] }> {
  const accountId = accountOf(ctx.actor);
  const rows = await ctx.db
    .select({ s: supportSessions, staffName: users.name })
    .from(supportSessions)
    .innerJoin(users, eq(users.id, supportSessions.staffUserId))
    .where(eq(supportSessions.accountId, accountId))
    .orderBy(desc(supportSessions.startedAt))
    .limit(LIMIT);
  const views = rows.length
    ? await ctx.db
        .select({ target: auditLog.target, after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, "support.page-viewed"), inArray(auditLog.target, rows.map((r) => r.s.id))))
        .orderBy(auditLog.id)
    : [];
  const sessions = rows.map(({ s, staffName }): AccessLogSession => {
    const lapsed = !s.endedAt && s.expiresAt <= ctx.now;
    const pages = [...new Set(views.filter((v) => v.target === s.id).map((v) => String((v.after as { path?: unknown } | null)?.path ?? "")))].filter(Boolean);
    return {
      id: s.id,
      // A display name only: staff emails stay internal.
      staffName: staffName.split("@")[0] ?? staffName,
      reason: s.reason,
      ticketRef: s.ticketRef,
      startedAt: s.startedAt,
      endedAt: s.endedAt ?? (lapsed ? s.expiresAt : null),
      endReason: s.endReason ?? (lapsed ? "expired" : null),
      expiresAt: s.expiresAt,
      live: !s.endedAt && !lapsed,
      pages,
    };
  });

  const [owner] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.accountId, accountId)).limit(1);
  const [signIns, audited] = await Promise.all([
    owner
      ? ctx.db.select({ succeeded: signInAttempts.succeeded, at: signInAttempts.at }).from(signInAttempts).where(eq(signInAttempts.email, owner.email)).orderBy(desc(signInAttempts.at)).limit(LIMIT)
      : [],
    ctx.db
      .select({ action: auditLog.action, at: auditLog.at, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.accountId, accountId), inArray(auditLog.action, [...SECURITY_ACTIONS])))
      .orderBy(desc(auditLog.at))
      .limit(LIMIT),
  ]);
  const events: SecurityEvent[] = [
    ...signIns.map((r): SecurityEvent => ({ kind: r.succeeded ? "auth.sign-in" : "auth.sign-in-failed", at: r.at })),
    ...audited.map((r): SecurityEvent => {
      if (r.action === "auth.password-changed") return { kind: "auth.password-changed", at: r.at };
      const named = (r.after ?? r.before) as { name?: unknown } | null;
      return { kind: r.action as "api-key.create", at: r.at, name: String(named?.name ?? "") };
    }),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, LIMIT);
  return { sessions, events };
}
