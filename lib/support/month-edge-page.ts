import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { billAdjustments, billLines, bills, lateEvents, users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";
import { Dec, formatMoney } from "@/lib/pricing";
import { approvalThreshold } from "./adjustment-threshold";

const RECENT_BILLS = 6;

/**
 * The staff account page's part for issue 22: the recent bills with what is left of each (and of each
 * line) after notes, the account's bill adjustments with who asked and who decided, and the "late
 * after close" figures per month. Read with the page (staffAccountPage records the view).
 */
export async function staffMonthEdge({ ctx, input }: { ctx: ServiceContext; input: { accountId: string } }) {
  assertStaff(ctx.actor);
  const db = ctx.db;
  const requester = alias(users, "requester");
  const decider = alias(users, "decider");
  const [billRows, notes, late] = await Promise.all([
    db.select({ id: bills.id, month: bills.month, usageTotal: bills.usageTotal }).from(bills).where(eq(bills.accountId, input.accountId)).orderBy(desc(bills.month)).limit(RECENT_BILLS),
    db
      .select({ note: billAdjustments, month: bills.month, api: billLines.api, requesterName: requester.name, deciderName: decider.name })
      .from(billAdjustments)
      .innerJoin(bills, eq(bills.id, billAdjustments.billId))
      .leftJoin(billLines, and(eq(billLines.billId, billAdjustments.billId), eq(billLines.position, billAdjustments.linePosition)))
      .innerJoin(requester, eq(requester.id, billAdjustments.requestedBy))
      .leftJoin(decider, eq(decider.id, billAdjustments.decidedBy))
      .where(eq(billAdjustments.accountId, input.accountId))
      .orderBy(desc(billAdjustments.requestedAt))
      .limit(50),
    db.select().from(lateEvents).where(eq(lateEvents.accountId, input.accountId)).orderBy(desc(lateEvents.month)).limit(12),
  ]);
  const ids = billRows.map((b) => b.id);
  const [lines, held] = ids.length
    ? await Promise.all([
        db.select({ billId: billLines.billId, position: billLines.position, api: billLines.api, amount: billLines.amount }).from(billLines).where(inArray(billLines.billId, ids)).orderBy(asc(billLines.position)),
        db.select({ billId: billAdjustments.billId, line: billAdjustments.linePosition, amount: billAdjustments.amount }).from(billAdjustments).where(and(inArray(billAdjustments.billId, ids), ne(billAdjustments.status, "rejected"))),
      ])
    : [[], []];
  const noted = (billId: string, line?: number) => held.filter((h) => h.billId === billId && (line === undefined || h.line === line)).reduce((s, h) => s.plus(h.amount), new Dec(0));
  const adjustable = billRows.map((b) => {
    const billLeft = new Dec(b.usageTotal).minus(noted(b.id));
    return {
      id: b.id,
      month: b.month,
      left: formatMoney(Dec.max(billLeft, 0)),
      lines: lines
        .filter((l) => l.billId === b.id)
        .map((l) => ({ position: l.position, api: l.api, left: formatMoney(Dec.max(Dec.min(billLeft, new Dec(l.amount).minus(noted(b.id, l.position))), 0)) })),
    };
  });
  return {
    threshold: formatMoney(approvalThreshold()),
    bills: adjustable,
    adjustments: notes.map(({ note, month, api, requesterName, deciderName }) => ({
      id: note.id,
      month,
      api,
      amount: formatMoney(note.amount),
      reason: note.reason,
      ticketRef: note.ticketRef,
      status: note.status,
      requestedBy: note.requestedBy,
      requesterName,
      requestedAt: note.requestedAt,
      deciderName,
      decidedAt: note.decidedAt,
      decisionNote: note.decisionNote,
    })),
    late: late.map((l) => ({ month: l.month, events: l.events, calls: l.calls, lastAt: l.lastAt })),
  };
}

export type StaffMonthEdge = Awaited<ReturnType<typeof staffMonthEdge>>;
