/**
 * Vitest setup file: this worker's TEST_DATABASE_URL is its own database, made and migrated by
 * global-setup-workers.ts (see worker-databases.ts for why).
 */
import { workerDatabaseUrl } from "./worker-databases";

const base = process.env.TEST_DATABASE_URL;
const poolId = Number(process.env.VITEST_POOL_ID);
if (base && Number.isInteger(poolId) && poolId > 0 && !process.env.TEST_DATABASE_BASE_URL) {
  process.env.TEST_DATABASE_BASE_URL = base;
  process.env.TEST_DATABASE_URL = workerDatabaseUrl(base, poolId);
}
