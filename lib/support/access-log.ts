import "server-only";
import { and, desc, eq, inArray, like, notLike, or, sql } from "drizzle-orm";
import { auditLog, signInAttempts, supportSessions, users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import { deviceOf, type Device } from "@/lib/identity/device";
import { UNKNOWN_IP } from "@/lib/identity/sign-in";
import { displayName } from "./impersonation";
import { groupStaffOpenings } from "./staff-openings";

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
  /** Console pages and live figures the view read, each once, in the order first opened. */
  pages: string[];
  /** Files the view downloaded (a bill, transactions, daily usage), with the month or dates asked for. */
  downloads: string[];
  /** Writes the view tried and the read-only gate refused, by action name (`checkout#purchaseAction`), in order (issue 19 item 7). */
  refused: { action: string; at: Date }[];
}

/**
 * A staff look at the account outside a support view, or a staff action on it (issue 17 item 5),
 * read from the audit trail: any row on the account whose actor is a staff member (or an operator's
 * `npm run ops` command), so a new staff tool appears here with no change to this query.
 */
export interface StaffActivity {
  id: number;
  at: Date;
  action: string;
  /** The staff member's display name; null for an operator's command, which has none. */
  staffName: string | null;
  /** The reason staff gave, as they typed it (shown as text, never as markup). */
  reason: string | null;
  /** The row's own figures (amount, QPS, package…), as text. */
  details: Record<string, string>;
  /** The customer's own step (an invoice request, a download: issue 20 item 4), not staff's. */
  byCustomer?: boolean;
  /** Which member of the account took that step (issue 21 item 5). */
  member?: MemberRef;
  /** Openings in the staff console grouped per visit (lib/support/staff-openings.ts): how many, and the first one's time. */
  count?: number;
  firstAt?: Date;
}

/** The member of the account an event or a step was theirs (issue 21 item 5): their id and name. */
export interface MemberRef {
  userId: string;
  name: string;
}

export type SecurityEvent = (
  /** `ip`: the address the attempt came from (lib/auth/client-ip.ts); null where the console could not know it (no trusted proxy). */
  | { kind: "auth.sign-in" | "auth.sign-in-failed"; at: Date; ip: string | null; device: Device | null }
  | { kind: "api-key.create" | "api-key.revoke"; at: Date; name: string }
  | { kind: "auth.password-changed"; at: Date }
) & { member?: MemberRef };

const SECURITY_ACTIONS = ["api-key.create", "api-key.revoke", "auth.password-changed"] as const;
const LIMIT = 100;

/**
 * The customer's access log (issue 10): every support session on the account (staff display name,
 * never the email; reason; when; how long; pages viewed), and the account's own security events.
 * A session past its expiry reads as expired even before anyone touched it again.
 */
