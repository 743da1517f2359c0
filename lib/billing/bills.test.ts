import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { accounts } from "@/db/schema";
import type { Database } from "@/db/client";
import type { ServiceContext } from "@/lib/context";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { reportUsage } from "@/lib/metering/report-usage";
import { parseUsageRequest } from "@/lib/metering/usage-request";
import { activateProduct } from "@/lib/packs/activation";
import { quoteMonth } from "@/lib/pricing";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { billCsv } from "./bill-csv";
import { billJson } from "./bill-json";
import { billPage, getBill, isMonthClosed, latestBill, listBills } from "./bills";
import { closeMonth } from "./close";
import { arrearsStanding } from "./standing";
import { groupStatement } from "./statement";

// Closes bill every account of the database: on PostgreSQL this suite gets a database of its own.
const shanghai = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3_600_000;
const system = (db: Database, now: Date): ServiceContext => ({ db, actor: { type: "system", reason: "test" }, now });

async function customer(db: Database, createdAt: Date, topUpAmount?: string) {
  const account = await newAccount(db, createdAt, "bills");
  await activateProduct({ ctx: account.customer(), input: { product: "processing", acceptTerms: true } });
  if (topUpAmount) await topUp(account, topUpAmount, createdAt);
  const report = async (at: Date, usage: Record<string, number>) => {
    const events = Object.entries(usage).map(([api, calls]) => ({ id: `${api}-${at.getTime()}`, api, calls, at: at.toISOString() }));
    const gateway: ServiceContext = { db, actor: { type: "api-key", keyId: "00000000-0000-0000-0000-00000000000b", accountId: account.accountId }, now: at };
    const results = await reportUsage({ ctx: gateway, input: { events: parseUsageRequest({ events }) } });
    expect(results.filter((r) => r.status !== "accepted")).toEqual([]);
  };
  return { ...account, report };
}

