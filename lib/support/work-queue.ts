import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { accounts, refunds, supportRequests } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";

export interface QueueItem {
  id: string;
  accountId: string;
  accountName: string;
  since: Date;
}

export interface WorkQueue {
  refunds: QueueItem[];
  qps: QueueItem[];
  licences: QueueItem[];
}

const LIMIT = 50;

/** What waits for support (issue 10 staff home): oldest first, with the account's name. */
export async function workQueue({ ctx }: { ctx: ServiceContext }): Promise<WorkQueue> {
  assertStaff(ctx.actor);
  const requests = (kind: "qps-increase" | "offline-sdk-formal", status: string) =>
    ctx.db
      .select({ id: supportRequests.id, accountId: supportRequests.accountId, accountName: accounts.name, since: supportRequests.createdAt })
      .from(supportRequests)
      .innerJoin(accounts, eq(accounts.id, supportRequests.accountId))
      .where(and(eq(supportRequests.kind, kind), eq(supportRequests.status, status)))
      .orderBy(asc(supportRequests.createdAt))
      .limit(LIMIT);
  const [held, qps, licences] = await Promise.all([
    ctx.db
      .select({ id: refunds.id, accountId: refunds.accountId, accountName: accounts.name, since: refunds.requestedAt })
      .from(refunds)
      .innerJoin(accounts, eq(accounts.id, refunds.accountId))
      .where(eq(refunds.status, "pending-review"))
      .orderBy(asc(refunds.requestedAt))
      .limit(LIMIT),
    requests("qps-increase", "open"),
    requests("offline-sdk-formal", "awaiting-quote"),
  ]);
  return { refunds: held, qps, licences };
}
