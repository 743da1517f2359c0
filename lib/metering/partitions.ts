import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/unnest";
import { isMonth, type Month } from "@/lib/pricing";

/**
 * usage_events is partitioned by LIST (month) (migration 0012): one partition per Shanghai calendar
 * month, and a DEFAULT partition as a safety net for an event whose month has none. A month's
 * partition is made before its first event — by the ingest (once per process and month: a cached set
 * makes it free afterwards) and ahead of time by `run-due` (this month and the next).
 */
export function partitionName(month: Month): string {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  return `usage_events_${month.replace("-", "_")}`;
}

// Per database handle (or transaction) object: a partition made inside a transaction that rolls back
// is forgotten with the transaction's object.
const known = new WeakMap<object, Set<string>>();

/** Makes sure each month has its partition. Costs nothing once a month is known to this process. */
export async function ensureMonthPartitions(db: Database, months: Iterable<Month>): Promise<void> {
  let seen = known.get(db);
  if (!seen) known.set(db, (seen = new Set()));
  for (const month of months) {
    if (seen.has(month)) continue;
    await ensureMonthPartition(db, month);
    seen.add(month);
  }
}

async function partitionExists(db: Database, name: string): Promise<boolean> {
  const rows = rowsOf<{ found: boolean }>(await db.execute(sql`select to_regclass(${name}) is not null as found`));
  return rows[0]?.found === true;
}

/**
 * One month's partition. Rows of that month already in the DEFAULT partition (written while the month
 * had none) move into it: a plain `CREATE TABLE … PARTITION OF` would fail on them. Serialized across
 * processes by an advisory lock; the attach takes only a SHARE UPDATE EXCLUSIVE lock on the parent,
 * so inserts of other months go on meanwhile.
 */
async function ensureMonthPartition(db: Database, month: Month): Promise<void> {
  const name = partitionName(month);
  if (await partitionExists(db, name)) return;
  try {
    await createMonthPartition(db, month, name);
  } catch (error) {
    // Another process made it meanwhile: its commit may not be visible to the re-check inside our
    // transaction (an advisory lock does not refresh the catalog cache), so the create failed; a new
    // statement outside that transaction sees it.
    if (await partitionExists(db, name)) return;
    throw error;
  }
}

async function createMonthPartition(db: Database, month: Month, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('usage_events:partitions'))`);
    if (await partitionExists(tx as unknown as Database, name)) return;
    const table = sql.identifier(name);
    await tx.execute(sql`create table ${table} (like usage_events including defaults including constraints)`);
    await tx.execute(sql`
      with moved as (delete from usage_events_default where month = ${month} returning *)
      insert into ${table} select * from moved`);
    await tx.execute(sql`alter table usage_events attach partition ${table} for values in (${sql.raw(`'${month}'`)})`);
  });
}

export interface MonthPartition {
  month: Month;
  name: string;
}

/** The months that have a partition of their own, oldest first. */
export async function monthPartitions(db: Database): Promise<MonthPartition[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent
      where p.relname = 'usage_events' and c.relname ~ '^usage_events_[0-9]{4}_[0-9]{2}$'
      order by c.relname`),
  );
  return rows.map((r) => ({ name: r.name, month: r.name.slice("usage_events_".length).replace("_", "-") }));
}
