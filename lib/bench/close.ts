import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { closeMonth } from "@/lib/billing/close";
import { API_IDS } from "@/lib/pricing";
import type { Bench, BenchFigure } from "./bench";
import { withScratchDatabase } from "./scratch";

const ACCOUNTS = Number.parseInt(process.env.BENCH_CLOSE_ACCOUNTS ?? "100000", 10);
const MONTH = "2025-03";

async function measure(url: string): Promise<BenchFigure[]> {
  const handle = await openDatabase({ url, maxConnections: 4 });
  try {
    await migrateDatabase(handle);
    const seedStarted = performance.now();
    // Set-based seed: the bench is about the close, not about making accounts one by one.
    await handle.db.execute(sql`insert into accounts (id, name, status, created_at) select gen_random_uuid(), 'bench ' || g, 'active', '2025-01-01T00:00:00Z' from generate_series(1, ${ACCOUNTS}) g`);
    // Enough money that a few accounts, not most, end in arrears: the close of a normal month.
    await handle.db.execute(sql`insert into wallets (account_id, cash, updated_at) select id, case when random() < 0.02 then 0 else 1000000 end, now() from accounts`);
    const apis = sql.join(API_IDS.map((api) => sql`${api}`), sql`, `);
    await handle.db.execute(sql`
      insert into usage_hourly (account_id, api, hour, month, calls, free, from_packs, billable)
      select a.id, u.api, '2025-03-10T02:00:00Z', ${MONTH}, u.calls, least(u.calls, 1000), 0, u.calls - least(u.calls, 1000)
      from accounts a
      cross join lateral (select api, (floor(random() * 3000000) + 1)::bigint as calls from unnest(array[${apis}]::text[]) as api) u`);
    await handle.db.execute(sql`analyze`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const started = performance.now();
    const report = await closeMonth({ ctx: { db: handle.db, actor: { type: "system", reason: "bench" }, now: new Date("2025-04-01T00:10:00+08:00") }, input: { month: MONTH } });
    const seconds = (performance.now() - started) / 1000;
    if (report.bills !== ACCOUNTS) throw new Error(`expected ${ACCOUNTS} bills, got ${report.bills}`);
    return [
      { label: `seed: ${ACCOUNTS.toLocaleString("en-US")} accounts × ${API_IDS.length} APIs of usage (not part of the figure)`, value: seedSeconds, unit: "s" },
      { label: "close-month: total", value: seconds, unit: "s (target ≤ 60)" },
      { label: "close-month: accounts", value: ACCOUNTS / seconds, unit: "accounts/s" },
      { label: "close-month: bill lines", value: (ACCOUNTS * API_IDS.length) / seconds, unit: "lines/s" },
    ];
  } finally {
    await handle.close();
  }
}

export const closeBench: Bench = {
  name: "close",
  description: `the monthly close of ${ACCOUNTS.toLocaleString("en-US")} accounts × ${API_IDS.length} APIs on real PostgreSQL (a scratch database); batches of accounts, a constant number of statements each`,
  async run() {
    const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!base) {
      console.log("  skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server this bench may create a scratch database on");
      return [];
    }
    return withScratchDatabase(base, measure);
  },
};
