import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { purchases, qpsGrants } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { accountOf } from "@/lib/context/access";
import type { QpsGroupId } from "@/lib/pricing";
import { groupMode, heldQps, qpsLimit } from "./qps";

/** What the QPS page shows for a group: billing mode, QPS in force now, and every grant. */
export async function qpsOverview({ ctx, group }: { ctx: ServiceContext; group: QpsGroupId }) {
  const accountId = accountOf(ctx.actor);
  const [mode, max, held, grants] = await Promise.all([
    groupMode(ctx.db, accountId, group),
    qpsLimit(ctx.db, accountId, group, ctx.now),
    heldQps(ctx.db, accountId, group, ctx.now),
    ctx.db
      .select({ id: qpsGrants.id, qps: qpsGrants.qps, startsAt: qpsGrants.startsAt, endsAt: qpsGrants.endsAt, autoRenew: qpsGrants.autoRenew, period: purchases.period })
      .from(qpsGrants)
      .leftJoin(purchases, eq(purchases.id, qpsGrants.purchaseId))
      .where(and(eq(qpsGrants.accountId, accountId), eq(qpsGrants.groupId, group)))
      .orderBy(desc(qpsGrants.endsAt)),
  ]);
  return {
    mode,
    held,
    /** The group's cap now: 200, or what support approved (SPEC §2.6). */
    max,
    grants: grants.map((g) => ({
      id: g.id,
      qps: g.qps,
      startsAt: g.startsAt,
      endsAt: g.endsAt,
      inForce: g.startsAt <= ctx.now && g.endsAt > ctx.now,
      autoRenew: g.autoRenew,
      /** Issue 22: a monthly grant that has not ended can be set to renew itself (lib/purchases/auto-renew.ts). */
      renewable: g.period === "month" && g.endsAt > ctx.now,
    })),
  };
}
