import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumExecutable, freePort } from "./e2e/browser";
import { alipayTestKeys, type AlipayTestKeys } from "./lib/tooling/testing/alipay-simulator";

/**
 * The Alipay journey (issue 20): the console on PostgreSQL (E2E_DATABASE_URL, else TEST_DATABASE_URL)
 * with PAYMENT_PROVIDER=alipay, pointed at the local gateway simulator (a second web server) by
 * ALIPAY_GATEWAY. `npx playwright test -c playwright.alipay.config.ts` after `npx next build`.
 * The default suite (playwright.config.ts) stays on the sandbox.
 */

process.env.E2E_PORT ??= String(await freePort());
process.env.ALIPAY_SIM_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= path.resolve(".test-data", `e2e-alipay-${process.env.E2E_PORT}`);
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!databaseUrl) throw new Error("the Alipay journey runs on PostgreSQL: set E2E_DATABASE_URL or TEST_DATABASE_URL");
// One key pair file for this run's processes (the config is evaluated again in each worker).
const keysFile = path.resolve(".test-data", `alipay-keys-${process.env.ALIPAY_SIM_PORT}.json`);
if (!existsSync(keysFile)) {
  mkdirSync(path.dirname(keysFile), { recursive: true });
  writeFileSync(keysFile, JSON.stringify(alipayTestKeys()));
}
const keys = JSON.parse(readFileSync(keysFile, "utf8")) as AlipayTestKeys;
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const browser = chromiumExecutable();

export default defineConfig({
  testDir: "./e2e/alipay",
  outputDir: "./test-results/alipay",
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: { baseURL, trace: process.env.CI ? "on-first-retry" : "retain-on-failure", screenshot: "only-on-failure", locale: "en-US", launchOptions: { executablePath: browser.path, args: CHROMIUM_FLAGS } },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: browser.path, args: CHROMIUM_FLAGS } } }],
  webServer: [
    {
      command: "node_modules/.bin/tsx lib/tooling/testing/alipay-sim-server.ts",
      url: `http://127.0.0.1:${process.env.ALIPAY_SIM_PORT}/gateway.do`,
      env: { ALIPAY_SIM_PORT: process.env.ALIPAY_SIM_PORT, ALIPAY_SIM_KEYS: keysFile },
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "node_modules/.bin/tsx --conditions=react-server lib/tooling/cli/e2e-server.ts",
      url: `${baseURL}/sign-in`,
      env: {
        E2E_DATABASE_URL: databaseUrl,
        PAYMENT_PROVIDER: "alipay",
        APP_URL: baseURL,
        ALIPAY_APP_ID: keys.appId,
        ALIPAY_PRIVATE_KEY: keys.appPrivateKey,
        ALIPAY_PUBLIC_KEY: keys.alipayPublicKey,
        ALIPAY_GATEWAY: `http://127.0.0.1:${process.env.ALIPAY_SIM_PORT}/gateway.do`,
      },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