describeEachDatabase(
  "bills",
  (database) => {
    it("shows a closed month's bill with its lines, statement and balances, newest first, own account only", async () => {
      const db = database().db;
      const c = await customer(db, shanghai("2025-03-05T10:00:00"), "1000.00");
      await c.report(shanghai("2025-03-10T10:00:00"), { "processing.crop": 500_000 });
      const marchClose = shanghai("2025-04-01T00:05:00");
      await expect(getBill({ ctx: c.customer(marchClose), input: { month: "2025-03" } })).rejects.toMatchObject({ code: "bill-not-found" });
      expect(await isMonthClosed(db, "2025-03")).toBe(false);
      await closeMonth({ ctx: system(db, marchClose), input: { month: "2025-03" } });
      expect(await isMonthClosed(db, "2025-03")).toBe(true);
      await topUp(c, "50.00", shanghai("2025-04-15T09:00:00"));
      await c.report(shanghai("2025-04-20T10:00:00"), { "processing.quality": 1_000_000 });
      await c.report(shanghai("2025-04-21T10:00:00"), { "processing.quality": 1_000_000 });
      await closeMonth({ ctx: system(db, shanghai("2025-05-01T00:05:00")), input: { month: "2025-04" } });

      const ctx = c.customer(shanghai("2025-05-02T10:00:00"));
      expect((await listBills({ ctx })).map((b) => [b.month, b.status, b.usageTotal])).toEqual([
        // No April free pack was issued in this test (run-due does that on the 1st): all 2,000,000 calls are billed.
        ["2025-04", "arrears", "5000.00"],
        ["2025-03", "paid", "998.00"],
      ]);
      // The list page a page at a time, and the overview's latest bill.
      expect(await billPage({ ctx, input: { page: 2, pageSize: 1 } })).toMatchObject({ page: 2, pages: 2, total: 2, bills: [{ month: "2025-03" }] });
      expect(await billPage({ ctx, input: { page: 9, pageSize: 1 } })).toMatchObject({ page: 2, bills: [{ month: "2025-03" }] });
      expect((await billPage({ ctx, input: { page: 1 } })).bills.map((b) => b.month)).toEqual(["2025-04", "2025-03"]);
      expect((await latestBill({ ctx }))?.month).toBe("2025-04");

      const march = await getBill({ ctx, input: { month: "2025-03" } });
      expect(march).toMatchObject({ month: "2025-03", priceBook: "2023-12", status: "paid", total: "998.00", balanceBefore: "1000.00", balanceAfter: "2.00", frozen: "0.00", releasedAtClose: "0.00", closedAt: marchClose });
      // SPEC §9 example 8 through metering and the close.
      expect(march.lines).toEqual([{ api: "processing.crop", calls: 500_000, free: 1000, fromPacks: 0, billable: 499_000, tier: 1, unitPrice: "0.002", amount: "998.00", formula: "(500,000 − 1,000) × 0.002 = 998.00" }]);
      // The statement: March's top-up, and March's own bill deducted at the close on 1 April.
      expect(march.statement.map((e) => [e.kind, e.balanceChange])).toEqual([
        ["top-up", "1000.00"],
        ["bill", "-998.00"],
      ]);
      expect(march.statement[1]?.changes).toEqual({ cash: "-998.00" });

      // April lists its own top-up and bill, not March's bill that was posted on 1 April.
      const april = await getBill({ ctx, input: { month: "2025-04" } });
      expect(april.statement.map((e) => [e.kind, e.balanceChange])).toEqual([
        ["top-up", "50.00"],
        ["bill", "-5000.00"],
      ]);
      expect(april).toMatchObject({ status: "arrears", balanceBefore: "52.00", balanceAfter: "-4948.00" });
      expect(groupStatement(april.statement)).toEqual([
        { kind: "top-up", count: 1, balanceChange: "50.00", frozenChange: "0.00", voucherChange: "0.00" },
        { kind: "bill", count: 1, balanceChange: "-5000.00", frozenChange: "0.00", voucherChange: "0.00" },
      ]);

      const stranger = await newAccount(db, shanghai("2025-03-01T08:00:00"), "stranger");
      await expect(getBill({ ctx: stranger.customer(shanghai("2025-05-02T10:00:00")), input: { month: "2025-04" } })).rejects.toMatchObject({ code: "bill-not-found" });
      await expect(getBill({ ctx, input: { month: "not-a-month" } })).rejects.toMatchObject({ code: "bill-not-found" });
    });

    it("answers the API with the quote command's lines for the same usage (API.md §1)", async () => {
      const db = database().db;
      const c = await customer(db, shanghai("2025-06-02T10:00:00"), "100000.00");
      const usage = { "processing.quality": 2_000_000, "processing.enhance": 3_500_000 };
      await c.report(shanghai("2025-06-12T10:00:00"), { "processing.quality": 1_000_000, "processing.enhance": 1_000_000 });
      await c.report(shanghai("2025-06-13T10:00:00"), { "processing.quality": 1_000_000, "processing.enhance": 1_000_000 });
      await c.report(shanghai("2025-06-14T10:00:00"), { "processing.enhance": 1_000_000 });
      await c.report(shanghai("2025-06-15T10:00:00"), { "processing.enhance": 500_000 });
      const closedAt = shanghai("2025-07-01T00:05:00");
      await closeMonth({ ctx: system(db, closedAt), input: { month: "2025-06" } });
      const json = billJson(await getBill({ ctx: c.customer(closedAt), input: { month: "2025-06" } }));
      const quote = quoteMonth({ month: "2025-06", usage, freeRemaining: {}, packs: [], purchases: [], billingMode: {} });
      expect(json).toEqual({ month: "2025-06", priceBook: quote.priceBook, status: "paid", lines: quote.lines, usageTotal: quote.usageTotal, total: quote.usageTotal, closedAt: closedAt.toISOString() });
      // SPEC §9 examples 7 and 9.
      expect(json.usageTotal).toBe("29490.50");
    });

    it("writes the bill as CSV: BOM, quoted formulas, exact amounts, Chinese headings and names", async () => {
      const db = database().db;
      const c = await customer(db, shanghai("2025-08-04T10:00:00"), "2000.00");
      await c.report(shanghai("2025-08-10T10:00:00"), { "processing.crop": 500_000 });
      await closeMonth({ ctx: system(db, shanghai("2025-09-01T00:05:00")), input: { month: "2025-08" } });
      const bill = await getBill({ ctx: c.customer(shanghai("2025-09-02T00:00:00")), input: { month: "2025-08" } });

      const en = billCsv(bill, createTranslator(catalogs.en), "en");
      expect(en.startsWith("\uFEFFBill,2025-08\r\n")).toBe(true);
      const rows = en.slice(1).split("\r\n");
      expect(rows).toContain("Price book,2023-12");
      expect(rows).toContain("Status,Paid");
      expect(rows).toContain("Closed at,2025-09-01 00:05:00");
      expect(rows).toContain("API ID,API,Calls,Free quota,From packs,Billed calls,Tier,Unit price (¥/call),Amount (¥),Formula");
      // The formula holds commas: quoted; counts plain, money exact with two decimals.
      expect(rows).toContain('processing.crop,Smart crop,500000,1000,0,499000,1,0.002,998.00,"(500,000 − 1,000) × 0.002 = 998.00"');
      expect(rows).toContain("Usage total,,,,,,,,998.00,");
      expect(rows.some((r) => /^2025-08-04 10:00:00,Top-up,top-up,[0-9a-f-]{36},2000.00,0.00,0.00,0.00,0.00$/.test(r))).toBe(true);
      expect(rows.some((r) => r.startsWith(`2025-09-01 00:05:00,Bill,bill,${c.accountId}:2025-08,-998.00,`))).toBe(true);
      expect(rows).toContain("Balance before the bill,2000.00");
      expect(rows).toContain("Balance after the bill,1002.00");
      expect(en.endsWith("\r\n")).toBe(true);

      const zh = billCsv(bill, createTranslator(catalogs["zh-CN"]), "zh-CN");
      expect(zh).toContain("\uFEFF账单,2025-08\r\n");
      expect(zh).toContain("状态,已支付");
      expect(zh).toContain('processing.crop,智能裁剪,500000,1000,0,499000,1,0.002,998.00,"(500,000 − 1,000) × 0.002 = 998.00"');
    });

    it("lists the 2022 freeze on its month's statement and the release on the next one's (SPEC §7.4)", async () => {
      const db = database().db;
      const c = await customer(db, shanghai("2022-11-02T10:00:00"), "5000.00");
      // Book 2022-11: processing.quality has 10,000 free; 1,010,000 calls reach tier 2 (0.0025).
      await c.report(shanghai("2022-11-15T10:00:00"), { "processing.quality": 1_000_000 });
      await c.report(shanghai("2022-11-16T10:00:00"), { "processing.quality": 10_000 });
      await closeMonth({ ctx: system(db, shanghai("2022-12-01T00:05:00")), input: { month: "2022-11" } });
      await closeMonth({ ctx: system(db, shanghai("2023-01-01T00:05:00")), input: { month: "2022-12" } });
      const ctx = c.customer(shanghai("2023-01-02T00:00:00"));
      const november = await getBill({ ctx, input: { month: "2022-11" } });
      expect(november).toMatchObject({ priceBook: "2022-11", total: "2500.00", balanceBefore: "5000.00", frozen: "2500.00", releasedAtClose: "0.00", balanceAfter: "0.00" });
      expect(november.statement.map((e) => [e.kind, e.balanceChange, e.changes.frozen ?? "0.00"])).toEqual([
        ["top-up", "5000.00", "0.00"],
        ["bill", "-2500.00", "0.00"],
        ["freeze", "-2500.00", "2500.00"],
      ]);
      const december = await getBill({ ctx, input: { month: "2022-12" } });
      expect(december).toMatchObject({ total: "0.00", releasedAtClose: "2500.00", balanceBefore: "2500.00", balanceAfter: "2500.00" });
      expect(december.statement.map((e) => [e.kind, e.balanceChange, e.changes.frozen ?? "0.00"])).toEqual([["release", "2500.00", "-2500.00"]]);
    });

    it("reports arrears with the amount owed and the suspension deadline, and nothing once restored", async () => {
      const db = database().db;
      const c = await customer(db, shanghai("2025-10-03T10:00:00"), "100.00");
      await c.report(shanghai("2025-10-20T10:00:00"), { "processing.crop": 500_000 });
      expect(await arrearsStanding({ ctx: c.customer(shanghai("2025-10-31T12:00:00")) })).toBeNull();
      const closeAt = shanghai("2025-11-01T00:10:00");
      await closeMonth({ ctx: system(db, closeAt), input: { month: "2025-10" } });
      expect(await arrearsStanding({ ctx: c.customer(closeAt) })).toEqual({
        status: "arrears",
        owed: "898.00",
        arrearsSince: closeAt,
        suspendAt: new Date(closeAt.getTime() + 24 * HOUR),
        months: ["2025-10"],
      });
      await db.update(accounts).set({ status: "suspended" }).where(eq(accounts.id, c.accountId));
      expect(await arrearsStanding({ ctx: c.customer(closeAt) })).toMatchObject({ status: "suspended", owed: "898.00" });
      await topUp(c, "898.00", new Date(closeAt.getTime() + 30 * HOUR));
      expect(await arrearsStanding({ ctx: c.customer(new Date(closeAt.getTime() + 30 * HOUR)) })).toBeNull();
      expect((await getBill({ ctx: c.customer(), input: { month: "2025-10" } })).status).toBe("settled");
    });
  },
  { isolated: true },
);
