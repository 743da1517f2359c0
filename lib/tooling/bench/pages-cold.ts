import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { ServiceContext } from "@/lib/context";
import { readDemoLogin } from "@/lib/identity/demo";
import { seedDemo } from "@/lib/tooling/demo/seed";
import type { BenchFigure } from "./bench";
import { processCpuMs, signInCookie } from "./pages-http";
import { startServer, type StartedServer } from "./server";

/**
 * First views (issue 19 item 11): what `npm start` on the embedded database (PGlite) answers the
 * first time each page is asked for after the server starts, against the same page once warm and a
 * static file of the same server in the same run (so a busy machine shows as a slower baseline, not
 * as a slower page). Two passes, each on a freshly started server:
 *
 * - HTTP: the first request of each page (time to first byte and to the last byte), then the
 *   median of WARM_REQUESTS more, and the median of a static chunk's;
 * - browser (Chromium, when there is one): each page in a fresh browser context (nothing cached),
 *   navigation timing's first byte, DOMContentLoaded and load, first on the cold server, then again.
 *
 * Durations are printed and reported, never asserted (a test must not time anything).
 */
export const COLD_CONSOLE_PAGES = ["/", "/api-keys", "/balance", "/security", "/packs", "/usage"] as const;
/** Asked for first, before signing in: the prerendered sign-up page (its copy per language). */
const COLD_PUBLIC_PAGE = "/sign-up";
const WARM_REQUESTS = Number.parseInt(process.env.BENCH_COLD_WARM_REQUESTS ?? "10", 10);
const AUTH_SECRET = "bench-only-secret-0123456789abcdef";

interface Timing {
  ttfb: number;
  total: number;
  /** The server process's CPU time spent while answering (nothing else runs in it then). */
  cpu: number;
}

async function timeRequest(url: string, cookie: string | null, pid = 0): Promise<Timing> {
  const cpuBefore = pid ? processCpuMs(pid) : 0;
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual", headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } });
  const ttfb = performance.now() - started;
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  return { ttfb, total: performance.now() - started, cpu: pid ? processCpuMs(pid) - cpuBefore : 0 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : ((sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) + (sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0)) / 2;
};

function staticChunk(): string {
  const chunk = readdirSync(path.resolve(".next/static/chunks")).find((name) => name.endsWith(".js"));
  if (!chunk) throw new Error("no file in .next/static/chunks");
  return `/_next/static/chunks/${chunk}`;
}

/** A PGlite data folder with the demo company, as `npm start`'s first start makes it. */
async function seedPglite(dataDir: string): Promise<{ email: string; password: string }> {
  const handle = await openDatabase({ dataDir });
  try {
    await migrateDatabase(handle);
    const ctx: ServiceContext = { db: handle.db, actor: { type: "system", reason: "bench" }, now: new Date() };
    const demo = await seedDemo({ ctx, dataDir });
    // A folder seeded by an earlier run: the demo's password is in its login file.
    return { email: demo.email, password: demo.password ?? readDemoLogin(dataDir)?.password ?? "" };
  } finally {
    await handle.close();
  }
}

/**
 * `npm start`'s server on the data folder; ready when a static file answers, so no page is asked
 * for before the measurement; then left until its CPU time stops growing (Next loads every route's
 * module in the background after it starts: a person opens the console seconds after "Ready", not
 * while that runs). The minute-by-minute run-due loop is off, so its first run does not land in a
 * measurement.
 */
async function startCold(dataDir: string): Promise<StartedServer & { settledMs: number; startupCpuMs: number }> {
  const started = performance.now();
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET, RUN_DUE_INTERVAL_MS: "0" }, "next", staticChunk());
  let cpu = processCpuMs(server.pid);
  for (let quiet = 0, waited = 0; quiet < 2 && waited < 60_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = processCpuMs(server.pid);
    quiet = now - cpu <= 20 ? quiet + 1 : 0;
    cpu = now;
  }
  return { ...server, settledMs: performance.now() - started, startupCpuMs: cpu };
}

async function stop(server: StartedServer): Promise<void> {
  server.stop();
  await server.exited;
}

interface HttpRow {
  page: string;
  cold: Timing;
  warm: number;
  warmCpu: number;
}

async function httpPass(dataDir: string, login: { email: string; password: string }): Promise<{ rows: HttpRow[]; signIn: number; staticMs: number; settledMs: number; startupCpuMs: number }> {
  const server = await startCold(dataDir);
  try {
    const rows: HttpRow[] = [];
    const publicCold = await timeRequest(`${server.url}${COLD_PUBLIC_PAGE}`, null, server.pid);
    let started = performance.now();
    const cookie = await signInCookie(server.url, login.email, login.password);
    const signIn = performance.now() - started;
    const colds = new Map<string, Timing>();
    for (const page of COLD_CONSOLE_PAGES) colds.set(page, await timeRequest(`${server.url}${page}`, cookie, server.pid));
    for (const [page, cookieOf] of [[COLD_PUBLIC_PAGE, null], ...COLD_CONSOLE_PAGES.map((p) => [p, cookie] as const)] as const) {
      const warm: Timing[] = [];
      for (let i = 0; i < WARM_REQUESTS; i++) warm.push(await timeRequest(`${server.url}${page}`, cookieOf, server.pid));
      rows.push({ page, cold: page === COLD_PUBLIC_PAGE ? publicCold : (colds.get(page) ?? publicCold), warm: median(warm.map((one) => one.total)), warmCpu: median(warm.map((one) => one.cpu)) });
    }
    const asset = `${server.url}${staticChunk()}`;
    const staticTimes: number[] = [];
    started = performance.now();
    for (let i = 0; i < WARM_REQUESTS * 2; i++) {
      const one = performance.now();
      await (await fetch(asset)).arrayBuffer();
      staticTimes.push(performance.now() - one);
    }
    return { rows, signIn, staticMs: median(staticTimes), settledMs: server.settledMs, startupCpuMs: server.startupCpuMs };
  } finally {
    await stop(server);
  }
}

