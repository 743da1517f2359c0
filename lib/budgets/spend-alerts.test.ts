import { and, eq, inArray, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { messages, outbox } from "@/db/schema";
import type { Database } from "@/db/client";
import { runDue } from "@/lib/billing/run-due";
import { updateSubscription } from "@/lib/messaging/subscriptions";
import { accountAdvice } from "@/lib/forecast/account-advice";
import { accountForecast } from "@/lib/forecast/account-forecast";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { describeEachDatabase, describePostgres, openScratchDatabase } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { saveBalanceAlert } from "./balance-alert";
import { deleteBudget, listBudgets, saveBudget } from "./budgets";
import { evaluateSpendAlerts } from "./evaluate";

const t0 = new Date("2026-11-10T04:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function kindsOf(db: Database, accountId: string, prefix: string): Promise<string[]> {
  const rows = await db
    .select({ key: messages.dedupeKey })
    .from(messages)
    .where(and(eq(messages.accountId, accountId), like(messages.dedupeKey, `${prefix}%`)));
  return rows.map((r) => r.key).sort();
}

/** A ¥100 budget on the whole account; 250 scan calls a day on the 2nd–9th: 1,000 free, 1,000 × 0.12 = ¥120 postpaid. */
async function overBudgetAccount(db: Database) {
  const m = await meteredAccount(db, new Date("2026-11-01T00:00:00+08:00"), ["scan"]);
  await updateSubscription({ ctx: m.customer(t0), input: { topic: "account", channel: "email", enabled: true, target: "finance@example.com" } });
  const { id } = await saveBudget({ ctx: m.customer(t0), input: { scope: "account", amount: "100", thresholds: [50, 80, 100] } });
  await m.report(
    Array.from({ length: 8 }, (_, i) => ({ id: `day-${i + 2}`, api: "scan.code-recognition", calls: 250, at: `2026-11-0${i + 2}T11:00:00+08:00` })),
    t0,
  );
  return { ...m, budgetId: id };
}

describeEachDatabase("spend alerts", (database) => {
  it("sends each budget threshold once a month, to Messages and through the outbox", async () => {
    const db = database().db;
    const m = await overBudgetAccount(db);
    const [view] = await listBudgets({ ctx: m.customer(later(1)) });
    expect(view).toMatchObject({ scope: "account", amount: "100.00", actual: "120.00" });
    expect(Number(view?.forecast)).toBeGreaterThan(120);

    const system = { db, actor: { type: "system" as const }, now: later(1) };
    await evaluateSpendAlerts({ ctx: system });
    const keys = await kindsOf(db, m.accountId, `budget:${m.budgetId}:2026-11:`);
    expect(keys).toEqual(["actual:100", "actual:50", "actual:80", "forecast:100", "forecast:50", "forecast:80"].map((k) => `budget:${m.budgetId}:2026-11:${k}`).sort());
    await evaluateSpendAlerts({ ctx: { ...system, now: later(2) } });
    expect(await kindsOf(db, m.accountId, "budget:")).toHaveLength(6);
    const deliveries = await db.select().from(outbox).where(eq(outbox.accountId, m.accountId));
    expect(deliveries).toHaveLength(6);
    expect(deliveries[0]).toMatchObject({ channel: "email", target: "finance@example.com" });
    expect(deliveries.some((d) => d.subject.includes("80%"))).toBe(true);
  });

  it("sends no forecast alert on a new account's first hour of calls, but still the actual-spend one (issue 19)", async () => {
    const db = database().db;
    // Created at 00:03 on 2 December (Shanghai); 1,500 test calls in its first hour: 1,000 free, 500 × ¥0.12 = ¥60 postpaid.
    const created = new Date("2026-12-02T00:03:00+08:00");
    const m = await meteredAccount(db, created, ["scan"]);
    await saveBudget({ ctx: m.customer(created), input: { scope: "account", amount: "100", thresholds: [50, 80, 100] } });
    await m.report(
      Array.from({ length: 15 }, (_, i) => ({ id: `burst-${i}`, api: "scan.code-recognition", calls: 100, at: `2026-12-02T00:${String(10 + i * 3).padStart(2, "0")}:00+08:00` })),
      new Date("2026-12-02T00:58:00+08:00"),
    );
    for (const now of [new Date("2026-12-02T01:40:00+08:00"), new Date("2026-12-03T00:30:00+08:00")]) {
      const forecast = await accountForecast({ ctx: m.customer(now) });
      expect(forecast).toMatchObject({ enough: false, fullDays: 0, actualTotal: "60.00" });
      // Nor tier advice from the burst's "forecast" (1,500 calls in an hour is no month).
      expect(await accountAdvice({ ctx: m.customer(now), forecast })).toEqual([]);
      const [view] = await listBudgets({ ctx: m.customer(now) });
      expect(view).toMatchObject({ actual: "60.00", forecastEnough: false });
      await evaluateSpendAlerts({ ctx: { db, actor: { type: "system" }, now } });
    }
    expect(await kindsOf(db, m.accountId, "budget:")).toEqual([`budget:${(await listBudgets({ ctx: m.customer() }))[0]?.id}:2026-12:actual:50`]);
  });

  it("fires the balance alert when a purchase crosses it, once, and again after it re-arms", async () => {
    const db = database().db;
    const m = await meteredAccount(db, t0, ["recognition", "scan"]);
    await topUp(m, "1000.00", t0);
    await saveBalanceAlert({ ctx: m.customer(t0), input: { enabled: true, threshold: "500" } });
    expect(await kindsOf(db, m.accountId, "balance-low")).toEqual([]);
    // ¥1,000 − ¥730 = ¥270: below ¥500.
    await purchase({ ctx: m.customer(later(1)), input: { item: "recognition.vehicle-enhanced:10k", quantity: 1, idempotencyKey: "cross-1" } });
    expect(await kindsOf(db, m.accountId, "balance-low")).toEqual(["balance-low:1"]);
    // Still below: run-due sends nothing more.
    await evaluateSpendAlerts({ ctx: { db, actor: { type: "system" }, now: later(2) } });
    expect(await kindsOf(db, m.accountId, "balance-low")).toEqual(["balance-low:1"]);
    // Back above (re-arms), then below again: a second crossing, a second message.
    await topUp(m, "1000.00", later(3));
    await purchase({ ctx: m.customer(later(4)), input: { item: "recognition.vehicle-enhanced:10k", quantity: 1, idempotencyKey: "cross-2" } });
    expect(await kindsOf(db, m.accountId, "balance-low")).toEqual(["balance-low:1"]);
    // ¥540 − ¥100 = ¥440.
    await purchase({ ctx: m.customer(later(5)), input: { item: "scan.code-recognition:1k", quantity: 1, idempotencyKey: "cross-3" } });
    expect(await kindsOf(db, m.accountId, "balance-low")).toEqual(["balance-low:1", "balance-low:2"]);
    const [message] = await db.select().from(messages).where(and(eq(messages.accountId, m.accountId), eq(messages.dedupeKey, "balance-low:2")));
    expect(message?.params).toMatchObject({ threshold: "¥500.00", balance: "¥440.00" });
  });

  it("refuses a budget from an impersonating viewer and changes nothing", async () => {
    const db = database().db;
    const m = await meteredAccount(db, t0, ["scan"]);
    await activateProduct({ ctx: m.customer(), input: { product: "body", acceptTerms: true } });
    const viewer = { db, actor: { type: "impersonation" as const, staffUserId: "s", accountId: m.accountId }, now: t0 };
    await expect(saveBudget({ ctx: viewer, input: { scope: "body", amount: "5", thresholds: [100] } })).rejects.toMatchObject({ code: "read-only-impersonation" });
    expect(await listBudgets({ ctx: m.customer() })).toEqual([]);
  });
  it("refuses to remove another account's budget, and keeps it", async () => {
    const db = database().db;
    const owner = await meteredAccount(db, t0, ["scan"]);
    const other = await meteredAccount(db, t0, ["scan"]);
    const { id } = await saveBudget({ ctx: owner.customer(), input: { scope: "account", amount: "50", thresholds: [100] } });
    await expect(deleteBudget({ ctx: other.customer(), input: { id } })).rejects.toMatchObject({ code: "budget-not-found" });
    expect(await listBudgets({ ctx: owner.customer() })).toHaveLength(1);
    await deleteBudget({ ctx: owner.customer(), input: { id } });
    expect(await listBudgets({ ctx: owner.customer() })).toEqual([]);
  });

  // Its own database: the outbox rows it queues are due, and the outbox is drained for every account at once.
}, { isolated: true });

describePostgres("spend alerts under two concurrent run-due", () => {
  it("sends each alert once when two run-due runs race", async () => {
    const url = process.env.TEST_DATABASE_URL ?? "";
    // A database of its own: run-due closes the previous month for every account in it.
    const handle = await openScratchDatabase(url);
    try {
      const db = handle.db;
      const m = await overBudgetAccount(db);
      await topUp(m, "100.00", t0);
      await saveBalanceAlert({ ctx: m.customer(t0), input: { enabled: true, threshold: "500" } });
      // The alert fired when it was saved (the balance was already below); re-arm it by hand so run-due has a crossing to race on.
      await db.execute(`update balance_alerts set armed = true where account_id = '${m.accountId}'`);
      const ctx = { db, actor: { type: "system" as const, reason: "race" }, now: later(5) };
      const reports = await Promise.all([runDue({ ctx, senders: {} }), runDue({ ctx, senders: {} }), evaluateSpendAlerts({ ctx })]);
      const budgetSent = reports[0].spendAlerts.budgetAlerts + reports[1].spendAlerts.budgetAlerts + reports[2].budgetAlerts;
      const balanceSent = reports[0].spendAlerts.balanceAlerts + reports[1].spendAlerts.balanceAlerts + reports[2].balanceAlerts;
      expect(budgetSent).toBe(6);
      expect(balanceSent).toBe(1);
      expect(await kindsOf(db, m.accountId, "budget:")).toHaveLength(6);
      expect(await kindsOf(db, m.accountId, "balance-low")).toEqual(["balance-low:1", "balance-low:2"]);
      // The spend alerts' own deliveries (a top-up also sends its receipt notice to the subscribed channel).
      const deliveries = await db
        .select({ id: outbox.id })
        .from(outbox)
        .innerJoin(messages, eq(messages.id, outbox.messageId))
        .where(and(eq(outbox.accountId, m.accountId), inArray(messages.kind, ["budget-actual", "budget-forecast", "balance-low"])));
      expect(deliveries).toHaveLength(8);
    } finally {
      await handle.close();
    }
  });
});
