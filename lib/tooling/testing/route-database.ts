import type { DatabaseHandle } from "@/db/client";

/**
 * Route handlers reach the database through `getDb()` (db/index.ts), one handle per process kept on
 * globalThis. A test that calls a real route handler points that holder at its own handle.
 */
export function useDatabaseForRoutes(handle: DatabaseHandle): void {
  (globalThis as unknown as { __billingDb?: Promise<DatabaseHandle> }).__billingDb = Promise.resolve(handle);
}
