import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { TestProject } from "vitest/node";
import { workerDatabaseName, workerDatabaseUrl } from "./worker-databases";

/**
 * Before any worker starts: a fresh, migrated database per Vitest worker beside TEST_DATABASE_URL's
 * (lib/tooling/testing/worker-databases.ts); the setup file points each worker's TEST_DATABASE_URL
 * at its own. Dropped again when the run ends.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return undefined;
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
    for (const name of names) await server.unsafe(`drop database if exists "${name}" with (force)`);
    await server.end();
  };
}
