import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { daysOfMonth } from "@/lib/pricing";
import { dailyUsage } from "./daily-usage";
import { monthTotals } from "./summary";

const t0 = new Date("2026-11-22T02:00:00Z");
/** Activated on the 1st, so the month's free pack covers every call of the month. */
const firstOfMonth = new Date("2026-11-01T00:00:00+08:00");

it("lists every Shanghai day of a month", () => {
  expect(daysOfMonth("2026-11")).toHaveLength(30);
  expect(daysOfMonth("2026-11")[0]).toBe("2026-11-01");
  expect(daysOfMonth("2024-02").at(-1)).toBe("2024-02-29");
});

describeEachDatabase("daily usage", (database) => {
  it("sums the hourly aggregates per Shanghai day and API, split free / packs / postpaid", async () => {
    const m = await meteredAccount(database().db, firstOfMonth, ["processing"]);
    const report = (events: unknown[]) => m.report(events, t0);
    await report([
      // 23:30 on the 21st in Shanghai, and 00:30 on the 22nd, which is still the 21st in UTC.
      { id: "late-21", api: "processing.quality", calls: 600, at: "2026-11-21T23:30:00+08:00" },
      { id: "early-22", api: "processing.quality", calls: 600, at: "2026-11-22T00:30:00+08:00" },
      { id: "crop-22", api: "processing.crop", calls: 5, at: "2026-11-22T09:00:00+08:00" },
    ]);
    const usage = await dailyUsage({ ctx: m.customer(t0), input: { month: "2026-11" } });
    expect(usage.days).toHaveLength(30);
    expect(usage.apis.map((a) => a.api)).toEqual(["processing.quality", "processing.crop"]);
    const quality = usage.apis[0];
    expect(quality?.days.find((d) => d.day === "2026-11-21")).toEqual({ day: "2026-11-21", calls: 600, free: 600, fromPacks: 0, billable: 0 });
    expect(quality?.days.find((d) => d.day === "2026-11-22")).toEqual({ day: "2026-11-22", calls: 600, free: 400, fromPacks: 0, billable: 200 });
    expect(quality?.days.find((d) => d.day === "2026-11-20")).toEqual({ day: "2026-11-20", calls: 0, free: 0, fromPacks: 0, billable: 0 });
    expect(quality?.total).toEqual({ calls: 1200, free: 1000, fromPacks: 0, billable: 200 });
    expect(usage.apis[1]?.total).toEqual({ calls: 5, free: 5, fromPacks: 0, billable: 0 });
    // The forecast's advice reads last month's totals alone (issue 19 item 11): the same figures, in the same order, without the days.
    const totals = await monthTotals({ ctx: m.customer(t0), input: { month: "2026-11" } });
    expect(totals).toEqual(usage.apis.map((a) => ({ api: a.api, calls: a.total.calls, free: a.total.free, fromPacks: a.total.fromPacks })));
  });

  it("shows nothing of another account's usage and nothing for a month without calls", async () => {
    const m = await meteredAccount(database().db, t0, ["processing"]);
    await m.report([{ id: "x", api: "processing.enhance", calls: 3, at: "2026-11-22T09:00:00+08:00" }]);
    const other = await newAccount(database().db, t0, "other");
    expect((await dailyUsage({ ctx: other.customer(), input: { month: "2026-11" } })).apis).toEqual([]);
    expect((await dailyUsage({ ctx: m.customer(), input: { month: "2026-10" } })).apis).toEqual([]);
  });

  it("refuses a malformed month, naming the field", async () => {
    const m = await newAccount(database().db, t0, "bad");
    await expect(dailyUsage({ ctx: m.customer(), input: { month: "2026-13" } })).rejects.toMatchObject({ field: "month" });
  });
});
