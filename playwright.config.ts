import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumExecutable, freePort } from "./e2e/browser";


process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= path.resolve(".test-data", `e2e-${process.env.E2E_PORT}`);
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
// With TEST_DATABASE_URL (CI sets it), the server runs on a scratch PostgreSQL database beside it,
// dropped when it stops: the Node process then only renders, while PostgreSQL answers on the other
// core (in-process PGlite runs every query on the server's one thread). Without it, the embedded
// database in E2E_DATA_DIR, as `npm start` runs. Either way the sandbox takes top-ups.
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const browser = chromiumExecutable();

export default defineConfig({
  testDir: "./e2e",
  // The Alipay journey has its own servers (PostgreSQL, the gateway simulator): playwright.alipay.config.ts.
  testIgnore: ["alipay/**"],
  outputDir: "./test-results",
  fullyParallel: true,
  // Three on the 2-core CI machine: a test mostly waits (for the server, the database, the browser),
  // so a third keeps both cores busy; each test's timeouts leave room for the contention.
  workers: process.env.CI ? 3 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    // Recording a trace costs every test about a sixth more CPU (measured on live + wallet: 68 s → 58 s);
    // in CI a failed test is retried once, with its trace, so the failure is still recorded.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    launchOptions: { executablePath: browser.path, args: CHROMIUM_FLAGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: browser.path, args: CHROMIUM_FLAGS } } }],
  webServer: {
    // A production build (made by `npm test` before this runs) on its own fresh database.
    command: "node_modules/.bin/tsx --conditions=react-server lib/tooling/cli/e2e-server.ts",
    url: `${baseURL}/sign-in`,
    env: { ...(databaseUrl ? { E2E_DATABASE_URL: databaseUrl } : {}), PAYMENT_PROVIDER: "sandbox" },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
