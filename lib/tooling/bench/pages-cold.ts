import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
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
  /** Database statements the server sent while answering (its DB_QUERY_LOG lines). */
  queries: number;
}

/** Lines in the server's query log so far (db/client.ts DB_QUERY_LOG). */
function loggedQueries(file: string | null): number {
  if (!file || !existsSync(file)) return 0;
  return readFileSync(file, "utf8").split("\n").length - 1;
}

async function timeRequest(url: string, cookie: string | null, pid = 0, queryLog: string | null = null): Promise<Timing> {
  const cpuBefore = pid ? processCpuMs(pid) : 0;
  const queriesBefore = loggedQueries(queryLog);
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual", headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } });
  const ttfb = performance.now() - started;
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  return { ttfb, total: performance.now() - started, cpu: pid ? processCpuMs(pid) - cpuBefore : 0, queries: loggedQueries(queryLog) - queriesBefore };
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
async function startCold(dataDir: string, queryLog: string | null = null): Promise<StartedServer & { settledMs: number; startupCpuMs: number }> {
  const started = performance.now();
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET, RUN_DUE_INTERVAL_MS: "0", ...(queryLog ? { DB_QUERY_LOG: queryLog } : {}) }, "next", staticChunk());
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
  /** Database statements of one warm request (the same on every one). */
  queries: number;
}

