/**
 * Issue 17 item 8: a refund held for review, approved and rejected by several staff at once on real
 * PostgreSQL, is decided once: one final state, at most one ledger effect, one message, one audit row.
 * PGlite has one connection, so this runs only where concurrency is real.
 */
import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, ledgerTransactions, messages, packs, refunds } from "@/db/schema";
import { ServiceError, type ServiceContext } from "@/lib/context";
import { createStaff } from "@/lib/identity/staff";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { requestRefund } from "@/lib/refunds/request";
import { describePostgres, uniqueEmail } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { getWallet } from "@/lib/wallet/balance";
import { approveRefund, rejectRefund } from "./refund-review";

const at = new Date("2026-11-22T02:00:00Z");
const ROUNDS = 4;
const ATTEMPTS = 24;

describePostgres("refund review races", (database) => {
  const db = () => database().db;

  it(`${ATTEMPTS} concurrent approves and rejects of one held refund decide it once (${ROUNDS} rounds)`, async () => {
    const account = await newAccount(db(), at, "review-race");
    await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    await topUp(account, "1000");
    const bought = [];
    for (let i = 0; i < 3 + ROUNDS; i++) {
      const p = await purchase({ ctx: account.customer(), input: { idempotencyKey: `review-race-${Date.now()}-${i}`, item: "scan.code-recognition:1k", quantity: 1 } });
      const [pack] = await db().select().from(packs).where(eq(packs.purchaseId, p.purchaseId));
      if (!pack) throw new Error("no pack");
      bought.push(pack);
    }
    // Three refunds at once; every later one in the window is held for review (REFUNDS_BEFORE_REVIEW).
    for (const pack of bought.slice(0, 3)) await requestRefund({ ctx: account.customer(), input: { packId: pack.id } });
    const staff: ServiceContext[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await createStaff({ ctx: { db: db(), actor: { type: "system" }, now: at }, input: { email: uniqueEmail("race-staff"), role: "support" } });
      staff.push({ db: db(), actor: { type: "staff", userId: created.userId, role: "support" }, now: at });
    }

    for (const pack of bought.slice(3)) {
      const held = await requestRefund({ ctx: account.customer(), input: { packId: pack.id } });
      expect(held.status).toBe("pending-review");
      const cashBefore = (await getWallet({ ctx: account.customer() })).cash;
      const outcomes = await Promise.allSettled(
        Array.from({ length: ATTEMPTS }, (_, i) => {
          const ctx = staff[i % staff.length]!;
          return i % 2 === 0 ? approveRefund({ ctx, input: { refundId: held.refundId } }).then(() => "approved" as const) : rejectRefund({ ctx, input: { refundId: held.refundId, reason: "decided in a race" } }).then(() => "rejected" as const);
        }),
      );
      const won = outcomes.filter((o): o is PromiseFulfilledResult<"approved" | "rejected"> => o.status === "fulfilled");
      expect(won).toHaveLength(1);
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(lost.every((o) => o.reason instanceof ServiceError && o.reason.code === "refund-already-decided")).toBe(true);
      const decision = won[0]!.value;

      const [refund] = await db().select().from(refunds).where(eq(refunds.id, held.refundId));
      expect(refund?.status).toBe(decision);
      const posted = await db().select().from(ledgerTransactions).where(and(eq(ledgerTransactions.documentType, "refund"), eq(ledgerTransactions.documentId, held.refundId)));
      expect(posted).toHaveLength(decision === "approved" ? 1 : 0);
      expect((await getWallet({ ctx: account.customer() })).cash).toBe(decision === "approved" ? (Number(cashBefore) + 100).toFixed(2) : cashBefore);
      const [packRow] = await db().select().from(packs).where(eq(packs.id, pack.id));
      expect(packRow).toMatchObject({ refundHold: false, refundedAt: decision === "approved" ? expect.any(Date) : null });
      const told = await db().select().from(messages).where(and(eq(messages.accountId, account.accountId), inArray(messages.kind, ["refund-approved", "refund-rejected"]), eq(messages.dedupeKey, `refund-decided:${held.refundId}`)));
      expect(told.map((m) => m.kind)).toEqual([`refund-${decision}`]);
      const audited = await db().select().from(auditLog).where(and(eq(auditLog.target, held.refundId), inArray(auditLog.action, ["refund.review-approved", "refund.review-rejected"])));
      expect(audited.map((r) => r.action)).toEqual([`refund.review-${decision}`]);
    }
    expect(await ledgerProblems(db(), account.accountId)).toEqual([]);
  });
});
