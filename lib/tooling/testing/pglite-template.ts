import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** The file holding a migrated PGlite data folder (made once per run by the global setup), or "". */
    pgliteTemplate: string;
  }
}

/**
 * A fresh in-memory PGlite runs initdb (about two seconds of CPU) and then every migration; fifty-odd
 * suites open one. The global setup (global-setup-workers.ts) migrates one database once and writes
 * its data folder to a file; each suite opens a copy of it in half a second.
 */
let template: Blob | null | undefined;

function templateBlob(): Blob | null {
  if (template === undefined) {
    const file = inject("pgliteTemplate");
    template = file ? new Blob([readFileSync(file)]) : null;
  }
  return template;
}

/** A new in-memory PGlite with every migration applied: a copy of the run's template when there is one. */
export async function openMigratedPglite(): Promise<DatabaseHandle> {
  const dump = templateBlob();
  const handle = await openDatabase({ inMemory: true, ...(dump ? { fromDump: dump } : {}) });
  // Already migrated when copied: this only checks the migrations table, and applies any that are missing.
  await migrateDatabase(handle);
  return handle;
}
