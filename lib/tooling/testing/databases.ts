import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { openMigratedPglite } from "./pglite-template";
import { createScratchDatabase } from "./scratch-database";

/**
 * Runs a suite on a fresh in-memory PGlite, and again on real PostgreSQL when TEST_DATABASE_URL is
 * set (migrated once by the global setup). Tests make their own data (unique emails), so suites
 * share the PostgreSQL database without cleaning up.
 */
export function describeEachDatabase(name: string, suite: (get: () => DatabaseHandle) => void, options: { isolated?: boolean } = {}): void {
  const targets: { label: string; open: () => Promise<DatabaseHandle> }[] = [
    {
      label: "pglite",
      open: openMigratedPglite,
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ label: "postgres", open: () => (options.isolated ? openScratchDatabase(url) : openDatabase({ url, maxConnections: 20 })) });
  for (const target of targets) {
    describe(`${name} [${target.label}]`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await target.open();
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error("database not open yet");
        return handle;
      });
    });
  }
}

/**
 * Connections per race suite: enough for dozens of transactions to contend at once, and two Vitest
 * workers' race suites at once (2 × 36, with a few small handles beside them) stay below PostgreSQL's default
 * max_connections of 100.
 */
const RACE_POOL = 36;

/** Only on real PostgreSQL: concurrency and race suites (PGlite has one connection and no real locking). */
export function describePostgres(name: string, suite: (get: () => DatabaseHandle) => void): void {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    describe.skipIf(true)(`${name} [postgres: set TEST_DATABASE_URL]`, () => {});
    return;
  }
  describe(`${name} [postgres]`, () => {
    let handle: DatabaseHandle | undefined;
    beforeAll(async () => {
      handle = await openDatabase({ url, maxConnections: RACE_POOL });
    });
    afterAll(async () => {
      await handle?.close();
    });
    suite(() => {
      if (!handle) throw new Error("database not open yet");
      return handle;
    });
  });
}

/**
 * A database of its own on the PostgreSQL server of `baseUrl`, migrated, dropped when closed: for
 * suites whose effects are global (the monthly close bills every account; closing a month refuses its
 * usage), so they neither disturb other suites nor depend on what earlier runs left behind.
 */
export async function openScratchDatabase(baseUrl: string, options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const scratch = await createScratchDatabase(baseUrl, "scratch");
  const handle = await openDatabase({ url: scratch.url, maxConnections: 20 });
  if (options.migrate !== false) await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@test.example`;
}
