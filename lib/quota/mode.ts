import "server-only";
import { and, eq } from "drizzle-orm";
import { qpsGroupModes, serviceActivations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { groupMode, heldQps } from "./qps";
import type { QpsModeInput } from "./schemas";

/**
 * Switches a QPS group between call billing and QPS billing (SPEC §2.6). Under QPS billing the
 * group's calls are not metered or billed per call (no free quota or pack is drawn) and a request
 * above the bought QPS is refused; under call billing bought QPS has no effect. Switching to QPS
 * needs QPS in force, or every call would be refused.
 */
export async function switchQpsMode({ ctx, input }: { ctx: ServiceContext; input: QpsModeInput }): Promise<{ mode: "calls" | "qps"; changed: boolean }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [active] = await tx.db
      .select()
      .from(serviceActivations)
      .where(and(eq(serviceActivations.accountId, accountId), eq(serviceActivations.product, input.group)));
    if (!active) throw new ConflictError("not-activated", { product: input.group });
    const before = await groupMode(tx.db, accountId, input.group);
    if (before === input.mode) return { mode: before, changed: false };
    if (input.mode === "qps" && (await heldQps(tx.db, accountId, input.group, tx.now)) === 0) throw new ConflictError("no-qps-held");
    await tx.db
      .insert(qpsGroupModes)
      .values({ accountId, groupId: input.group, mode: input.mode, changedAt: tx.now })
      .onConflictDoUpdate({ target: [qpsGroupModes.accountId, qpsGroupModes.groupId], set: { mode: input.mode, changedAt: tx.now } });
    await recordAudit(tx, { action: "qps.mode-changed", accountId, target: input.group, before: { mode: before }, after: { mode: input.mode } });
    return { mode: input.mode, changed: true };
  });
}
