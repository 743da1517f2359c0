import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { bills, lateEvents, monthCloses } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { reportUsage } from "@/lib/metering/report-usage";
import { parseUsageRequest } from "@/lib/metering/usage-request";
import { activateProduct } from "@/lib/packs/activation";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { CLOSE_GRACE_DEFAULT_MS } from "./close-grace";
import { monthClosing } from "./closing";
import { runDue } from "./run-due";

const shanghai = (local: string) => new Date(`${local}+08:00`);

// run-due closes the previous month for every account: a database of its own.
describeEachDatabase(
  "the close grace (CLOSE_GRACE)",
  (database) => {
    it("accepts last month's events until the grace ends, then closes; a later event is refused and counted late", async () => {
      const db = database().db;
      const account = await newAccount(db, shanghai("2026-03-02T10:00:00"), "grace");
      await activateProduct({ ctx: account.customer(), input: { product: "processing", acceptTerms: true } });
      const gateway = (now: Date): ServiceContext => ({ db, actor: { type: "api-key", keyId: "00000000-0000-0000-0000-00000000000c", accountId: account.accountId }, now });
      const send = (now: Date, id: string, calls: number) =>
        reportUsage({ ctx: gateway(now), input: { events: parseUsageRequest({ events: [{ id, api: "processing.crop", calls, at: "2026-03-31T23:50:00+08:00" }] }) } });
      const system = (now: Date): ServiceContext => ({ db, actor: { type: "system", reason: "test" }, now });

      // 00:01 on the 1st: run-due issues April's free packs but leaves March open; the month is "closing".
      const early = await runDue({ ctx: system(shanghai("2026-04-01T00:01:00")), senders: {}, graceMs: CLOSE_GRACE_DEFAULT_MS });
      expect(early.close).toBeNull();
      expect(await monthClosing({ ctx: account.customer(shanghai("2026-04-01T00:30:00")), graceMs: CLOSE_GRACE_DEFAULT_MS })).toEqual({ month: "2026-03", until: shanghai("2026-04-01T02:00:00") });
      // A gateway cut off at 23:50 reports at 01:59: still counted in March.
      expect(await send(shanghai("2026-04-01T01:59:00"), "late-but-in", 400)).toMatchObject([{ status: "accepted" }]);

      // 02:00: the grace is over, the close runs and the bill holds the late event.
      const due = await runDue({ ctx: system(shanghai("2026-04-01T02:00:00")), senders: {}, graceMs: CLOSE_GRACE_DEFAULT_MS });
      expect(due.close).toMatchObject({ month: "2026-03" });
      const [bill] = await db.select().from(bills).where(and(eq(bills.accountId, account.accountId), eq(bills.month, "2026-03")));
      expect(bill).toBeDefined();
      expect(await monthClosing({ ctx: account.customer(shanghai("2026-04-01T02:01:00")), graceMs: CLOSE_GRACE_DEFAULT_MS })).toBeNull();

      // After the close: refused closed-month, counted late for March (twice), and a resend of the billed one is duplicate.
      expect(await send(shanghai("2026-04-01T02:05:00"), "too-late", 7)).toMatchObject([{ status: "rejected", error: { code: "closed-month" } }]);
      expect(await send(shanghai("2026-04-02T09:00:00"), "too-late-2", 5)).toMatchObject([{ status: "rejected", error: { code: "closed-month" } }]);
      expect(await send(shanghai("2026-04-02T09:00:00"), "late-but-in", 400)).toMatchObject([{ status: "duplicate" }]);
      const [late] = await db.select().from(lateEvents).where(eq(lateEvents.accountId, account.accountId));
      expect(late).toMatchObject({ month: "2026-03", events: 2, calls: 12, firstAt: shanghai("2026-04-01T02:05:00"), lastAt: shanghai("2026-04-02T09:00:00") });
    });

    it("a close already started is resumed at once, whatever the grace; the grace never passes the 3rd", async () => {
      const db = database().db;
      const system = (now: Date): ServiceContext => ({ db, actor: { type: "system", reason: "test" }, now });
      await db.insert(monthCloses).values({ month: "2026-05", startedAt: shanghai("2026-06-01T00:00:30") });
      const resumed = await runDue({ ctx: system(shanghai("2026-06-01T00:01:00")), senders: {}, graceMs: CLOSE_GRACE_DEFAULT_MS });
      expect(resumed.close).toMatchObject({ month: "2026-05" });
      // A grace of 72 hours is cut at the 3rd 00:00 Beijing time.
      expect((await runDue({ ctx: system(shanghai("2026-07-02T23:59:00")), senders: {}, graceMs: 72 * 3_600_000 })).close).toBeNull();
      expect((await runDue({ ctx: system(shanghai("2026-07-03T00:00:00")), senders: {}, graceMs: 72 * 3_600_000 })).close).toMatchObject({ month: "2026-06" });
    });
  },
  { isolated: true },
);
