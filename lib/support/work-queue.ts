import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { accounts, auditLog, packs, refunds, supportRequests } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";
import { Dec } from "@/lib/pricing";

/** What a card says about the item beyond its account (issue 19 item 5): the amount and why it waits. */
export type QueueDetail =
  /** A refund held for review: what it returns, the pack (catalog id, or the API of a pack without one) and the customer's recent refunds. */
  | { kind: "refund"; amount: string; pack: string | null; api: string; recentRefunds: number | null }
  /** A QPS request above the self-service limit. */
  | { kind: "qps"; group: string; totalQps: number | null; note: string | null }
  /** A formal offline-SDK licence awaiting a quote. */
  | { kind: "licence"; packageName: string; years: number | null };

export interface QueueItem {
  id: string;
  accountId: string;
  accountName: string;
  since: Date;
  detail: QueueDetail;
}

export interface WorkQueue {
  refunds: QueueItem[];
  qps: QueueItem[];
  licences: QueueItem[];
}

const LIMIT = 50;

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const count = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** What waits for support (issue 10 staff home): oldest first, with the account's name, the amount and the reason. */
export async function workQueue({ ctx }: { ctx: ServiceContext }): Promise<WorkQueue> {
  assertStaff(ctx.actor);
  const requests = (kind: "qps-increase" | "offline-sdk-formal", status: string) =>
    ctx.db
      .select({ id: supportRequests.id, accountId: supportRequests.accountId, accountName: accounts.name, since: supportRequests.createdAt, details: supportRequests.details })
      .from(supportRequests)
      .innerJoin(accounts, eq(accounts.id, supportRequests.accountId))
      .where(and(eq(supportRequests.kind, kind), eq(supportRequests.status, status)))
      .orderBy(asc(supportRequests.createdAt))
      .limit(LIMIT);
  const [held, qps, licences] = await Promise.all([
    ctx.db
      .select({
        id: refunds.id,
        accountId: refunds.accountId,
        accountName: accounts.name,
        since: refunds.requestedAt,
        pack: packs.packSpec,
        api: packs.api,
        cash: refunds.returnedCash,
        income: refunds.returnedIncome,
        gift: refunds.returnedGift,
        // Why it waits: the refunds the customer had in the review window when asking (requestRefund's audit row).
        held: auditLog.after,
      })
      .from(refunds)
      .innerJoin(accounts, eq(accounts.id, refunds.accountId))
      .innerJoin(packs, eq(packs.id, refunds.packId))
      .leftJoin(auditLog, and(eq(auditLog.action, "refund.pending-review"), eq(auditLog.target, sql`${refunds.id}::text`)))
      .where(eq(refunds.status, "pending-review"))
      .orderBy(asc(refunds.requestedAt))
      .limit(LIMIT),
    requests("qps-increase", "open"),
    requests("offline-sdk-formal", "awaiting-quote"),
  ]);
  const detailsOf = (value: unknown): Record<string, unknown> => (value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {});
  return {
    refunds: held.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      accountName: r.accountName,
      since: r.since,
      detail: { kind: "refund", amount: new Dec(r.cash).plus(r.income).plus(r.gift).toFixed(2), pack: r.pack, api: r.api, recentRefunds: count(detailsOf(r.held).recentRefunds) },
    })),
    qps: qps.map((r) => {
      const d = detailsOf(r.details);
      return { id: r.id, accountId: r.accountId, accountName: r.accountName, since: r.since, detail: { kind: "qps", group: text(d.group) ?? "", totalQps: count(d.totalQps), note: text(d.note) } };
    }),
    licences: licences.map((r) => {
      const d = detailsOf(r.details);
      return { id: r.id, accountId: r.accountId, accountName: r.accountName, since: r.since, detail: { kind: "licence", packageName: text(d.packageName) ?? "", years: count(d.years) } };
    }),
  };
}
