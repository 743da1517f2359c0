import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { qpsLimits, supportRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/context";
import { formatDate } from "@/lib/i18n/format-date";
import { notify } from "@/lib/messaging/notify";
import { assertDayInRange } from "@/lib/params/errors";
import { QPS_REQUEST_NOTICE_DAYS } from "@/lib/quota/schemas";
import { staffTool, type StaffContext } from "./staff-tool";

const requestId = z.uuid();

interface QpsRequestDetails {
  group: string;
  totalQps: number;
  neededBy: string;
  note?: string;
}

async function openQpsRequest(tx: StaffContext, id: string) {
  const [row] = await tx.db
    .select()
    .from(supportRequests)
    .where(and(eq(supportRequests.id, id), eq(supportRequests.kind, "qps-increase")))
    .for("update");
  if (!row) throw new NotFoundError("request-not-found");
  if (row.status !== "open") throw new ConflictError("request-already-decided", { status: row.status });
  return { ...row, details: row.details as QpsRequestDetails };
}

/** The earliest instant an approved limit may apply: SPEC §2.6, a week after the request. */
export function earliestQpsApplyDate(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + QPS_REQUEST_NOTICE_DAYS * 86_400_000);
}

/**
 * Support approves QPS above 200 for the request's group, applying from `appliesFrom` (at least 7 days
 * after the request). From then the group's purchase cap is the approved figure; `authorize` enforces
 * what the customer then buys.
 */
export const approveQpsRequest = staffTool({
  roles: ["support", "admin"],
  input: z.object({ requestId, appliesFrom: z.coerce.date() }),
  run: async (tx, input) => {
    assertDayInRange("appliesFrom", input.appliesFrom, tx.now);
    const request = await openQpsRequest(tx, input.requestId);
    const earliest = earliestQpsApplyDate(request.createdAt);
    if (input.appliesFrom < earliest) throw new ValidationError("appliesFrom", "qps-applies-too-soon", { date: formatDate("en", earliest) });
    await tx.db.insert(qpsLimits).values({
      accountId: request.accountId,
      groupId: request.details.group,
      maxQps: request.details.totalQps,
      appliesFrom: input.appliesFrom,
      requestId: request.id,
      approvedBy: tx.actor.userId,
      approvedAt: tx.now,
    });
    await tx.db.update(supportRequests).set({ status: "approved" }).where(eq(supportRequests.id, request.id));
    await recordAudit(tx, { action: "qps.increase-approved", accountId: request.accountId, target: request.id, after: { group: request.details.group, maxQps: request.details.totalQps, appliesFrom: input.appliesFrom.toISOString() } });
    await notify(tx, {
      accountId: request.accountId,
      kind: "qps-approved",
      product: request.details.group,
      params: { group: request.details.group, qps: request.details.totalQps, from: input.appliesFrom.toISOString() },
      dedupeKey: `qps-decided:${request.id}`,
    });
    return { requestId: request.id };
  },
});

/** Support declines a QPS request with a reason the customer sees. */
export const declineQpsRequest = staffTool({
  roles: ["support", "admin"],
  input: z.object({ requestId, reason: z.string().trim().min(5).max(500) }),
  run: async (tx, input) => {
    const request = await openQpsRequest(tx, input.requestId);
    await tx.db
      .update(supportRequests)
      .set({ status: "declined", details: { ...request.details, declineReason: input.reason } })
      .where(eq(supportRequests.id, request.id));
    await recordAudit(tx, { action: "qps.increase-declined", accountId: request.accountId, target: request.id, after: { reason: input.reason } });
    await notify(tx, {
      accountId: request.accountId,
      kind: "qps-declined",
      product: request.details.group,
      params: { group: request.details.group, qps: request.details.totalQps, reason: input.reason },
      dedupeKey: `qps-decided:${request.id}`,
    });
    return { requestId: request.id };
  },
});
