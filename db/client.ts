import path from "node:path";
import { appendFileSync, mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { lockEmbeddedDatabase } from "./embedded-lock";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database or a transaction: queries take this first so they run on PGlite, PostgreSQL, or inside a caller's transaction. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Where the data is, for messages: a redacted URL or a folder. */
  location: string;
  close(): Promise<void>;
  /** An in-memory PGlite's data folder as a tar, to open copies of it (`fromDump`). */
  dump?: () => Promise<Blob>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent, the embedded PGlite database in `dataDir` is used. */
  url?: string;
  dataDir?: string;
  /** Connections in the PostgreSQL pool. */
  maxConnections?: number;
  /** PGlite in memory, for tests: nothing is written to disk. */
  inMemory?: boolean;
  /**
   * With `inMemory`: start from this dump of a data folder (PGlite's `dumpDataDir`) instead of an
   * empty cluster. The tests open one already migrated (lib/tooling/testing/pglite-template.ts):
   * a fresh PGlite runs initdb, two seconds of CPU each time.
   */
  fromDump?: Blob;
}

/** The git-ignored folder that holds the embedded database and generated secrets. */
export function defaultDataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.DATA_DIR ?? ".data");
}

/**
 * DB_QUERY_LOG=<file>: every statement the server sends is appended to that file, one line each
 * (a diagnostic for `npm run bench -- pages`, which counts the lines a page adds: docs/scaling.md
 * "First views"). Off unless set; never in production.
 */
function queryLogger(): { logQuery(query: string): void } | undefined {
  const file = process.env.DB_QUERY_LOG;
  if (!file) return undefined;
  return { logQuery: (query) => appendFileSync(file, `${query.replace(/\s+/g, " ").slice(0, 300)}\n`) };
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const logger = queryLogger();
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // numeric stays a string: money never passes through a JS number.
      types: {},
    });
    const db = drizzlePostgres({ client, schema, logger }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      location: redactUrl(options.url),
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (options.inMemory) {
    const client = await PGlite.create(options.fromDump ? { loadDataDir: options.fromDump } : {});
    const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
    return { db, kind: "pglite", location: "memory", close: () => client.close(), dump: () => client.dumpDataDir("none") };
  }
  const dir = path.join(options.dataDir ?? defaultDataDir(), "pglite");
  mkdirSync(dir, { recursive: true });
  const release = lockEmbeddedDatabase(dir);
  let client: PGlite;
  try {
    client = await PGlite.create(dir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    location: dir,
    close: async () => {
      await client.close();
      release();
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}
