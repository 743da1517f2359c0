import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { serviceActivations, supportRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, ValidationError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { assertDayInRange } from "@/lib/params/errors";
import { QPS_REQUEST_NOTICE_DAYS, type FormalLicenceInput, type QpsIncreaseInput } from "./schemas";

async function requireActive(ctx: ServiceContext, accountId: string, product: string): Promise<void> {
  const [row] = await ctx.db.select().from(serviceActivations).where(and(eq(serviceActivations.accountId, accountId), eq(serviceActivations.product, product)));
  if (!row) throw new ConflictError("not-activated", { product });
}

/** SPEC §2.6: QPS above 200 is arranged by support, asked for at least a week ahead. Recorded for support's queue. */
export async function requestQpsIncrease({ ctx, input }: { ctx: ServiceContext; input: QpsIncreaseInput }): Promise<{ requestId: string }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  assertDayInRange("neededBy", input.neededBy, ctx.now);
  const earliest = ctx.now.getTime() + QPS_REQUEST_NOTICE_DAYS * 24 * 60 * 60 * 1000;
  if (input.neededBy.getTime() < earliest) throw new ValidationError("neededBy", "needed-by-too-soon", { days: QPS_REQUEST_NOTICE_DAYS });
  return inTransaction(ctx, async (tx) => {
    await requireActive(tx, accountId, input.group);
    const details = { group: input.group, totalQps: input.totalQps, neededBy: input.neededBy.toISOString(), note: input.note };
    const [row] = await tx.db.insert(supportRequests).values({ accountId, kind: "qps-increase", status: "open", details, createdAt: tx.now }).returning({ id: supportRequests.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, { action: "qps.increase-requested", accountId, target: row.id, after: details });
    return { requestId: row.id };
  });
}

/** SPEC §2.7: a formal offline-SDK licence is priced on request: recorded, awaiting support's quote. */
export async function requestFormalLicence({ ctx, input }: { ctx: ServiceContext; input: FormalLicenceInput }): Promise<{ requestId: string }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await requireActive(tx, accountId, "body");
    const details = { packageName: input.packageName, years: input.years, note: input.note };
    const [row] = await tx.db
      .insert(supportRequests)
      .values({ accountId, kind: "offline-sdk-formal", status: "awaiting-quote", details, createdAt: tx.now })
      .returning({ id: supportRequests.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, { action: "licence.formal-requested", accountId, target: row.id, after: details });
    return { requestId: row.id };
  });
}

export async function listSupportRequests({ ctx }: { ctx: ServiceContext }) {
  return ctx.db.select().from(supportRequests).where(eq(supportRequests.accountId, accountOf(ctx.actor))).orderBy(desc(supportRequests.createdAt));
}
