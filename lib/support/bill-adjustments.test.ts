import { and, eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { accounts, auditLog, billAdjustments, bills, messages, wallets } from "@/db/schema";
import { billCsv } from "@/lib/billing/bill-csv";
import { getBill } from "@/lib/billing/bills";
import { ServiceError, type ServiceContext } from "@/lib/context";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { Dec } from "@/lib/pricing";
import { accessLog } from "./access-log";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { billedAccount, staffMember } from "@/lib/tooling/testing/adjustment-fixtures";
import { ledgerProblems } from "@/lib/tooling/testing/wallet-fixtures";
import { adjustmentReturns, approveAdjustment, rejectAdjustment, requestAdjustment } from "./bill-adjustments";
import { staffMonthEdge } from "./month-edge-page";

const d = (v: string) => new Dec(v);

it("gives back cash first, then income, then gift, never more than the bill took from each", () => {
  const taken = { cash: d("378"), income: d("0"), gift: d("20") };
  const none = { cash: d("0"), income: d("0"), gift: d("0") };
  expect(adjustmentReturns(d("100"), taken, none)).toEqual({ cash: d("100"), income: d("0"), gift: d("0") });
  expect(adjustmentReturns(d("48"), taken, { cash: d("350"), income: d("0"), gift: d("0") })).toEqual({ cash: d("28"), income: d("0"), gift: d("20") });
  expect(() => adjustmentReturns(d("1"), taken, { cash: d("378"), income: d("0"), gift: d("20") })).toThrow();
});

const later = (ctx: ServiceContext, minutes: number): ServiceContext => ({ ...ctx, now: new Date(ctx.now.getTime() + minutes * 60_000) });
const code = (error: unknown) => (error instanceof ServiceError ? error.code : String(error));

describeEachDatabase(
  "bill adjustments",
  (database) => {
    const saved = process.env.ADJUSTMENT_APPROVAL_THRESHOLD;
    afterEach(() => {
      if (saved === undefined) delete process.env.ADJUSTMENT_APPROVAL_THRESHOLD;
      else process.env.ADJUSTMENT_APPROVAL_THRESHOLD = saved;
    });

    it("posts small notes at once, holds large ones for another admin, returns money to its sources and restores a suspended account", async () => {
      const db = database().db;
      const { account, bill, now } = await billedAccount(db);
      expect(bill).toMatchObject({ usageTotal: "398.00", status: "arrears" });
      const [suspended] = await db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, account.accountId));
      expect(suspended?.status).toBe("suspended");
      const support = await staffMember(db, "support", now);
      const adminA = await staffMember(db, "admin", now);
      const adminB = await staffMember(db, "admin", now);
      const base = { accountId: account.accountId, billId: bill.id, reason: "double-counted retries", ticketRef: "T-1001" };

      // ¥100 on the whole bill, under the default ¥1,000 threshold: posted at once, to cash (arrears shrink).
      const first = await requestAdjustment({ ctx: support, input: { ...base, line: null, amount: "100" } });
      expect(first).toMatchObject({ status: "posted", returned: { cash: "100.00", income: "0.00", gift: "0.00" }, restored: false });

      // More than is left of the line (bill 398 − 100 = 298 left): refused, nothing written.
      await expect(requestAdjustment({ ctx: support, input: { ...base, line: 0, amount: "298.01" } })).rejects.toMatchObject({ code: "adjustment-exceeds-left" });
      await expect(requestAdjustment({ ctx: support, input: { ...base, line: 7, amount: "1" } })).rejects.toMatchObject({ code: "bill-line-not-found" });
      await expect(requestAdjustment({ ctx: support, input: { ...base, accountId: "00000000-0000-4000-8000-000000000000", line: null, amount: "1" } })).rejects.toMatchObject({ code: "bill-not-found" });
      await expect(requestAdjustment({ ctx: support, input: { ...base, line: null, amount: "1", ticketRef: "" } })).rejects.toMatchObject({ code: "invalid-field" });

      // Above the threshold: waits; support cannot approve, the requester cannot approve their own.
      process.env.ADJUSTMENT_APPROVAL_THRESHOLD = "200";
      const held = await requestAdjustment({ ctx: adminA, input: { ...base, line: 0, amount: "250" } });
      expect(held.status).toBe("pending-approval");
      await expect(approveAdjustment({ ctx: support, input: { adjustmentId: held.adjustmentId } })).rejects.toMatchObject({ code: "staff-only" });
      await expect(approveAdjustment({ ctx: adminA, input: { adjustmentId: held.adjustmentId } })).rejects.toMatchObject({ code: "adjustment-own-request" });
      // A pending note holds its amount: only 48 is left now.
      await expect(requestAdjustment({ ctx: support, input: { ...base, line: null, amount: "48.01" } })).rejects.toMatchObject({ code: "adjustment-exceeds-left" });

      const approved = await approveAdjustment({ ctx: later(adminB, 10), input: { adjustmentId: held.adjustmentId } });
      expect(approved).toMatchObject({ status: "posted", returned: { cash: "250.00", income: "0.00", gift: "0.00" }, restored: true });
      const [after] = await db.select().from(accounts).where(eq(accounts.id, account.accountId));
      expect(after?.status).toBe("active");
      const [settled] = await db.select({ status: bills.status }).from(bills).where(eq(bills.id, bill.id));
      expect(settled?.status).toBe("settled");
      await expect(rejectAdjustment({ ctx: adminB, input: { adjustmentId: held.adjustmentId, reason: "too late now" } })).rejects.toMatchObject({ code: "adjustment-not-pending" });

      // The last ¥48: the cash the bill took is used up (¥28 left of it), the rest goes back to gift.
      process.env.ADJUSTMENT_APPROVAL_THRESHOLD = "1000";
      const last = await requestAdjustment({ ctx: later(support, 20), input: { ...base, line: null, amount: "48" } });
      expect(last).toMatchObject({ status: "posted", returned: { cash: "28.00", income: "0.00", gift: "20.00" } });
      await expect(requestAdjustment({ ctx: support, input: { ...base, line: null, amount: "0.01" } })).rejects.toMatchObject({ code: "adjustment-exceeds-left" });
      const [wallet] = await db.select().from(wallets).where(eq(wallets.accountId, account.accountId));
      expect({ cash: wallet?.cash, gift: wallet?.gift }).toEqual({ cash: "50.00", gift: "20.00" });
      expect(await ledgerProblems(db, account.accountId)).toEqual([]);

      // The customer's bill, its CSV, the message and the staff activity card.
      const customerBill = await getBill({ ctx: account.customer(now), input: { month: "2026-03" } });
      expect(customerBill.adjustments.map((a) => [a.api, a.amount])).toEqual([
        [null, "100.00"],
        ["processing.crop", "250.00"],
        [null, "48.00"],
      ]);
      expect({ adjusted: customerBill.adjustedTotal, net: customerBill.netTotal }).toEqual({ adjusted: "398.00", net: "0.00" });
      const t = createTranslator(catalogs.en, "en");
      const csv = billCsv(customerBill, t, "en");
      expect(csv).toContain("Adjustments");
      expect(csv).toContain("double-counted retries,T-1001");
      expect(csv).toContain("Bill after adjustments,,0.00");
      const sent = await db.select().from(messages).where(and(eq(messages.accountId, account.accountId), eq(messages.kind, "bill-adjusted")));
      expect(sent).toHaveLength(3);
      const log = await accessLog({ ctx: account.customer(now) });
      expect(log.staffActivity.filter((a) => a.action.startsWith("bill.adjustment-")).map((a) => a.action)).toEqual([
        "bill.adjustment-posted",
        "bill.adjustment-requested",
        "bill.adjustment-posted",
        "bill.adjustment-approved",
        "bill.adjustment-requested",
        "bill.adjustment-posted",
        "bill.adjustment-requested",
      ]);
      const trail = await db.select().from(auditLog).where(and(eq(auditLog.accountId, account.accountId), eq(auditLog.action, "bill.adjustment-approved")));
      expect(trail).toHaveLength(1);

      // Staff's page: nothing left to adjust, three posted notes with names.
      const page = await staffMonthEdge({ ctx: support, input: { accountId: account.accountId } });
      expect(page.bills[0]).toMatchObject({ month: "2026-03", left: "0.00", lines: [{ api: "processing.crop", left: "0.00" }] });
      expect(page.adjustments.map((a) => a.status)).toEqual(["posted", "posted", "posted"]);
      expect(page.adjustments[1]?.deciderName).toBeTruthy();
    });

    it("a rejected note frees its amount and moves no money", async () => {
      const db = database().db;
      const { account, bill, now } = await billedAccount(db, "2026-04");
      const support = await staffMember(db, "support", now);
      const admin = await staffMember(db, "admin", now);
      process.env.ADJUSTMENT_APPROVAL_THRESHOLD = "0";
      const held = await requestAdjustment({ ctx: support, input: { accountId: account.accountId, billId: bill.id, line: null, amount: "398", reason: "customer asked", ticketRef: "T-2" } });
      await expect(rejectAdjustment({ ctx: admin, input: { adjustmentId: held.adjustmentId, reason: "no" } })).rejects.toMatchObject({ code: "invalid-field" });
      expect(await rejectAdjustment({ ctx: admin, input: { adjustmentId: held.adjustmentId, reason: "usage was real" } })).toMatchObject({ status: "rejected" });
      const [note] = await db.select().from(billAdjustments).where(eq(billAdjustments.id, held.adjustmentId));
      expect(note).toMatchObject({ status: "rejected", decisionNote: "usage was real", returnedCash: "0.00" });
      const again = await requestAdjustment({ ctx: support, input: { accountId: account.accountId, billId: bill.id, line: null, amount: "398", reason: "second look", ticketRef: "T-3" } });
      expect(again.status).toBe("pending-approval");
      expect((await getBill({ ctx: account.customer(now), input: { month: "2026-04" } })).adjustments).toEqual([]);
      expect(code(await approveAdjustment({ ctx: support, input: { adjustmentId: again.adjustmentId } }).catch((e: unknown) => e))).toBe("staff-only");
    });
  },
  { isolated: true },
);
