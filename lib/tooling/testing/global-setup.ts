import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Migrates the PostgreSQL test database once, before any worker uses it. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const handle = await openDatabase({ url, maxConnections: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}
