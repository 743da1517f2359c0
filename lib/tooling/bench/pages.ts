import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { ServiceContext } from "@/lib/context";
import { seedDemo } from "@/lib/tooling/demo/seed";
import { monthOf, previousMonth } from "@/lib/pricing";
import type { Bench, BenchFigure } from "./bench";
import { measureColdPages } from "./pages-cold";
import { fetchPage, pageBytes, processCpuMs, signInCookie } from "./pages-http";
import { BENCH_PASSWORD, NEW_EMAIL, seedNewAccount, seedTenYearAccount, TEN_YEAR_EMAIL } from "./pages-seed";
import { benchDatabaseBase, ensureProductionBuild, withScratchDatabase } from "./scratch";
import { drive, percentile, startServer, type StartedServer } from "./server";

/** Requests per page and concurrency (BENCH_PAGES_REQUESTS); at 1 connection half as many. */
const REQUESTS = Number.parseInt(process.env.BENCH_PAGES_REQUESTS ?? "100", 10);
const WARM_UP = 5;
const CONCURRENCIES = [1, 25] as const;
const PUBLIC_PAGES = ["/calculator", "/sign-in", "/sign-up", "/prices/scan"] as const;

interface PageRun {
  account: string;
  page: string;
  connections: number;
  cpuMs: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  raw: number;
  gzip: number;
}

async function measurePage(server: StartedServer, account: string, page: string, cookie: string | null, connections: number): Promise<PageRun> {
  const url = `${server.url}${page}`;
  let bytes = { raw: 0, gzip: 0 };
  await drive(WARM_UP, Math.min(connections, WARM_UP), async () => {
    const body = await fetchPage(url, cookie);
    bytes = pageBytes(body);
    // BENCH_PAGES_DUMP=/some/dir keeps one copy of each page's document, to see what makes it heavy.
    if (process.env.BENCH_PAGES_DUMP) writeFileSync(path.join(process.env.BENCH_PAGES_DUMP, `${account}${page.replace(/\//g, "_")}.html`), body);
  });
  const count = connections === 1 ? Math.max(10, Math.round(REQUESTS / 2)) : REQUESTS;
  const before = processCpuMs(server.pid);
  const run = await drive(count, connections, async () => {
    await fetchPage(url, cookie);
  });
  const cpuMs = (processCpuMs(server.pid) - before) / count;
  return { account, page, connections, cpuMs, perSecond: count / run.seconds, p50: percentile(run.latencies, 50), p95: percentile(run.latencies, 95), p99: percentile(run.latencies, 99), ...bytes };
}

