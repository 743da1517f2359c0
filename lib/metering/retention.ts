import { and, inArray, isNotNull, sql } from "drizzle-orm";
import { monthCloses } from "@/db/schema";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/unnest";
import { recordAudit } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { monthOf, previousMonth, type Month } from "@/lib/pricing";
import { monthPartitions } from "./partitions";

export interface RetentionReport {
  keepMonths: number;
  /** Raw events of closed months up to this one (inclusive) are dropped. */
  through: Month;
  dryRun: boolean;
  dropped: { month: Month; rows: number }[];
  /** Months old enough whose close has not finished: their raw events stay. */
  refused: { month: Month; rows: number; reason: "not-closed" }[];
}

/** The last month whose raw events may go: the month before the `keepMonths` months before the current one. */
export function retentionThrough(now: Date, keepMonths: number): Month {
  let month = previousMonth(monthOf(now));
  for (let i = 0; i < keepMonths; i++) month = previousMonth(month);
  return month;
}

async function countRows(db: Database, table: string, month: Month): Promise<number> {
  const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where month = ${month}`));
  return Number(rows[0]?.n ?? 0);
}

/**
 * `npm run ops -- drop-raw-events --keep-months N [--dry-run]`: drops the raw usage events of every
 * closed month older than the current one and the N before it — the month's partition detached and
 * dropped, and any of its rows that sit in the DEFAULT partition deleted. The hourly aggregates
 * (usage_hourly) and the bills stay: every page and the close read those, never raw events. A month
 * whose close has not finished is refused (its events are still the close's input). Idempotent: a
 * second run finds nothing to drop. Each dropped month is one audit row.
 *
 * Afterwards an event id of such a month, reported again, is `rejected: closed-month` rather than
 * `duplicate` (docs/readings.md): it is not counted either way.
 */
export async function dropRawEvents({ ctx, input }: { ctx: ServiceContext; input: { keepMonths: number; dryRun: boolean } }): Promise<RetentionReport> {
  const through = retentionThrough(ctx.now, input.keepMonths);
  const partitioned = (await monthPartitions(ctx.db)).filter((p) => p.month <= through);
  const inDefault = rowsOf<{ month: string }>(await ctx.db.execute(sql`select distinct month from usage_events_default where month <= ${through}`)).map((r) => r.month);
  const months = [...new Set([...partitioned.map((p) => p.month), ...inDefault])].sort();
  const closed = new Set(
    months.length === 0
      ? []
      : (await ctx.db.select({ month: monthCloses.month }).from(monthCloses).where(and(inArray(monthCloses.month, months), isNotNull(monthCloses.finishedAt)))).map((r) => r.month),
  );
  const report: RetentionReport = { keepMonths: input.keepMonths, through, dryRun: input.dryRun, dropped: [], refused: [] };
  for (const month of months) {
    const partition = partitioned.find((p) => p.month === month);
    const rows = (partition ? await countRows(ctx.db, partition.name, month) : 0) + (inDefault.includes(month) ? await countRows(ctx.db, "usage_events_default", month) : 0);
    if (!closed.has(month)) {
      report.refused.push({ month, rows, reason: "not-closed" });
      continue;
    }
    report.dropped.push({ month, rows });
    if (input.dryRun) continue;
    await ctx.db.transaction(async (tx) => {
      if (partition) {
        const table = sql.identifier(partition.name);
        await tx.execute(sql`alter table usage_events detach partition ${table}`);
        await tx.execute(sql`drop table ${table}`);
      }
      if (inDefault.includes(month)) await tx.execute(sql`delete from usage_events_default where month = ${month}`);
      await recordAudit({ ...ctx, db: tx }, { action: "usage.raw-events-dropped", target: month, before: { rows }, after: { keepMonths: input.keepMonths } });
    });
  }
  return report;
}
