/**
 * `npm test`: lint, type-check, unit and integration tests (Vitest; also on PostgreSQL when
 * TEST_DATABASE_URL is set), then the browser suite against a fresh production build, then the
 * production topology test on that build (nginx, two console instances, the metering service;
 * when TEST_DATABASE_URL and REDIS_URL are set and nginx is installed). Ends with one
 * `N passed, N failed` line summing every runner.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromiumExecutable } from "../../../e2e/browser";
import { nginxBinary } from "../server/nginx";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const reports = path.resolve(".test-data/reports");

const started = Date.now();

/** Minutes and seconds since `npm test` started: each step's header says when it began and ended (CI must stay under 25 minutes). */
function elapsed(): string {
  const seconds = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${title} (at ${elapsed()})`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`◀ ${title}: ${result.status === 0 ? "ok" : "failed"} (at ${elapsed()})`);
  return result.status === 0;
}

/**
 * Steps that each keep one core busy (eslint, tsc) run side by side, their output held and printed
 * whole, in order, when both are done: on a 2-core CI machine that halves the wait for the pair.
 */
async function stepsTogether(steps: { title: string; command: string; args: string[] }[]): Promise<boolean[]> {
  const results = await Promise.all(
    steps.map(
      ({ command, args }) =>
        new Promise<{ ok: boolean; output: string }>((resolve) => {
          const child = spawn(command, args, { env: process.env });
          let output = "";
          child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.on("error", (error) => resolve({ ok: false, output: output + String(error) }));
          child.on("close", (code) => resolve({ ok: code === 0, output }));
        }),
    ),
  );
  results.forEach((result, i) => {
    console.log(`\n▶ ${steps[i]?.title ?? ""}`);
    if (result.output) process.stdout.write(result.output);
    console.log(`◀ ${steps[i]?.title ?? ""}: ${result.ok ? "ok" : "failed"} (at ${elapsed()})`);
  });
  return results.map((result) => result.ok);
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

/** nginx + two console instances + the metering service on the build just made (lib/tooling/server/topology.e2e.ts). */
function runTopology(failures: string[]): Counts {
  const missing = [!process.env.TEST_DATABASE_URL && "TEST_DATABASE_URL", !process.env.REDIS_URL && "REDIS_URL", !nginxBinary() && "nginx (apt-get install -y nginx)"].filter(Boolean);
  if (missing.length > 0) {
    console.log(`\n(Production topology test not run: needs ${missing.join(", ")}; .ci/run provides them.)`);
    return { passed: 0, failed: 0, skipped: 0 };
  }
  const report = path.join(reports, "topology.json");
  if (!step("Production topology: nginx, two console instances, the metering service", bin("vitest"), ["run", "-c", "vitest.topology.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`])) failures.push("topology");
  return vitestCounts(report);
}

async function main(): Promise<number> {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const failures: string[] = [];

  const [linted, typed] = await stepsTogether([
    { title: "Lint", command: bin("eslint"), args: ["--max-warnings=0", "."] },
    { title: "Type-check", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  ]);
  if (!linted) failures.push("lint");
  if (!typed) failures.push("type-check");

  if (!process.env.TEST_DATABASE_URL) console.log("\n(TEST_DATABASE_URL is not set: the PostgreSQL-only suites are skipped; .ci/run sets it.)");
  const vitestReport = path.join(reports, "vitest.json");
  if (!step("Unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`])) failures.push("vitest");
  const unit = vitestCounts(vitestReport);

  let browser: Counts = { passed: 0, failed: 0, skipped: 0 };
  let topology: Counts = { passed: 0, failed: 0, skipped: 0 };
  if (process.env.SKIP_E2E === "1") {
    console.log("\n(SKIP_E2E=1: browser tests not run.)");
  } else if (!chromiumExecutable().found) {
    console.error(
      "\nNo Chromium for the browser tests. Install one: `apt-get install -y chromium` (Debian/Ubuntu), " +
        "or `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.",
    );
    failures.push("no browser");
    browser = { passed: 0, failed: 1, skipped: 0 };
  } else {
    if (!step("Production build for the browser tests", process.execPath, ["node_modules/next/dist/bin/next", "build"], { NEXT_TELEMETRY_DISABLED: "1" })) {
      failures.push("build");
    } else {
      const playwrightReport = path.join(reports, "playwright.json");
      const ok = step("Browser tests", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
      if (!ok) failures.push("playwright");
      browser = playwrightCounts(playwrightReport);
      // The Alipay journey (issue 20): PostgreSQL and the gateway simulator, its own configuration.
      if (process.env.TEST_DATABASE_URL) {
        const alipayReport = path.join(reports, "playwright-alipay.json");
        if (!step("Browser tests: the Alipay journey", bin("playwright"), ["test", "-c", "playwright.alipay.config.ts", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: alipayReport })) failures.push("playwright-alipay");
        const alipay = playwrightCounts(alipayReport);
        browser = { passed: browser.passed + alipay.passed, failed: browser.failed + alipay.failed, skipped: browser.skipped + alipay.skipped };
      } else console.log("\n(The Alipay browser journey needs TEST_DATABASE_URL: not run.)");
      topology = runTopology(failures);
    }
  }

  const total = { passed: unit.passed + browser.passed + topology.passed, failed: unit.failed + browser.failed + topology.failed, skipped: unit.skipped + browser.skipped + topology.skipped };
  console.log(`\nunit+integration: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
  console.log(`browser: ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`);
  console.log(`topology: ${topology.passed} passed, ${topology.failed} failed, ${topology.skipped} skipped`);
  if (failures.length > 0) console.log(`failed steps: ${failures.join(", ")}`);
  console.log(`all steps took ${elapsed()}`);
  console.log(`${total.passed} passed, ${total.failed + (failures.length > 0 && total.failed === 0 ? 1 : 0)} failed, ${total.skipped} skipped`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
