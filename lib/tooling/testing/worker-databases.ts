/**
 * Vitest runs test files in parallel workers (vitest.config.ts: two on a 2-core machine, one fewer than
 * the cores on a bigger one). The suites were written for one shared PostgreSQL database used by one file at a
 * time (the monthly close and run-due act on every account they find), so each worker gets a
 * database of its own beside TEST_DATABASE_URL's: files within a worker still run one at a time on
 * it, exactly as before, and workers never see each other's rows.
 */

/** `postgres://…/test` → `postgres://…/test_w2` for Vitest's pool id 2. */
export function workerDatabaseUrl(baseUrl: string, poolId: number): string {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}_w${poolId}`;
  return url.toString();
}

export function workerDatabaseName(baseUrl: string, poolId: number): string {
  return new URL(workerDatabaseUrl(baseUrl, poolId)).pathname.slice(1);
}
