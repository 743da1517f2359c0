import "server-only";
import { openDatabase, type Database, type DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";

export type { Database } from "./client";

// One handle per server process; kept on globalThis so that dev-mode module reloads reuse it
// (PGlite allows a single open instance per data folder).
const holder = globalThis as unknown as { __billingDb?: Promise<DatabaseHandle> };

async function openAndMigrate(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  await migrateDatabase(handle);
  return handle;
}

/** The server's database. Migrates on first use so a server started without `npm start` is still up to date. */
export async function getDb(): Promise<Database> {
  holder.__billingDb ??= openAndMigrate();
  return (await holder.__billingDb).db;
}

/**
 * Opens (and migrates) the database while the server starts (instrumentation.ts), so the first
 * request does not wait for PGlite's WebAssembly, its data folder and the migration check (issue 19
 * item 11). A failure is logged and forgotten: the first request then opens it and reports it.
 */
export async function openDbAtStart(): Promise<void> {
  try {
    await getDb();
  } catch (error) {
    holder.__billingDb = undefined;
    console.error("The database could not be opened at start; the first request will try again:", error instanceof Error ? error.message : error);
  }
}

/** Closes the server's database (its pool) at a graceful stop; a later getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const pending = holder.__billingDb;
  holder.__billingDb = undefined;
  if (pending) await (await pending).close();
}
