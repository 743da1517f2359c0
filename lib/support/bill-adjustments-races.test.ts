/**
 * Issue 22 part 2 on real PostgreSQL: concurrent notes against one bill never credit more than it, and
 * a pending note approved and rejected by several admins at once is decided once (one ledger
 * transaction, one message, one decision in the trail).
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, billAdjustments, ledgerTransactions, messages } from "@/db/schema";
import type { DatabaseHandle } from "@/db/client";
import { ServiceError } from "@/lib/context";
import { Dec } from "@/lib/pricing";
import { openScratchDatabase } from "@/lib/tooling/testing/databases";
import { ledgerProblems } from "@/lib/tooling/testing/wallet-fixtures";
import { billedAccount, staffMember } from "@/lib/tooling/testing/adjustment-fixtures";
import { approveAdjustment, rejectAdjustment, requestAdjustment } from "./bill-adjustments";

const url = process.env.TEST_DATABASE_URL;
const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === "rejected" ? (r.reason instanceof ServiceError ? r.reason.code : String(r.reason)) : "ok");

describe.skipIf(!url)("bill adjustment races [postgres]", () => {
  let handle: DatabaseHandle | undefined;
  const saved = process.env.ADJUSTMENT_APPROVAL_THRESHOLD;
  beforeAll(async () => {
    // A database of its own: the fixture closes a month, which bills every account in it.
    handle = await openScratchDatabase(url ?? "");
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.ADJUSTMENT_APPROVAL_THRESHOLD;
    else process.env.ADJUSTMENT_APPROVAL_THRESHOLD = saved;
    await handle?.close();
  });

  it("12 concurrent ¥50 notes against a ¥398 bill: 7 posted, 5 refused, ¥350 back, the ledger whole", async () => {
    const db = handle!.db;
    delete process.env.ADJUSTMENT_APPROVAL_THRESHOLD;
    const { account, bill, now } = await billedAccount(db, "2026-05");
    const staff = await Promise.all([staffMember(db, "support", now), staffMember(db, "support", now), staffMember(db, "admin", now)]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        requestAdjustment({ ctx: staff[i % staff.length]!, input: { accountId: account.accountId, billId: bill.id, line: i % 2 === 0 ? null : 0, amount: "50", reason: `race note ${i}`, ticketRef: `R-${i}` } }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(7);
    expect(outcomes.filter((o) => o.status === "rejected").map(codeOf)).toEqual(Array(5).fill("adjustment-exceeds-left"));
    const notes = await db.select().from(billAdjustments).where(eq(billAdjustments.billId, bill.id));
    expect(notes.reduce((s, n) => s.plus(n.returnedCash).plus(n.returnedIncome).plus(n.returnedGift), new Dec(0)).toFixed(2)).toBe("350.00");
    expect(await ledgerProblems(db, account.accountId)).toEqual([]);
  }, 60_000);

  it("24 concurrent approves and rejects of one pending note decide it once (3 rounds)", async () => {
    const db = handle!.db;
    process.env.ADJUSTMENT_APPROVAL_THRESHOLD = "0";
    const { account, bill, now } = await billedAccount(db, "2026-06");
    const support = await staffMember(db, "support", now);
    const admins = await Promise.all(Array.from({ length: 4 }, () => staffMember(db, "admin", now)));
    for (let round = 0; round < 3; round++) {
      const held = await requestAdjustment({ ctx: support, input: { accountId: account.accountId, billId: bill.id, line: null, amount: "10", reason: `round ${round}`, ticketRef: `Q-${round}` } });
      expect(held.status).toBe("pending-approval");
      const outcomes = await Promise.allSettled(
        Array.from({ length: 24 }, (_, i) => {
          const ctx = admins[i % admins.length]!;
          return i % 2 === 0 ? approveAdjustment({ ctx, input: { adjustmentId: held.adjustmentId } }) : rejectAdjustment({ ctx, input: { adjustmentId: held.adjustmentId, reason: "decided in a race" } });
        }),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === "rejected").every((o) => codeOf(o) === "adjustment-not-pending")).toBe(true);
      const [note] = await db.select().from(billAdjustments).where(eq(billAdjustments.id, held.adjustmentId));
      const posted = await db.select().from(ledgerTransactions).where(and(eq(ledgerTransactions.accountId, account.accountId), eq(ledgerTransactions.documentId, held.adjustmentId)));
      const sent = await db.select().from(messages).where(and(eq(messages.accountId, account.accountId), eq(messages.kind, "bill-adjusted"), eq(messages.dedupeKey, `bill-adjusted:${held.adjustmentId}`)));
      const decisions = await db.select().from(auditLog).where(and(eq(auditLog.target, held.adjustmentId), inArray(auditLog.action, ["bill.adjustment-approved", "bill.adjustment-rejected"])));
      expect(decisions).toHaveLength(1);
      expect(posted).toHaveLength(note?.status === "posted" ? 1 : 0);
      expect(sent).toHaveLength(note?.status === "posted" ? 1 : 0);
    }
    expect(await ledgerProblems(db, account.accountId)).toEqual([]);
  }, 60_000);
});
