import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { closeMonth } from "@/lib/billing/close";
import { API_IDS } from "@/lib/pricing";
import type { Bench, BenchFigure } from "./bench";
import { benchDatabaseBase, withScratchDatabase } from "./scratch";

/**
 * Sizes of the close, smallest first (the 10k and 100k; BENCH_CLOSE_SIZES=… to change).
 * Linear means accounts/s at the largest within 10% of the smallest.
 */
const SIZES = (process.env.BENCH_CLOSE_SIZES ?? "10000,100000").split(",").map((n) => Number.parseInt(n, 10));
const MONTH = "2025-03";
// 250 accounts × 16 lines × 11 columns stays under the protocol's 65,535 parameters a statement.
const BASELINE_BATCH = 250;

async function seed(url: string, accounts: number): Promise<void> {
  const handle = await openDatabase({ url, maxConnections: 4 });
  try {
    await migrateDatabase(handle);
    // Set-based seed: the bench is about the close, not about making accounts one by one.
    await handle.db.execute(sql`insert into accounts (id, name, status, created_at) select gen_random_uuid(), 'bench ' || g, 'active', '2025-01-01T00:00:00Z' from generate_series(1, ${accounts}) g`);
    // Enough money that a few accounts, not most, end in arrears: the close of a normal month.
    await handle.db.execute(sql`insert into wallets (account_id, cash, updated_at) select id, case when random() < 0.02 then 0 else 1000000 end, now() from accounts`);
    const apis = sql.join(API_IDS.map((api) => sql`${api}`), sql`, `);
    await handle.db.execute(sql`
      insert into usage_hourly (account_id, api, hour, month, calls, free, from_packs, billable)
      select a.id, u.api, '2025-03-10T02:00:00Z', ${MONTH}, u.calls, least(u.calls, 1000), 0, u.calls - least(u.calls, 1000)
      from accounts a
      cross join lateral (select api, (floor(random() * 3000000) + 1)::bigint as calls from unnest(array[${apis}]::text[]) as api) u`);
    await handle.db.execute(sql`analyze`);
  } finally {
    await handle.close();
  }
}

/** The close of `accounts` accounts, in seconds. */
async function timeClose(url: string, accounts: number): Promise<number> {
  const handle = await openDatabase({ url, maxConnections: 4 });
  try {
    const started = performance.now();
    const report = await closeMonth({ ctx: { db: handle.db, actor: { type: "system", reason: "bench" }, now: new Date("2025-04-01T00:10:00+08:00") }, input: { month: MONTH } });
    const seconds = (performance.now() - started) / 1000;
    if (report.bills !== accounts) throw new Error(`expected ${accounts} bills, got ${report.bills}`);
    return seconds;
  } finally {
    await handle.close();
  }
}

/**
 * Baseline, same run: the rows the close wrote (its bills and bill lines) written again into empty
 * copies of their tables with plain multi-row INSERTs, 250 accounts a statement pair, one connection:
 * the floor of "writing the bills" with none of the pricing, ledger or locking.
 */
async function timeBaseline(url: string): Promise<number> {
  const direct = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await direct`create table bills_copy (like bills including all)`;
    await direct`create table bill_lines_copy (like bill_lines including all)`;
    const billRows = await direct`select * from bills order by id`;
    const lineRows = await direct`select * from bill_lines order by bill_id, position`;
    const linesOf = new Map<string, postgres.Row[]>();
    for (const line of lineRows) linesOf.set(line.bill_id as string, [...(linesOf.get(line.bill_id as string) ?? []), line]);
    const started = performance.now();
    for (let i = 0; i < billRows.length; i += BASELINE_BATCH) {
      const batch = billRows.slice(i, i + BASELINE_BATCH);
      const lines = batch.flatMap((bill) => linesOf.get(bill.id as string) ?? []);
      await direct.begin(async (tx) => {
        await tx`insert into bills_copy ${tx(batch)}`;
        if (lines.length > 0) await tx`insert into bill_lines_copy ${tx(lines)}`;
      });
    }
    return (performance.now() - started) / 1000;
  } finally {
    await direct.end();
  }
}

export const closeBench: Bench = {
  name: "close",
  description: `the monthly close at ${SIZES.map((n) => n.toLocaleString("en-US")).join(" and ")} accounts × ${API_IDS.length} APIs on real PostgreSQL (a scratch database each), against plain multi-row INSERTs of the same bills and lines`,
  async run() {
    const base = benchDatabaseBase();
    if (!base) return [];
    const figures: BenchFigure[] = [{ label: "load average (1 min) at the start", value: loadavg()[0] ?? 0, unit: "" }];
    const rates: number[] = [];
    const baseRates: number[] = [];
    for (const accounts of SIZES) {
      const n = accounts.toLocaleString("en-US");
      const { close, baseline } = await withScratchDatabase(base, async (url) => {
        await seed(url, accounts);
        return { close: await timeClose(url, accounts), baseline: await timeBaseline(url) };
      });
      rates.push(accounts / close);
      baseRates.push(accounts / baseline);
      figures.push(
        { label: `${n} accounts: close-month total`, value: close, unit: "s" },
        { label: `${n} accounts: close-month`, value: accounts / close, unit: "accounts/s" },
        { label: `${n} accounts: baseline, plain multi-row INSERTs of the same bills and lines`, value: accounts / baseline, unit: "accounts/s" },
        { label: `${n} accounts: close ÷ baseline`, value: baseline / close, unit: "" },
      );
    }
    const first = rates[0];
    const last = rates[rates.length - 1];
    const sizes = `${SIZES[SIZES.length - 1]?.toLocaleString("en-US")} ÷ at ${SIZES[0]?.toLocaleString("en-US")}`;
    if (first && last && rates.length > 1) {
      figures.push({ label: `linearity: close accounts/s at ${sizes}`, value: last / first, unit: "(target ≥ 0.9)" });
      const baseFirst = baseRates[0] ?? 0;
      const baseLast = baseRates[baseRates.length - 1] ?? 0;
      if (baseFirst > 0) figures.push({ label: `linearity of the baseline: INSERT accounts/s at ${sizes}`, value: baseLast / baseFirst, unit: "" });
    }
    figures.push({ label: "load average (1 min) at the end", value: loadavg()[0] ?? 0, unit: "" });
    return figures;
  },
};
