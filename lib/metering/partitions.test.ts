import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, monthCloses, usageEvents, usageHourly } from "@/db/schema";
import { openDatabase, type Database, type DatabaseHandle, type Schema } from "@/db/client";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { rowsOf } from "@/db/unnest";
import { commands } from "@/lib/ops/commands";
import { OpsError } from "@/lib/ops/args";
import { activateProduct } from "@/lib/packs/activation";
import { describeEachDatabase, describePostgres, openScratchDatabase } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { createApiKey } from "./api-keys";
import { ensureMonthPartitions, monthPartitions } from "./partitions";
import { reportUsage } from "./report-usage";
import { parseUsageRequest } from "./usage-request";

const t0 = new Date("2026-11-22T02:00:00Z");
const at = "2026-11-22T10:00:00+08:00";

async function partitionOf(db: Database, accountId: string, eventId: string): Promise<string | undefined> {
  const rows = rowsOf<{ part: string }>(await db.execute(sql`select tableoid::regclass::text as part from usage_events where account_id = ${accountId}::uuid and event_id = ${eventId}`));
  return rows[0]?.part;
}

async function exists(db: Database, name: string): Promise<boolean> {
  return rowsOf<{ found: boolean }>(await db.execute(sql`select to_regclass(${name}) is not null as found`))[0]?.found === true;
}

async function meteredAccount(db: Database) {
  const account = await newAccount(db, t0, "retention");
  await activateProduct({ ctx: account.customer(), input: { product: "processing", acceptTerms: true } });
  const { key } = await createApiKey({ ctx: account.customer(), input: { name: "gateway" } });
  const report = (events: unknown[], now = t0) =>
    reportUsage({ ctx: { db, actor: { type: "api-key", keyId: key.id, accountId: account.accountId }, now }, input: { events: parseUsageRequest({ events }) } });
  return { ...account, report };
}

/** A raw event written past the ingest (as a bulk load would): it lands where the table routes it. */
async function rawEvent(db: Database, accountId: string, eventId: string, month: string): Promise<void> {
  await db.insert(usageEvents).values({ accountId, eventId, api: "processing.quality", calls: 3, at: new Date(`${month}-15T00:00:00Z`), month, free: 0, fromPacks: 0, billable: 3, receivedAt: t0 });
}

// Each suite closes months (global effects): its own database on PostgreSQL.
describeEachDatabase(
  "usage_events partitions and retention",
  (database) => {
    it("a month's first event makes its partition; rows written to the DEFAULT partition meanwhile move into it", async () => {
      const db = database().db;
      const m = await meteredAccount(db);
      expect(await m.report([{ id: "first", api: "processing.quality", calls: 2, at }])).toMatchObject([{ status: "accepted" }]);
      expect(await partitionOf(db, m.accountId, "first")).toBe("usage_events_2026_11");

      await rawEvent(db, m.accountId, "early", "2026-05");
      expect(await partitionOf(db, m.accountId, "early")).toBe("usage_events_default");
      await ensureMonthPartitions(db, ["2026-05"]);
      await ensureMonthPartitions(db, ["2026-05"]);
      expect(await partitionOf(db, m.accountId, "early")).toBe("usage_events_2026_05");
      expect((await monthPartitions(db)).map((p) => p.month)).toEqual(expect.arrayContaining(["2026-05", "2026-11"]));
    });

    it("the same event id: duplicate within its month, whatever the retries; the primary key holds the month", async () => {
      const m = await meteredAccount(database().db);
      await m.report([{ id: "r", api: "processing.quality", calls: 1, at }]);
      expect(await m.report([{ id: "r", api: "processing.quality", calls: 1, at }])).toEqual([{ id: "r", status: "duplicate" }]);
      const [row] = await database().db.select({ n: sql<number>`count(*)::int` }).from(usageEvents).where(eq(usageEvents.accountId, m.accountId));
      expect(row?.n).toBe(1);
    });

    it("drop-raw-events drops closed months past the kept ones, refuses open ones, keeps hourly totals, is audited and idempotent", async () => {
      const db = database().db;
      const m = await meteredAccount(db);
      await m.report([{ id: "x", api: "processing.quality", calls: 7, at }]);
      await rawEvent(db, m.accountId, "october", "2026-10");
      await db.insert(monthCloses).values({ month: "2026-11", startedAt: t0, finishedAt: t0 });
      const env = { handle: database(), now: new Date("2027-02-10T02:00:00Z") };

      const dry = await commands["drop-raw-events"]?.(env, { "keep-months": "1", "dry-run": "true" });
      expect(dry).toMatchObject({ through: "2026-12", dryRun: true, dropped: [{ month: "2026-11" }], refused: expect.arrayContaining([{ month: "2026-10", rows: 1, reason: "not-closed" }]) });
      expect(await exists(db, "usage_events_2026_11")).toBe(true);

      const done = await commands["drop-raw-events"]?.(env, { "keep-months": "1" });
      expect(done).toMatchObject({ dryRun: false, dropped: [{ month: "2026-11" }], refused: expect.arrayContaining([expect.objectContaining({ month: "2026-10" })]) });
      expect(await exists(db, "usage_events_2026_11")).toBe(false);
      expect(await partitionOf(db, m.accountId, "x")).toBeUndefined();
      expect(await partitionOf(db, m.accountId, "october")).toBe("usage_events_default");
      const [hour] = await db.select().from(usageHourly).where(eq(usageHourly.accountId, m.accountId));
      expect(hour).toMatchObject({ calls: 7, month: "2026-11" });
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "usage.raw-events-dropped"), eq(auditLog.target, "2026-11")));
      expect(audits).toHaveLength(1);

      expect(await commands["drop-raw-events"]?.(env, { "keep-months": "1" })).toMatchObject({ dropped: [], refused: expect.arrayContaining([expect.objectContaining({ month: "2026-10" })]) });
      // The id reported again after its raw events went: refused for its closed month, not counted.
      expect(await m.report([{ id: "x", api: "processing.quality", calls: 7, at }], env.now)).toMatchObject([{ id: "x", status: "rejected", error: { code: "closed-month" } }]);
      await expect(commands["drop-raw-events"]?.(env, { "keep-months": "0" })).rejects.toBeInstanceOf(OpsError);
    });
  },
  { isolated: true },
);

