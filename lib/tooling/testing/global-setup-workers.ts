import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { TestProject } from "vitest/node";
import { workerDatabaseName, workerDatabaseUrl } from "./worker-databases";

/** A migrated in-memory PGlite's data folder, written to `file` (read by pglite-template.ts). */
async function writePgliteTemplate(file: string): Promise<void> {
  const handle = await openDatabase({ inMemory: true });
  try {
    await migrateDatabase(handle);
    if (!handle.dump) throw new Error("an in-memory PGlite can be dumped");
    writeFileSync(file, Buffer.from(await (await handle.dump()).arrayBuffer()));
  } finally {
    await handle.close();
  }
}

/**
 * Before any worker starts: a migrated PGlite data folder for the suites to copy (pglite-template.ts)
 * and, on PostgreSQL, a fresh, migrated database per Vitest worker beside TEST_DATABASE_URL's
 * (lib/tooling/testing/worker-databases.ts); the setup file points each worker's TEST_DATABASE_URL
 * at its own. Dropped again when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templateDir = mkdtempSync(path.join(tmpdir(), "pglite-template-"));
  const templateFile = path.join(templateDir, "migrated.tar");
  await writePgliteTemplate(templateFile);
  project.provide("pgliteTemplate", templateFile);
  const removeTemplate = () => rmSync(templateDir, { recursive: true, force: true });
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return async () => removeTemplate();
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const server = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  const names = Array.from({ length: project.config.maxWorkers }, (_, i) => workerDatabaseName(base, i + 1));
  const recreate = async () => {
    for (const name of names) {
      await server.unsafe(`drop database if exists "${name}" with (force)`);
      await server.unsafe(`create database "${name}"`);
    }
  };
  await recreate();
  await Promise.all(
    names.map(async (_, i) => {
      const handle = await openDatabase({ url: workerDatabaseUrl(base, i + 1), maxConnections: 1 });
      try {
        await migrateDatabase(handle);
      } finally {
        await handle.close();
      }
    }),
  );
  return async () => {
    removeTemplate();
    for (const name of names) await server.unsafe(`drop database if exists "${name}" with (force)`);
    await server.end();
  };
}