function staticAsset(): string {
  const chunks = readdirSync(path.resolve(".next/static/chunks")).filter((name) => name.endsWith(".js"));
  if (!chunks[0]) throw new Error("no file in .next/static/chunks");
  return `/_next/static/chunks/${chunks[0]}`;
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const fixed = (value: number, digits = 1) => value.toFixed(digits);

function printTable(runs: PageRun[], staticRate: number): void {
  console.log(`  ${"account".padEnd(9)} ${"page".padEnd(16)} ${pad("conns", 5)} ${pad("CPU ms", 7)} ${pad("pages/s", 8)} ${pad("p50", 7)} ${pad("p95", 7)} ${pad("p99", 7)} ${pad("raw kB", 7)} ${pad("gzip kB", 7)} ${pad("×static", 7)}`);
  for (const r of runs) {
    console.log(
      `  ${r.account.padEnd(9)} ${r.page.padEnd(16)} ${pad(r.connections, 5)} ${pad(fixed(r.cpuMs), 7)} ${pad(fixed(r.perSecond), 8)} ${pad(fixed(r.p50), 7)} ${pad(fixed(r.p95), 7)} ${pad(fixed(r.p99), 7)} ${pad(fixed(r.raw / 1024), 7)} ${pad(fixed(r.gzip / 1024), 7)} ${pad(fixed(r.perSecond / staticRate, 3), 7)}`,
    );
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : ((sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) + (sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0)) / 2;
};

async function prepare(url: string) {
  const handle = await openDatabase({ url, maxConnections: 4 });
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-pages-"));
  try {
    await migrateDatabase(handle);
    const ctx: ServiceContext = { db: handle.db, actor: { type: "system", reason: "bench" }, now: new Date() };
    let started = performance.now();
    const demo = await seedDemo({ ctx, dataDir });
    console.log(`  seeded the demo company (2 years, real paths) in ${fixed((performance.now() - started) / 1000)} s`);
    started = performance.now();
    await seedTenYearAccount(ctx, url, demo.accountId);
    console.log(`  seeded the 10-year account (120 months, copied from the demo) in ${fixed((performance.now() - started) / 1000)} s`);
    await seedNewAccount(ctx);
    return { demoEmail: demo.email, demoPassword: demo.password ?? "" };
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(url: string): Promise<BenchFigure[]> {
  const { demoEmail, demoPassword } = await prepare(url);
  const server = await startServer({ DATABASE_URL: url, AUTH_SECRET: "bench-only-secret-0123456789abcdef" }, "next");
  const runs: PageRun[] = [];
  let staticRate = 0;
  try {
    const asset = staticAsset();
    await drive(200, 25, async () => void (await fetchPage(`${server.url}${asset}`, null)));
    const staticRun = await drive(REQUESTS * 5, 25, async () => void (await fetchPage(`${server.url}${asset}`, null)));
    staticRate = (REQUESTS * 5) / staticRun.seconds;
    const billMonth = previousMonth(monthOf(new Date()));
    const accounts = [
      { name: "demo", email: demoEmail, password: demoPassword, bill: true },
      { name: "10-year", email: TEN_YEAR_EMAIL, password: BENCH_PASSWORD, bill: true },
      // A new account has no bill yet: its bill page would be a 404.
      { name: "new", email: NEW_EMAIL, password: BENCH_PASSWORD, bill: false },
    ];
    for (const account of accounts) {
      const cookie = await signInCookie(server.url, account.email, account.password);
      const pages = ["/", "/usage", "/packs", "/bills", "/balance", ...(account.bill ? [`/bills/${billMonth}`] : [])];
      for (const connections of CONCURRENCIES) {
        for (const page of pages) runs.push(await measurePage(server, account.name, page, cookie, connections));
      }
    }
    for (const page of PUBLIC_PAGES) runs.push(await measurePage(server, "public", page, null, 25));
  } finally {
    server.stop();
    await server.exited;
  }
  console.log(`  static asset baseline (same server, 25 connections): ${fixed(staticRate)} req/s`);
  printTable(runs, staticRate);
  return summarize(runs, staticRate);
}

function summarize(runs: PageRun[], staticRate: number): BenchFigure[] {
  const at25 = (account: string) => runs.filter((r) => r.account === account && r.connections === 25);
  const demo = at25("demo");
  const figures: BenchFigure[] = [
    { label: "static asset baseline, 25 connections", value: staticRate, unit: "req/s" },
    { label: "demo: server CPU per page, median of pages (25 connections)", value: median(demo.map((r) => r.cpuMs)), unit: "ms (target ≤ 10)" },
    { label: "demo: largest page document, gzip", value: Math.max(...demo.map((r) => r.gzip)) / 1024, unit: "kB (target ≤ 60)" },
    { label: "demo: slowest page at 25 connections ÷ static baseline", value: Math.min(...demo.map((r) => r.perSecond)) / staticRate, unit: "(target ≥ 0.1)" },
    { label: "demo: worst p95 at 25 connections", value: Math.max(...demo.map((r) => r.p95)), unit: "ms (target ≤ 100 on a quiet machine)" },
  ];
  for (const old of at25("10-year")) {
    const young = at25("new").find((r) => r.page === old.page);
    if (!young) continue;
    figures.push({ label: `10-year ÷ new account ${old.page}: CPU per page / gzip bytes`, value: old.cpuMs / Math.max(young.cpuMs, 0.01), unit: `/ ${fixed(old.gzip / young.gzip, 2)} (target ≤ 1.2)` });
  }
  // The same pages two years old: what grows with age alone (a new account's lists are empty).
  for (const old of at25("10-year")) {
    const two = demo.find((r) => r.page === old.page);
    if (!two) continue;
    figures.push({ label: `10-year ÷ demo (2-year) account ${old.page}: CPU per page / gzip bytes`, value: old.cpuMs / Math.max(two.cpuMs, 0.01), unit: `/ ${fixed(old.gzip / two.gzip, 2)}` });
  }
  for (const page of runs.filter((r) => r.account === "public")) {
    figures.push({ label: `public ${page.page} at 25 connections ÷ static baseline`, value: page.perSecond / staticRate, unit: "(target ≥ 0.5)" });
  }
  return figures;
}

export const pagesBench: Bench = {
  name: "pages",
  description:
    "first views of console pages on a fresh `npm start` on PGlite (cold first request and warm, HTTP and a browser, against a static file of the same run); then console pages on a scratch PostgreSQL database (the demo company, a 10-year account, a new one) at 1 and 25 connections: server CPU per page, pages/s, latency, bytes, against the same server's static-asset throughput. BENCH_PAGES_COLD=only runs the first views alone, =skip leaves them out",
  async run() {
    ensureProductionBuild();
    const only = process.env.BENCH_PAGES_COLD;
    const cold = only === "skip" ? [] : await measureColdPages();
    if (only === "only") return cold;
    const base = benchDatabaseBase();
    if (!base) return cold;
    return [...cold, ...(await withScratchDatabase(base, measure))];
  },
};
