import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The production topology test (issue 18 item 7): nginx, two console instances and the metering
 * service, on the production build. Run by `npm test` after the build (lib/tooling/cli/test.ts),
 * not with the unit suites: `npx vitest run -c vitest.topology.config.ts`.
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["lib/tooling/server/topology.e2e.ts"],
    environment: "node",
    globalSetup: ["./lib/tooling/testing/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