interface BrowserRow {
  page: string;
  pass: "cold server" | "warm server";
  ttfb: number;
  /** First contentful paint: when the person first sees the page. */
  paint: number;
  domContentLoaded: number;
  load: number;
}

function chromiumPath(): string | null {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
  return existsSync(configured) ? configured : null;
}

async function browserPass(dataDir: string, login: { email: string; password: string }, executablePath: string): Promise<BrowserRow[]> {
  const server = await startCold(dataDir);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const rows: BrowserRow[] = [];
    let cookie: string | null = null;
    for (const pass of ["cold server", "warm server"] as const) {
      for (const page of [COLD_PUBLIC_PAGE, ...COLD_CONSOLE_PAGES]) {
        const context = await browser.newContext();
        if (page !== COLD_PUBLIC_PAGE) {
          cookie ??= await signInCookie(server.url, login.email, login.password);
          await context.addCookies(
            cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: server.url })),
          );
        }
        const tab = await context.newPage();
        await tab.goto(`${server.url}${page}`, { waitUntil: "load" });
        const timing = await tab.evaluate(() => {
          const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
          return { ttfb: entry.responseStart, paint, domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd };
        });
        rows.push({ page, pass, ...timing });
        await context.close();
      }
    }
    return rows;
  } finally {
    await browser.close();
    await stop(server);
  }
}

const ms = (value: number) => value.toFixed(0).padStart(6);

export async function measureColdPages(): Promise<BenchFigure[]> {
  // BENCH_COLD_DATA_DIR keeps the seeded folder between runs (the demo's two years take a minute or two to seed).
  const kept = process.env.BENCH_COLD_DATA_DIR;
  const dataDir = kept ? path.resolve(kept) : mkdtempSync(path.join(tmpdir(), "bench-cold-"));
  try {
    let started = performance.now();
    const login = await seedPglite(dataDir);
    console.log(`  cold first views: seeded the demo company on PGlite in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const http = await httpPass(dataDir, login);
    console.log(
      `  HTTP, a fresh \`next start\` on PGlite (idle ${(http.settledMs / 1000).toFixed(1)} s after start, ${(http.startupCpuMs / 1000).toFixed(1)} s of CPU; sign-in ${ms(http.signIn)} ms; a static chunk ${http.staticMs.toFixed(1)} ms warm, median):`,
    );
    console.log(`    ${"page".padEnd(10)} ${"cold TTFB".padStart(9)} ${"cold".padStart(6)} ${"CPU".padStart(6)} ${"warm".padStart(6)} ${"CPU".padStart(6)} ${"cold÷warm".padStart(9)} ${"warm÷static".padStart(11)}`);
    for (const row of http.rows) {
      console.log(
        `    ${row.page.padEnd(10)} ${ms(row.cold.ttfb).padStart(9)} ${ms(row.cold.total)} ${ms(row.cold.cpu)} ${ms(row.warm)} ${ms(row.warmCpu)} ${(row.cold.total / row.warm).toFixed(1).padStart(9)} ${(row.warm / http.staticMs).toFixed(1).padStart(11)}`,
      );
    }
    const figures: BenchFigure[] = [
      { label: "cold: a static chunk, warm (median, the run's baseline)", value: http.staticMs, unit: "ms" },
      ...http.rows.map((row) => ({
        label: `cold: ${row.page} first request after start / warm median`,
        value: row.cold.total,
        unit: `ms / ${row.warm.toFixed(0)} ms (server CPU ${row.cold.cpu.toFixed(0)} / ${row.warmCpu.toFixed(0)} ms; warm ${(row.warm / http.staticMs).toFixed(1)} × static)`,
      })),
    ];
    const executablePath = chromiumPath();
    if (!executablePath) {
      console.log("  browser pass skipped: no Chromium (set PLAYWRIGHT_CHROMIUM_PATH)");
      return figures;
    }
    const rows = await browserPass(dataDir, login, executablePath);
    console.log("  browser, each page in a fresh context (nothing cached), navigation timing in ms:");
    console.log(`    ${"page".padEnd(10)} ${"pass".padEnd(12)} ${"TTFB".padStart(6)} ${"FCP".padStart(6)} ${"DCL".padStart(6)} ${"load".padStart(6)}`);
    for (const row of rows) console.log(`    ${row.page.padEnd(10)} ${row.pass.padEnd(12)} ${ms(row.ttfb)} ${ms(row.paint)} ${ms(row.domContentLoaded)} ${ms(row.load)}`);
    const cold = rows.filter((row) => row.pass === "cold server");
    figures.push(
      { label: "cold: browser load of the first console page on a fresh server", value: cold.find((row) => row.page === "/")?.load ?? 0, unit: "ms" },
      { label: "cold: browser load, median of the console pages (fresh server, nothing cached)", value: median(cold.filter((row) => row.page !== COLD_PUBLIC_PAGE).map((row) => row.load)), unit: "ms (target < 1,000)" },
      { label: "cold: browser load, median of the console pages (warm server, nothing cached)", value: median(rows.filter((row) => row.pass === "warm server" && row.page !== COLD_PUBLIC_PAGE).map((row) => row.load)), unit: "ms" },
    );
    console.log(`  (cold pass took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return figures;
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}
