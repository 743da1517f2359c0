import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumExecutable, freePort } from "./e2e/browser";


process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= path.resolve(".test-data", `e2e-${process.env.E2E_PORT}`);
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const browser = chromiumExecutable();

export default defineConfig({
  testDir: "./e2e",
  // The Alipay journey has its own servers (PostgreSQL, the gateway simulator): playwright.alipay.config.ts.
  testIgnore: ["alipay/**"],
  outputDir: "./test-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    launchOptions: { executablePath: browser.path, args: CHROMIUM_FLAGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: browser.path, args: CHROMIUM_FLAGS } } }],
  webServer: {
    // A production build (made by `npm test` before this runs) on its own fresh embedded database.
    command: "node_modules/.bin/tsx --conditions=react-server lib/tooling/cli/e2e-server.ts",
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