export async function accessLog({ ctx }: { ctx: ServiceContext }): Promise<{ sessions: AccessLogSession[]; events: SecurityEvent[]; staffActivity: StaffActivity[] }> {
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
        .select({ target: auditLog.target, action: auditLog.action, after: auditLog.after, at: auditLog.at })
        .from(auditLog)
        .where(and(eq(auditLog.accountId, accountId), inArray(auditLog.action, ["support.page-viewed", "support.write-refused"]), inArray(auditLog.target, rows.map((r) => r.s.id))))
        .orderBy(auditLog.id)
    : [];
  const sessions = rows.map(({ s, staffName }): AccessLogSession => {
    const lapsed = !s.endedAt && s.expiresAt <= ctx.now;
    const mine = views.filter((v) => v.target === s.id);
    const read = mine.filter((v) => v.action === "support.page-viewed").map((v) => v.after as { path?: unknown; kind?: unknown } | null);
    const refused = mine.filter((v) => v.action === "support.write-refused").map((v) => ({ action: String((v.after as { action?: unknown } | null)?.action ?? ""), at: v.at }));
    const paths = (download: boolean) => [...new Set(read.filter((v) => (v?.kind === "download") === download).map((v) => String(v?.path ?? "")))].filter(Boolean);
    return {
      id: s.id,
      // A display name only: staff emails stay internal.
      staffName: displayName(staffName),
      reason: s.reason,
      ticketRef: s.ticketRef,
      startedAt: s.startedAt,
      endedAt: s.endedAt ?? (lapsed ? s.expiresAt : null),
      endReason: s.endReason ?? (lapsed ? "expired" : null),
      expiresAt: s.expiresAt,
      live: !s.endedAt && !lapsed,
      pages: paths(false),
      downloads: paths(true),
      refused,
    };
  });

  // Every member's sign-ins, each named (issue 21 item 5); a removed member's email was released, so
  // their old attempts are no longer matched to the account.
  const members = await ctx.db.select({ userId: users.id, email: users.email, name: users.name }).from(users).where(eq(users.accountId, accountId));
  const byEmail = new Map(members.map((m) => [m.email, { userId: m.userId, name: m.name }]));
  const [signIns, audited] = await Promise.all([
    members.length > 0
      ? ctx.db
          .select({ email: signInAttempts.email, succeeded: signInAttempts.succeeded, at: signInAttempts.at, ip: signInAttempts.ip, userAgent: signInAttempts.userAgent })
          .from(signInAttempts)
          .where(inArray(signInAttempts.email, members.map((m) => m.email)))
          .orderBy(desc(signInAttempts.at))
          .limit(LIMIT)
      : [],
    ctx.db
      .select({ action: auditLog.action, at: auditLog.at, before: auditLog.before, after: auditLog.after, userId: users.id, userName: users.name })
      .from(auditLog)
      .leftJoin(users, and(eq(auditLog.actorType, "customer"), sql`${users.id}::text = ${auditLog.actorId}`, eq(users.accountId, accountId)))
      .where(and(eq(auditLog.accountId, accountId), inArray(auditLog.action, [...SECURITY_ACTIONS])))
      .orderBy(desc(auditLog.at))
      .limit(LIMIT),
  ]);
  const named = (member: MemberRef | null | undefined) => (member ? { member } : {});
  const events: SecurityEvent[] = [
    ...signIns.map((r): SecurityEvent => ({ kind: r.succeeded ? "auth.sign-in" : "auth.sign-in-failed", at: r.at, ip: r.ip === UNKNOWN_IP ? null : r.ip, device: deviceOf(r.userAgent), ...named(byEmail.get(r.email)) })),
    ...audited.map((r): SecurityEvent => {
      const member = named(r.userId !== null && r.userName !== null ? { userId: r.userId, name: r.userName } : null);
      if (r.action === "auth.password-changed") return { kind: "auth.password-changed", at: r.at, ...member };
      const key = (r.after ?? r.before) as { name?: unknown } | null;
      return { kind: r.action as "api-key.create", at: r.at, name: String(key?.name ?? ""), ...member };
    }),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, LIMIT);
  return { sessions, events, staffActivity: await staffActivity(ctx, accountId) };
}


async function staffActivity(ctx: ServiceContext, accountId: string): Promise<StaffActivity[]> {
  const rows = await ctx.db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorType: auditLog.actorType, after: auditLog.after, userId: users.id, userName: users.name })
    .from(auditLog)
    // The staff member, or the member of this account who took a customer step.
    .leftJoin(users, and(sql`${auditLog.actorType} in ('staff', 'customer')`, sql`${users.id}::text = ${auditLog.actorId}`))
    .where(
      and(
        eq(auditLog.accountId, accountId),
        // Issue 20 item 4: every step of an invoice is on this log, the customer's own included.
        or(eq(auditLog.actorType, "staff"), and(eq(auditLog.actorType, "system"), eq(auditLog.actorId, "ops")), like(auditLog.action, "invoice.%")),
        // Support views are listed with their sessions above.
        notLike(auditLog.action, "support.view-%"),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(LIMIT);
  // One line per staff visit, not per page load of the staff console.
  return groupStaffOpenings(rows, (r) => (r.actorType === "staff" ? r.userId : null)).map((r) => {
    const after = r.after !== null && typeof r.after === "object" ? (r.after as Record<string, unknown>) : {};
    const details: Record<string, string> = {};
    for (const [key, value] of Object.entries(after)) if (typeof value === "string" || typeof value === "number") details[key] = String(value);
    // A reviewed refund records what went back to each source; the customer is told the total.
    const returned = after.returned as { total?: unknown } | undefined;
    if (typeof returned?.total === "string") details.total = returned.total;
    const reason = typeof after.reason === "string" ? after.reason : null;
    const byCustomer = r.actorType === "customer";
    const member = byCustomer && r.userId !== null && r.userName !== null ? { member: { userId: r.userId, name: r.userName } } : {};
    const visit = r.count ? { count: r.count, firstAt: r.firstAt } : {};
    return { id: r.id, at: r.at, action: r.action, staffName: r.actorType === "staff" ? displayName(r.userName ?? "") : null, reason, details, ...(byCustomer ? { byCustomer } : {}), ...member, ...visit };
  });
}