async function httpPass(dataDir: string, login: { email: string; password: string }): Promise<{ rows: HttpRow[]; signIn: number; staticMs: number; settledMs: number; startupCpuMs: number }> {
  const queryLog = path.join(dataDir, "bench-queries.log");
  rmSync(queryLog, { force: true });
  const server = await startCold(dataDir, queryLog);
  try {
    const rows: HttpRow[] = [];
    const publicCold = await timeRequest(`${server.url}${COLD_PUBLIC_PAGE}`, null, server.pid, queryLog);
    let started = performance.now();
    const cookie = await signInCookie(server.url, login.email, login.password);
    const signIn = performance.now() - started;
    const colds = new Map<string, Timing>();
    for (const page of COLD_CONSOLE_PAGES) colds.set(page, await timeRequest(`${server.url}${page}`, cookie, server.pid, queryLog));
    for (const [page, cookieOf] of [[COLD_PUBLIC_PAGE, null], ...COLD_CONSOLE_PAGES.map((p) => [p, cookie] as const)] as const) {
      const warm: Timing[] = [];
      for (let i = 0; i < WARM_REQUESTS; i++) warm.push(await timeRequest(`${server.url}${page}`, cookieOf, server.pid, queryLog));
      rows.push({
        page,
        cold: page === COLD_PUBLIC_PAGE ? publicCold : (colds.get(page) ?? publicCold),
        warm: median(warm.map((one) => one.total)),
        warmCpu: median(warm.map((one) => one.cpu)),
        queries: median(warm.map((one) => one.queries)),
      });
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
  /** Largest contentful paint. */
  lcp: number;
  /** Requests the page made until load (the document included), and how many of them after it, within SETTLE_MS. */
  requests: number;
  afterLoad: number;
  /** Bytes of JavaScript, of CSS, and of the page's own requests to the server (the document, RSC and API answers). */
  jsBytes: number;
  cssBytes: number;
  fontRequests: number;
  /** The server's CPU time from navigation to load, and in the SETTLE_MS after it (link prefetches, live queries). */
  serverCpu: number;
  serverCpuAfter: number;
  /** Each request: when it started and ended (ms from navigation start), what it was, its size. */
  waterfall: { start: number; end: number; type: string; url: string; bytes: number }[];
}

/** After load, how long requests the page makes by itself (prefetches, live queries) are still counted. */
const SETTLE_MS = 1_500;

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
        const cpuStart = processCpuMs(server.pid);
        await tab.goto(`${server.url}${page}`, { waitUntil: "load" });
        const cpuLoaded = processCpuMs(server.pid);
        // Requests the page makes by itself just after load (link prefetches, live queries) count too.
        await tab.waitForTimeout(SETTLE_MS);
        const cpuSettled = processCpuMs(server.pid);
        const timing = await tab.evaluate(async () => {
          const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
          const lcp = await new Promise<number>((resolve) => {
            new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? 0)).observe({ type: "largest-contentful-paint", buffered: true });
            setTimeout(() => resolve(0), 200);
          });
          const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
          const waterfall = [
            { start: 0, end: entry.responseEnd, type: "document", url: location.pathname, bytes: entry.encodedBodySize },
            ...resources.map((r) => ({
              start: r.startTime,
              end: r.responseEnd,
              type: r.name.endsWith(".js") ? "script" : r.name.endsWith(".css") ? "css" : /\.(woff2?|ttf|otf)$/.test(r.name) ? "font" : r.initiatorType,
              url: r.name.replace(location.origin, ""),
              bytes: r.encodedBodySize,
            })),
          ];
          return { ttfb: entry.responseStart, paint, domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd, lcp, waterfall };
        });
        const sum = (type: string) => timing.waterfall.filter((r) => r.type === type).reduce((total, r) => total + r.bytes, 0);
        rows.push({
          page,
          pass,
          ...timing,
          requests: timing.waterfall.filter((r) => r.start <= timing.load).length,
          afterLoad: timing.waterfall.filter((r) => r.start > timing.load).length,
          jsBytes: sum("script"),
          cssBytes: sum("css"),
          fontRequests: timing.waterfall.filter((r) => r.type === "font").length,
          serverCpu: cpuLoaded - cpuStart,
          serverCpuAfter: cpuSettled - cpuLoaded,
        });
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
    console.log(`    ${"page".padEnd(10)} ${"cold TTFB".padStart(9)} ${"cold".padStart(6)} ${"CPU".padStart(6)} ${"warm".padStart(6)} ${"CPU".padStart(6)} ${"cold÷warm".padStart(9)} ${"warm÷static".padStart(11)} ${"queries".padStart(7)}`);
    for (const row of http.rows) {
      console.log(
        `    ${row.page.padEnd(10)} ${ms(row.cold.ttfb).padStart(9)} ${ms(row.cold.total)} ${ms(row.cold.cpu)} ${ms(row.warm)} ${ms(row.warmCpu)} ${(row.cold.total / row.warm).toFixed(1).padStart(9)} ${(row.warm / http.staticMs).toFixed(1).padStart(11)} ${String(row.queries).padStart(7)}`,
      );
    }
    const figures: BenchFigure[] = [
      { label: "cold: a static chunk, warm (median, the run's baseline)", value: http.staticMs, unit: "ms" },
      ...http.rows.map((row) => ({
        label: `cold: ${row.page} first request after start / warm median`,
        value: row.cold.total,
        unit: `ms / ${row.warm.toFixed(0)} ms (server CPU ${row.cold.cpu.toFixed(0)} / ${row.warmCpu.toFixed(0)} ms; warm ${(row.warm / http.staticMs).toFixed(1)} × static; ${row.queries} database statements)`,
      })),
    ];
    const executablePath = chromiumPath();
    if (!executablePath) {
      console.log("  browser pass skipped: no Chromium (set PLAYWRIGHT_CHROMIUM_PATH)");
      return figures;
    }
    const rows = await browserPass(dataDir, login, executablePath);
    console.log("  browser, each page in a fresh context (nothing cached), navigation timing in ms:");
    console.log(
      `    ${"page".padEnd(10)} ${"pass".padEnd(12)} ${"TTFB".padStart(6)} ${"FCP".padStart(6)} ${"LCP".padStart(6)} ${"DCL".padStart(6)} ${"load".padStart(6)} ${"reqs".padStart(5)} ${"+after".padStart(6)} ${"JS kB".padStart(6)} ${"CSS kB".padStart(6)} ${"fonts".padStart(5)} ${"srv CPU".padStart(7)} ${"+after".padStart(6)}`,
    );
    for (const row of rows) {
      console.log(
        `    ${row.page.padEnd(10)} ${row.pass.padEnd(12)} ${ms(row.ttfb)} ${ms(row.paint)} ${ms(row.lcp)} ${ms(row.domContentLoaded)} ${ms(row.load)} ${String(row.requests).padStart(5)} ${String(row.afterLoad).padStart(6)} ${(row.jsBytes / 1024).toFixed(0).padStart(6)} ${(row.cssBytes / 1024).toFixed(0).padStart(6)} ${String(row.fontRequests).padStart(5)} ${String(row.serverCpu).padStart(7)} ${String(row.serverCpuAfter).padStart(6)}`,
      );
    }
    // BENCH_COLD_WATERFALL=1 prints every request of the first console page on the fresh server and of the same page warm.
    if (process.env.BENCH_COLD_WATERFALL === "1") {
      for (const row of rows.filter((one) => one.page === COLD_CONSOLE_PAGES[0])) {
        console.log(`  waterfall of ${row.page}, ${row.pass} (ms from navigation start):`);
        for (const r of [...row.waterfall].sort((a, b) => a.start - b.start)) console.log(`    ${ms(r.start)} ${ms(r.end)} ${r.type.padEnd(15)} ${(r.bytes / 1024).toFixed(1).padStart(6)} kB  ${r.url.slice(0, 90)}`);
      }
    }
    const cold = rows.filter((row) => row.pass === "cold server");
    figures.push(
      { label: "cold: browser load of the first console page on a fresh server", value: cold.find((row) => row.page === "/")?.load ?? 0, unit: "ms" },
      { label: "cold: browser load, median of the console pages (fresh server, nothing cached)", value: median(cold.filter((row) => row.page !== COLD_PUBLIC_PAGE).map((row) => row.load)), unit: "ms (target < 1,000)" },
      { label: "cold: browser load, median of the console pages (warm server, nothing cached)", value: median(rows.filter((row) => row.pass === "warm server" && row.page !== COLD_PUBLIC_PAGE).map((row) => row.load)), unit: "ms" },
      { label: "cold: JavaScript per console page, median (uncompressed, as next start serves it)", value: median(cold.filter((row) => row.page !== COLD_PUBLIC_PAGE).map((row) => row.jsBytes / 1024)), unit: "kB" },
      { label: "cold: requests per console page until load, median / after load", value: median(cold.filter((row) => row.page !== COLD_PUBLIC_PAGE).map((row) => row.requests)), unit: `/ ${median(cold.filter((row) => row.page !== COLD_PUBLIC_PAGE).map((row) => row.afterLoad))}` },
    );
    console.log(`  (cold pass took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return figures;
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}
