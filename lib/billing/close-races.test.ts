/**
 * Issue 22 part 1: events of the previous month racing the start of its close, on real PostgreSQL.
 * Every event is either in the bill (accepted, and its calls in the bill's lines) or refused
 * `closed-month` (and counted "late after close"), never both and never neither.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billLines, bills, lateEvents } from "@/db/schema";
import type { DatabaseHandle } from "@/db/client";
import type { ServiceContext } from "@/lib/context";
import { reportUsage, type UsageResult } from "@/lib/metering/report-usage";
import { parseUsageRequest } from "@/lib/metering/usage-request";
import { activateProduct } from "@/lib/packs/activation";
import { monthEnd, monthStart, nextMonth, type Month } from "@/lib/pricing";
import { openScratchDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { closeMonth } from "./close";

const url = process.env.TEST_DATABASE_URL;
const GATEWAYS = 8;
const BATCHES = 6;
const ROUNDS = 4;

describe.skipIf(!url)("events racing the start of the close [postgres]", () => {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    // A database of its own: a close bills every account in it.
    handle = await openScratchDatabase(url ?? "");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it(`${GATEWAYS} gateways × ${BATCHES} batches against the close: each event is billed or refused, once (${ROUNDS} rounds)`, async () => {
    const db = handle?.db;
    if (!db) throw new Error("no database");
    let month: Month = "2025-03";
    for (let round = 0; round < ROUNDS; round++, month = nextMonth(month)) {
      const account = await newAccount(db, monthStart(month), "close-race");
      await activateProduct({ ctx: account.customer(), input: { product: "processing", acceptTerms: true } });
      await topUp(account, "100", monthStart(month));
      // Inside the grace: an hour after the month's end, the previous month is still open to events.
      const now = new Date(monthEnd(month).getTime() + 3_600_000);
      const calledAt = new Date(monthStart(month).getTime() + 10 * 86_400_000).toISOString();
      const gateway: ServiceContext = { db, actor: { type: "api-key", keyId: "00000000-0000-0000-0000-00000000000b", accountId: account.accountId }, now };
      const sent: { id: string; calls: number }[] = [];
      // The close starts once some batches are in, so it lands in the middle of the stream.
      let answered = 0;
      let startClose = () => {};
      const closeMayStart = new Promise<void>((resolve) => (startClose = resolve));
      const gatewayRun = async (g: number): Promise<UsageResult[]> => {
        const answers: UsageResult[] = [];
        for (let b = 0; b < BATCHES; b++) {
          const events = Array.from({ length: 3 }, (_, i) => ({ id: `r${round}-g${g}-b${b}-${i}`, api: "processing.crop", calls: 1 + g + i, at: calledAt }));
          sent.push(...events.map((e) => ({ id: e.id, calls: e.calls })));
          answers.push(...(await reportUsage({ ctx: gateway, input: { events: parseUsageRequest({ events }) } })));
          if (++answered === GATEWAYS * (1 + (round % 3))) startClose();
        }
        return answers;
      };
      const closing = (async () => {
        await closeMayStart;
        return closeMonth({ ctx: { db, actor: { type: "system", reason: "race" }, now }, input: { month } });
      })();
      const [answers] = await Promise.all([Promise.all(Array.from({ length: GATEWAYS }, (_, g) => gatewayRun(g))), closing]);
      const all = answers.flat();
      expect(all).toHaveLength(sent.length);
      const accepted = new Set(all.filter((r) => r.status === "accepted").map((r) => r.id));
      const refused = new Set(all.filter((r) => r.status === "rejected" && r.error.code === "closed-month").map((r) => r.id));
      // Never both, never neither: every id answered exactly once, accepted or closed-month.
      // Those answered before the close started are in; measured runs refused 50–100 of the 144 after it.
      expect(accepted.size).toBeGreaterThanOrEqual(GATEWAYS * (1 + (round % 3)) * 3);
      expect([...accepted].filter((id) => refused.has(id))).toEqual([]);
      expect(accepted.size + refused.size).toBe(sent.length);
      const [bill] = await db.select().from(bills).where(and(eq(bills.accountId, account.accountId), eq(bills.month, month)));
      expect(bill).toBeDefined();
      const [billed] = await db
        .select({ calls: sql<string>`coalesce(sum(${billLines.calls}), 0)` })
        .from(billLines)
        .where(eq(billLines.billId, bill?.id ?? ""));
      const acceptedCalls = sent.filter((e) => accepted.has(e.id)).reduce((s, e) => s + e.calls, 0);
      const refusedCalls = sent.filter((e) => refused.has(e.id)).reduce((s, e) => s + e.calls, 0);
      expect(Number(billed?.calls ?? 0)).toBe(acceptedCalls);
      const [late] = await db.select().from(lateEvents).where(and(eq(lateEvents.accountId, account.accountId), eq(lateEvents.month, month)));
      expect({ events: late?.events ?? 0, calls: late?.calls ?? 0 }).toEqual({ events: refused.size, calls: refusedCalls });
    }
  }, 120_000);
});
