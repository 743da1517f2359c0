import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests run services directly.
      "server-only": fileURLToPath(new URL("./lib/tooling/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    // One database per worker on PostgreSQL (lib/tooling/testing/worker-databases.ts).
    globalSetup: ["./lib/tooling/testing/global-setup-workers.ts"],
    setupFiles: ["./lib/tooling/testing/worker-database.ts", "./lib/tooling/testing/wire-hooks.ts"],
    // One worker per core but one, at least two; global-setup-workers.ts makes a database for each.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