describePostgres("usage_events partitions made by racing processes", (database) => {
  it("ten concurrent first events of a new month make its partition once, and none fails", async () => {
    // A month no earlier run made: each connection of the pool races to create it.
    const month = `${2100 + Math.floor(Math.random() * 800)}-0${1 + Math.floor(Math.random() * 9)}`;
    const handles = await Promise.all(Array.from({ length: 10 }, () => openDatabase({ url: process.env.TEST_DATABASE_URL ?? "", maxConnections: 1 })));
    try {
      await Promise.all(handles.map((h) => ensureMonthPartitions(h.db, [month])));
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
    expect((await monthPartitions(database().db)).filter((p) => p.month === month)).toHaveLength(1);
  });
});

/** A copy of the migrations folder holding only those before `tag`. */
function migrationsBefore(folder: string, tag: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(folder, copy, { recursive: true });
  const journalPath = path.join(copy, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number; tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  for (const entry of journal.entries.slice(cut)) unlinkSync(path.join(copy, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return copy;
}

/** Migration 0012 on a database that already holds events (the table as 0003 made it). */
describe("migration 0012 converts a filled usage_events", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function check(handle: DatabaseHandle, migrateUpTo: (folder: string) => Promise<void>) {
    const folder = migrationsBefore(migrationsFolder, "0012_usage_events_partitioned");
    dirs.push(folder);
    await migrateUpTo(folder);
    const { db } = handle;
    for (const [id, month] of [["a", "2026-09"], ["b", "2026-10"], ["c", "2026-10"]] as const) {
      await db.execute(sql`insert into usage_events (account_id, event_id, api, calls, at, month, free, from_packs, billable, received_at)
        values ('00000000-0000-4000-8000-000000000001', ${id}, 'processing.quality', 1, now(), ${month}, 0, 0, 1, now())`);
    }
    await migrateDatabase(handle);
    const parts = rowsOf<{ part: string; n: number }>(await db.execute(sql`select tableoid::regclass::text as part, count(*)::int as n from usage_events group by 1 order by 1`));
    expect(parts).toEqual([
      { part: "usage_events_2026_09", n: 1 },
      { part: "usage_events_2026_10", n: 2 },
    ]);
    expect(await exists(db, "usage_events_unpartitioned")).toBe(false);
    expect(await exists(db, "usage_events_default")).toBe(true);
  }

  it("on PGlite", async () => {
    const handle = await openDatabase({ inMemory: true });
    try {
      await check(handle, (folder) => migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder: folder }));
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("on PostgreSQL", async () => {
    const handle = await openScratchDatabase(process.env.TEST_DATABASE_URL ?? "", { migrate: false });
    try {
      await check(handle, (folder) => migratePostgres(handle.db as unknown as PostgresJsDatabase<Schema>, { migrationsFolder: folder }));
    } finally {
      await handle.close();
    }
  });
});
