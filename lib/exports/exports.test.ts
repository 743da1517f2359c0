import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { createTranslator, catalogs } from "@/lib/i18n/translate";
import { dailyUsageCsv, transactionsCsv } from "./csv";
import { dailyUsageRows } from "./daily-usage-rows";
import { parseTransactionQuery } from "./ranges";
import { allTransactions, transactionPage } from "./transactions";

const t0 = new Date("2026-11-10T04:00:00Z");
const day = (n: number) => new Date(t0.getTime() + n * 86_400_000);

it("accepts only real days in lib/params/calendar's range and from ≤ to, naming the field", () => {
  const q = (query: string) => parseTransactionQuery(new URLSearchParams(query), t0);
  expect(q("from=2026-02-28").ok).toBe(true);
  expect(q("from=2026-02-30")).toMatchObject({ ok: false, field: "from" });
  expect(q("to=2026-2-3")).toMatchObject({ ok: false, field: "to" });
  expect(q("from=2026-11-20&to=2026-11-01")).toMatchObject({ ok: false, field: "from", message: "from: must not be after to" });
  expect(q("page=0")).toMatchObject({ ok: false, field: "page" });
  // Issue 17 item 2: beyond the range was a PostgreSQL "date/time field value out of range" 500.
  expect(q("from=0001-01-01")).toMatchObject({ ok: false, field: "from", message: "from: must be from 2022-09-01 to 2027-11-10" });
  expect(q("page=1e20")).toMatchObject({ ok: false, field: "page" });
  expect(q("")).toEqual({ ok: true, value: { page: 1, pageSize: 100 } });
});

describeEachDatabase("finance exports", (database) => {
  it("pages transactions and filters them by Shanghai day, for this account only", async () => {
    const db = database().db;
    const a = await newAccount(db, t0, "exp");
    const other = await newAccount(db, t0, "exp-other");
    for (let i = 0; i < 7; i++) await topUp(a, `${i + 1}.00`, day(i));
    await topUp(other, "99.00", day(0));
    const first = await transactionPage({ ctx: a.customer(day(8)), input: { page: 1, pageSize: 3 } });
    expect(first).toMatchObject({ total: 7, pages: 3, page: 1 });
    expect(first.transactions.map((t) => t.changes.cash)).toEqual(["7.00", "6.00", "5.00"]);
    const last = await transactionPage({ ctx: a.customer(day(8)), input: { page: 3, pageSize: 3 } });
    expect(last.transactions.map((t) => t.changes.cash)).toEqual(["1.00"]);
    // 2026-11-11 and 2026-11-12 in Shanghai (the top-ups are at 12:00 Shanghai each day).
    const ranged = await transactionPage({ ctx: a.customer(day(8)), input: { from: "2026-11-11", to: "2026-11-12", page: 1, pageSize: 100 }, order: "oldest" });
    expect(ranged.transactions.map((t) => t.changes.cash)).toEqual(["2.00", "3.00"]);
    const all = await allTransactions({ ctx: a.customer(day(8)), input: {} });
    expect(all).toHaveLength(7);
    const csv = transactionsCsv(all, createTranslator(catalogs.en));
    expect(csv.split("\r\n")[1]).toMatch(/^2026-11-10 12:00:00,Top-up,top-up,[0-9a-f-]+,1\.00,0\.00,0\.00,0\.00,0\.00$/);
  });

  it("lists daily usage per Shanghai day and API, and writes it as CSV", async () => {
    const m = await meteredAccount(database().db, new Date("2026-11-01T00:00:00+08:00"), ["processing"]);
    await m.report(
      [
        { id: "a", api: "processing.quality", calls: 600, at: "2026-11-03T10:00:00+08:00" },
        { id: "b", api: "processing.crop", calls: 5, at: "2026-11-03T11:00:00+08:00" },
        { id: "c", api: "processing.quality", calls: 700, at: "2026-11-04T23:30:00+08:00" },
      ],
      t0,
    );
    const rows = await dailyUsageRows({ ctx: m.customer(t0), input: { month: "2026-11" } });
    expect(rows).toEqual([
      { day: "2026-11-03", api: "processing.quality", calls: 600, free: 600, fromPacks: 0, billable: 0 },
      { day: "2026-11-03", api: "processing.crop", calls: 5, free: 5, fromPacks: 0, billable: 0 },
      { day: "2026-11-04", api: "processing.quality", calls: 700, free: 400, fromPacks: 0, billable: 300 },
    ]);
    const csv = dailyUsageCsv(rows, createTranslator(catalogs["zh-CN"]), "zh-CN");
    expect(csv.split("\r\n")[3]).toBe("2026-11-04,processing.quality,图像质量评估,700,400,0,300");
  });
});
