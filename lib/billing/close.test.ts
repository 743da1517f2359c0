import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import { accounts, billLines, bills, messages, wallets } from "@/db/schema";
import type { Database } from "@/db/client";
import type { ServiceContext } from "@/lib/context";
import { reportUsage } from "@/lib/metering/report-usage";
import { parseUsageRequest } from "@/lib/metering/usage-request";
import { activateProduct } from "@/lib/packs/activation";
import { issueFreePacks } from "@/lib/packs/free-packs";
import { quoteMonth, type ApiId } from "@/lib/pricing";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { ledgerProblems, newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { suspendOverdue } from "./arrears";
import { closeMonth } from "./close";

// A close bills every account and closes its month to metering: on PostgreSQL this suite gets a
// database of its own. Each test closes a month of its own, so the tests stay independent too.
const shanghai = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3_600_000;

async function customer(db: Database, createdAt: Date, products: ("processing" | "recognition" | "body" | "scan")[], topUpAmount?: string) {
  const account = await newAccount(db, createdAt, "close");
  for (const product of products) await activateProduct({ ctx: account.customer(), input: { product, acceptTerms: true } });
  if (topUpAmount) await topUp(account, topUpAmount, createdAt);
  const gateway = (now: Date): ServiceContext => ({ db, actor: { type: "api-key", keyId: "00000000-0000-0000-0000-00000000000a", accountId: account.accountId }, now });
  const report = async (now: Date, usage: Record<string, number>) => {
    // An event carries at most 1,000,000 calls (API.md §1): larger usage goes in several events.
    const events = Object.entries(usage).flatMap(([api, calls]) =>
      Array.from({ length: Math.ceil(calls / 1_000_000) }, (_, i) => ({ id: `${api}-${now.getTime()}-${i}`, api, calls: Math.min(1_000_000, calls - i * 1_000_000), at: now.toISOString() })),
    );
    const results = await reportUsage({ ctx: gateway(now), input: { events: parseUsageRequest({ events }) } });
    expect(results.filter((r) => r.status !== "accepted")).toEqual([]);
  };
  return { ...account, report };
}

const system = (db: Database, now: Date): ServiceContext => ({ db, actor: { type: "system", reason: "test" }, now });

async function wallet(db: Database, accountId: string) {
  const [row] = await db.select().from(wallets).where(eq(wallets.accountId, accountId));
  return row;
}

describeEachDatabase("monthly close", (database) => {
  it("bills a month line by line, pays it from the balance, and is idempotent", async () => {
    const db = database().db;
    const c = await customer(db, shanghai("2025-03-05T10:00:00"), ["processing"], "1000.00");
    await c.report(shanghai("2025-03-10T10:00:00"), { "processing.crop": 500_000 });
    const closeAt = shanghai("2025-04-01T00:05:00");
    await expect(closeMonth({ ctx: system(db, shanghai("2025-03-31T23:59:00")), input: { month: "2025-03" } })).rejects.toMatchObject({ code: "month-not-ended" });
    const first = await closeMonth({ ctx: system(db, closeAt), input: { month: "2025-03" } });
    expect(first).toMatchObject({ month: "2025-03", priceBook: "2023-12" });
    const [bill] = await db.select().from(bills).where(and(eq(bills.accountId, c.accountId), eq(bills.month, "2025-03")));
    expect(bill).toMatchObject({ status: "paid", usageTotal: "998.00", balanceBefore: "1000.00", balanceAfter: "2.00", frozen: "0.00" });
    const lines = await db.select().from(billLines).where(eq(billLines.billId, bill?.id ?? ""));
    // SPEC §9 example 8, through metering and the close.
    expect(lines).toMatchObject([{ api: "processing.crop", calls: 500_000, free: 1000, fromPacks: 0, billable: 499_000, tier: 1, unitPrice: "0.002", amount: "998.00", formula: "(500,000 − 1,000) × 0.002 = 998.00" }]);

    const again = await closeMonth({ ctx: system(db, new Date(closeAt.getTime() + HOUR)), input: { month: "2025-03" } });
    expect(again.bills).toBe(0);
    expect((await wallet(db, c.accountId))?.cash).toBe("2.00");
    expect(await db.select().from(bills).where(eq(bills.accountId, c.accountId))).toHaveLength(1);
    expect(await ledgerProblems(db, c.accountId)).toEqual([]);
  });

  it("puts an account left negative in arrears, suspends it 24 hours later, and restores it on top-up", async () => {
    const db = database().db;
    const c = await customer(db, shanghai("2025-06-03T10:00:00"), ["processing"], "100.00");
    await c.report(shanghai("2025-06-20T10:00:00"), { "processing.crop": 500_000 });
    const closeAt = shanghai("2025-07-01T00:10:00");
    await closeMonth({ ctx: system(db, closeAt), input: { month: "2025-06" } });
    const [account] = await db.select().from(accounts).where(eq(accounts.id, c.accountId));
    expect(account).toMatchObject({ status: "arrears", arrearsSince: closeAt });
    expect((await wallet(db, c.accountId))?.cash).toBe("-898.00");
    expect((await db.select().from(messages).where(eq(messages.accountId, c.accountId))).map((m) => m.kind)).toContain("arrears");

    expect((await suspendOverdue({ ctx: system(db, new Date(closeAt.getTime() + 23 * HOUR)) })).suspended).toBe(0);
    await suspendOverdue({ ctx: system(db, new Date(closeAt.getTime() + 24 * HOUR)) });
    expect((await db.select().from(accounts).where(eq(accounts.id, c.accountId)))[0]?.status).toBe("suspended");

    await topUp(c, "500.00", new Date(closeAt.getTime() + 30 * HOUR));
    expect((await db.select().from(accounts).where(eq(accounts.id, c.accountId)))[0]?.status).toBe("suspended");
    await topUp(c, "398.00", new Date(closeAt.getTime() + 31 * HOUR));
    expect((await db.select().from(accounts).where(eq(accounts.id, c.accountId)))[0]?.status).toBe("active");
    expect((await db.select().from(bills).where(eq(bills.accountId, c.accountId)))[0]?.status).toBe("settled");
    expect(await ledgerProblems(db, c.accountId)).toEqual([]);
  });

  it("resumes a close killed halfway and charges every account once", async () => {
    const db = database().db;
    const made = [];
    for (let i = 0; i < 3; i++) {
      const c = await customer(db, shanghai("2025-09-02T10:00:00"), ["processing"], "5000.00");
      await c.report(shanghai("2025-09-15T10:00:00"), { "processing.quality": 2_000_000 });
      made.push(c);
    }
    const closeAt = shanghai("2025-10-01T00:05:00");
    await closeMonth({ ctx: system(db, closeAt), input: { month: "2025-09", batchSize: 1, maxBatches: 1 } });
    await closeMonth({ ctx: system(db, closeAt), input: { month: "2025-09", batchSize: 2 } });
    for (const c of made) {
      // SPEC §9 example 7: (2,000,000 − 1,000) × 0.0025 = 4,997.50, charged once.
      expect((await wallet(db, c.accountId))?.cash).toBe("2.50");
      expect(await ledgerProblems(db, c.accountId)).toEqual([]);
    }
  });

  it("freezes the postpaid amount under book 2022-11 and releases it at the next close, month after month (SPEC §7.4)", async () => {
    const db = database().db;
    const c = await customer(db, shanghai("2022-11-02T10:00:00"), ["processing"], "5000.00");
    // Book 2022-11: processing.quality has 10,000 free; 1,010,000 calls reach tier 2 (0.0025): ¥2,500.00.
    await c.report(shanghai("2022-11-15T10:00:00"), { "processing.quality": 1_010_000 });
    await closeMonth({ ctx: system(db, shanghai("2022-12-01T00:05:00")), input: { month: "2022-11" } });
    const [november] = await db.select().from(bills).where(and(eq(bills.accountId, c.accountId), eq(bills.month, "2022-11")));
    expect(november).toMatchObject({ priceBook: "2022-11", usageTotal: "2500.00", frozen: "2500.00", released: "0.00", balanceAfter: "0.00" });
    expect(await wallet(db, c.accountId)).toMatchObject({ cash: "0.00", frozen: "2500.00" });

    // December freezes too: its close releases November's estimate, then freezes December's.
    await issueFreePacks({ ctx: system(db, shanghai("2022-12-01T00:06:00")), input: { accountId: c.accountId, month: "2022-12" } });
    await topUp(c, "5000.00", shanghai("2022-12-02T09:00:00"));
    await c.report(shanghai("2022-12-15T10:00:00"), { "processing.quality": 1_010_000 });
    await closeMonth({ ctx: system(db, shanghai("2023-01-01T00:05:00")), input: { month: "2022-12" } });
    expect(await wallet(db, c.accountId)).toMatchObject({ cash: "2500.00", frozen: "2500.00" });

    // January has no usage: its close releases December's estimate and freezes nothing.
    await closeMonth({ ctx: system(db, shanghai("2023-02-01T00:05:00")), input: { month: "2023-01" } });
    expect(await wallet(db, c.accountId)).toMatchObject({ cash: "5000.00", frozen: "0.00" });
    const released = await db.select({ month: bills.month, released: bills.released }).from(bills).where(eq(bills.accountId, c.accountId)).orderBy(bills.month);
    expect(released).toEqual([
      { month: "2022-11", released: "2500.00" },
      { month: "2022-12", released: "2500.00" },
      { month: "2023-01", released: "0.00" },
    ]);
    expect(await ledgerProblems(db, c.accountId)).toEqual([]);
  });

  it("bills exactly what the quote command prints for the same month's usage", async () => {
    const db = database().db;
    const apis: ApiId[] = ["processing.quality", "processing.crop", "processing.enhance", "recognition.product", "recognition.vehicle-enhanced", "body.detection", "scan.code-recognition"];
    const months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"];
    const samples = fc.sample(fc.dictionary(fc.constantFrom(...apis), fc.integer({ min: 1, max: 4_000_000 }), { minKeys: 1, maxKeys: 4 }), { numRuns: months.length, seed: 20261122 });
    for (const [i, usage] of samples.entries()) {
      const month = months[i] ?? "2024-01";
      const c = await customer(db, shanghai(`${month}-01T09:00:00`), ["processing", "recognition", "body", "scan"], "100000.00");
      await c.report(shanghai(`${month}-10T10:00:00`), usage);
      const next = months[i + 1] ?? "2024-07";
      await closeMonth({ ctx: system(db, shanghai(`${next}-01T00:05:00`)), input: { month } });
      const [bill] = await db.select().from(bills).where(and(eq(bills.accountId, c.accountId), eq(bills.month, month)));
      const lines = await db.select().from(billLines).where(eq(billLines.billId, bill?.id ?? "")).orderBy(billLines.position);
      const quote = quoteMonth({ month, usage, freeRemaining: {}, packs: [], purchases: [], billingMode: {} });
      expect(lines.map(({ api, calls, free, fromPacks, billable, tier, unitPrice, amount, formula }) => ({ api, calls, free, fromPacks, billable, tier, unitPrice, amount, formula }))).toEqual(quote.lines);
      expect(bill?.usageTotal).toBe(quote.usageTotal);
    }
  });
}, { isolated: true });
