import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { nginxBinary, startNginx } from "@/lib/tooling/server/nginx";
import { startConsoleProcess, startMeteringProcess, type ServerProcess } from "@/lib/tooling/server/processes";
import type { Bench, BenchFigure } from "./bench";
import { benchDatabaseBase, ensureProductionBuild, withScratchDatabase } from "./scratch";
import { drive, freePort, percentile } from "./server";

/**
 * `npm run bench -- topology` (issue 18 item 7): production as deployed — nginx (deploy/nginx.conf)
 * in front of two console instances and the metering service — against nginx serving a static file
 * in the same run: the public pages through nginx's page cache, and the metering API through nginx
 * against the metering service reached directly. Ratios, because this machine is shared.
 */
const PAGE_REQUESTS = Number.parseInt(process.env.BENCH_TOPOLOGY_REQUESTS ?? "2000", 10);
const PAGES = ["/calculator", "/sign-in", "/sign-up", "/prices/scan"];
const HOUR = 3_600_000;

async function get(url: string): Promise<void> {
  const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  await response.arrayBuffer();
}

async function measure(url: string): Promise<BenchFigure[]> {
  const handle = await openDatabase({ url, maxConnections: 4 });
  await migrateDatabase(handle);
  const metered = await meteredAccount(handle.db, new Date(Date.now() - HOUR));
  const gated = await meteredAccount(handle.db, new Date(Date.now() - HOUR));
  await handle.close();
  // The static baseline: the prerendered /calculator's own HTML, as a file nginx serves from disk.
  const staticDir = mkdtempSync(path.join(tmpdir(), "bench-static-"));
  copyFileSync(path.resolve(".next/server/app/en/calculator.html"), path.join(staticDir, "page.html"));
  const env = { DATABASE_URL: url, REDIS_URL: process.env.REDIS_URL, AUTH_SECRET: "bench-only-secret-0123456789abcdef", TRUST_PROXY: "1" };
  const servers: ServerProcess[] = await Promise.all([startConsoleProcess(env), startConsoleProcess(env), startMeteringProcess(env)]);
  const [first, second, metering] = servers;
  if (!first || !second || !metering) throw new Error("servers did not start");
  const nginx = await startNginx({
    listen: `127.0.0.1:${await freePort()}`,
    consoles: [first, second].map((c) => `127.0.0.1:${c.port}`),
    metering: [`127.0.0.1:${metering.port}`],
    serverExtra: `location = /__bench/static.html { alias ${staticDir}/page.html; default_type text/html; }`,
  });
  const figures: BenchFigure[] = [];
  try {
    const at = () => new Date(Date.now() + 8 * HOUR).toISOString().replace("Z", "+08:00");
    const rate = (count: number, seconds: number) => count / seconds;
    await drive(200, 25, () => get(`${nginx.url}/__bench/static.html`));
    // The baseline is measured before and after the pages, and the faster run kept: on a shared
    // machine the order alone moves a figure, and the ratio should not flatter the pages.
    const staticRuns = [await drive(PAGE_REQUESTS, 25, () => get(`${nginx.url}/__bench/static.html`))];
    let staticRate = rate(PAGE_REQUESTS, staticRuns[0]?.seconds ?? 1);
    const pageRuns: { page: string; rate: number; p99: number }[] = [];
    for (const page of PAGES) {
      await drive(50, 5, () => get(`${nginx.url}${page}`));
      const run = await drive(PAGE_REQUESTS, 25, () => get(`${nginx.url}${page}`));
      pageRuns.push({ page, rate: rate(PAGE_REQUESTS, run.seconds), p99: percentile(run.latencies, 99) });
    }
    staticRuns.push(await drive(PAGE_REQUESTS, 25, () => get(`${nginx.url}/__bench/static.html`)));
    staticRate = Math.max(...staticRuns.map((r) => rate(PAGE_REQUESTS, r.seconds)));
    figures.push({ label: "baseline: nginx serving the /calculator HTML as a static file (gzip), 25 in flight, faster of 2 runs", value: staticRate, unit: "requests/s" });
    for (const { page, rate: pageRate, p99 } of pageRuns) {
      figures.push({ label: `${page} through nginx, 25 in flight ÷ static`, value: pageRate / staticRate, unit: `(target ≥ 0.9; ${Math.round(pageRate)} requests/s, p99 ${p99.toFixed(1)} ms)` });
    }
    const post = (base: string, secret: string, route: string, body: unknown) => async () => {
      const response = await fetch(`${base}${route}`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      if (response.status >= 500) throw new Error(`${route} answered ${response.status}`);
      await response.arrayBuffer();
    };
    const batches = 40;
    // Direct, through nginx, direct again: the order matters on a shared machine; the better direct run is kept.
    for (const [label, base] of [["metering service directly", metering.url], ["through nginx", nginx.url], ["metering service directly (again)", metering.url]] as const) {
      const batched = await drive(batches, 4, (i) => post(base, metered.secret, "/api/v1/usage", { events: Array.from({ length: 1000 }, (_, j) => ({ id: `${label}-${i}-${j}`, api: "processing.crop", calls: 1, at: at() })) })());
      const authorize = await drive(3000, 16, post(base, gated.secret, "/api/v1/authorize", { api: "processing.crop" }));
      const one = await drive(1000, 1, post(base, gated.secret, "/api/v1/authorize", { api: "processing.crop" }));
      figures.push(
        { label: `metering, ${label}: batches of 1,000, 4 in flight`, value: (batches * 1000) / batched.seconds, unit: "events/s" },
        { label: `metering, ${label}: authorize, 16 in flight`, value: 3000 / authorize.seconds, unit: "requests/s" },
        { label: `metering, ${label}: authorize, 1 in flight: p50 / p99`, value: percentile(one.latencies, 50), unit: `ms / ${percentile(one.latencies, 99).toFixed(2)} ms (p99 target ≤ 5)` },
      );
    }
    // The best run of each: through nginx against the better of the two direct runs.
    const best = (via: string, what: string) => Math.max(0, ...figures.filter((f) => f.label.startsWith(`metering, ${via}`) && f.label.includes(what)).map((f) => f.value));
    const ratioOf = (what: string) => best("through nginx", what) / (best("metering service directly", what) || 1);
    figures.push(
      { label: "metering batches: through nginx ÷ directly", value: ratioOf("batches"), unit: "" },
      { label: "metering authorize at 16: through nginx ÷ directly", value: ratioOf("authorize, 16"), unit: "" },
    );
    return figures;
  } finally {
    await nginx.stop();
    for (const server of servers) server.child.kill("SIGTERM");
    await Promise.all(servers.map((s) => s.exited));
    rmSync(staticDir, { recursive: true, force: true });
  }
}

export const topologyBench: Bench = {
  name: "topology",
  description: "production through nginx (deploy/nginx.conf) in front of two console instances and the metering service: public pages from nginx's cache ÷ nginx serving a static file, and the metering API through nginx ÷ the metering service directly, in the same run (needs nginx, BENCH_DATABASE_URL or TEST_DATABASE_URL)",
  async run() {
    const base = benchDatabaseBase();
    if (!base || !nginxBinary()) {
      console.log("  (skipped: needs nginx and BENCH_DATABASE_URL or TEST_DATABASE_URL)");
      return [];
    }
    ensureProductionBuild();
    return withScratchDatabase(base, measure);
  },
};
