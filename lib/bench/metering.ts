import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import postgres from "postgres";
import { qpsGrants, qpsGroupModes } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { signUp } from "@/lib/identity/sign-up";
import { createApiKey } from "@/lib/metering/api-keys";
import { activateProduct } from "@/lib/packs/activation";
import type { Bench, BenchFigure } from "./bench";
import { withScratchDatabase } from "./scratch";
import { drive, percentile, startServer } from "./server";

const BATCHED_REQUESTS = 60;
const SINGLE_REQUESTS = 3000;
const AUTHORIZE_REQUESTS = 3000;

function shanghaiNow(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().replace("Z", "+08:00");
}

async function prepareAccounts(url: string) {
  const handle = await openDatabase({ url, maxConnections: 4 });
  await migrateDatabase(handle);
  const at = new Date();
  const make = async (email: string) => {
    const created = await signUp({ ctx: { db: handle.db, actor: { type: "anonymous" }, now: at }, input: { email, password: "bench-password", company: "Bench" } });
    const ctx: ServiceContext = { db: handle.db, actor: { type: "customer", userId: created.userId, accountId: created.accountId }, now: at };
    for (const product of ["processing", "body"] as const) await activateProduct({ ctx, input: { product, acceptTerms: true } });
    const { secret } = await createApiKey({ ctx, input: { name: "bench" } });
    return { accountId: created.accountId, secret };
  };
  const metered = await make("bench-metered@bench.test");
  const gated = await make("bench-gated@bench.test");
  // The gated account bills body by QPS (200, the most one group may hold) so authorize goes to Redis.
  await handle.db.insert(qpsGroupModes).values({ accountId: gated.accountId, groupId: "body", mode: "qps", changedAt: at });
  await handle.db.insert(qpsGrants).values({ accountId: gated.accountId, groupId: "body", qps: 200, startsAt: new Date(at.getTime() - 60_000), endsAt: new Date(at.getTime() + 86_400_000) });
  const baselineAccount = (await signUp({ ctx: { db: handle.db, actor: { type: "anonymous" }, now: at }, input: { email: "bench-baseline@bench.test", password: "bench-password", company: "Bench" } })).accountId;
  return { handle, metered, gated, baselineAccount };
}

function events(prefix: string, count: number) {
  const at = shanghaiNow();
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, api: i % 2 ? "processing.quality" : "processing.crop", calls: 1, at }));
}

async function measure(url: string): Promise<BenchFigure[]> {
  const { handle, metered, gated, baselineAccount } = await prepareAccounts(url);
  const server = await startServer({ DATABASE_URL: url, AUTH_SECRET: "bench-only-secret-0123456789abcdef", ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) });
  try {
    const post = async (secret: string, body: unknown, route = "/api/v1/usage") => {
      const response = await fetch(`${server.url}${route}`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      if (response.status >= 500) throw new Error(`${route} answered ${response.status}`);
      await response.arrayBuffer();
    };
    await drive(20, 4, (i) => post(metered.secret, { events: events(`warm-${i}`, 50) }));

    const batched = await drive(BATCHED_REQUESTS, 4, (i) => post(metered.secret, { events: events(`batch-${i}`, 1000) }));
    const single = await drive(SINGLE_REQUESTS, 16, (i) => post(metered.secret, { events: events(`single-${i}`, 1) }));
    const authorize = await drive(AUTHORIZE_REQUESTS, 8, () => post(gated.secret, { api: "body.detection" }, "/api/v1/authorize"));
    // Latency without queueing: one gateway connection asking call after call.
    const authorizeOne = await drive(AUTHORIZE_REQUESTS, 1, () => post(gated.secret, { api: "body.detection" }, "/api/v1/authorize"));

    // Baseline, same run: the same rows written straight into PostgreSQL, one multi-row INSERT a batch.
    const at = new Date();
    // A plain postgres-js client, no ORM: the fastest simple way to put these rows into the table.
    const direct = postgres(url, { max: 4, onnotice: () => {} });
    const baseline = await drive(BATCHED_REQUESTS, 4, async (i) => {
      const rows = events(`base-${i}`, 1000).map((e) => ({ account_id: baselineAccount, event_id: e.id, api: e.api, calls: 1, at, month: "2026-01", free: 0, from_packs: 0, billable: 1, received_at: at }));
      await direct`insert into usage_events ${direct(rows)}`;
    });
    await direct.end();
    const limiterKind = process.env.REDIS_URL ? "Redis" : "in-process";
    const batchedRate = (BATCHED_REQUESTS * 1000) / batched.seconds;
    const baselineRate = (BATCHED_REQUESTS * 1000) / baseline.seconds;
    return [
      { label: "HTTP batches of 1,000: events/s", value: batchedRate, unit: "events/s" },
      { label: "HTTP batches of 1,000: p50 / request", value: percentile(batched.latencies, 50), unit: "ms" },
      { label: "HTTP batches of 1,000: p99 / request", value: percentile(batched.latencies, 99), unit: "ms" },
      { label: "baseline: multi-row INSERT of 1,000 straight into PostgreSQL", value: baselineRate, unit: "events/s" },
      { label: "batched HTTP ÷ baseline", value: batchedRate / baselineRate, unit: "(target ≥ 0.3)" },
      { label: "single-event requests", value: SINGLE_REQUESTS / single.seconds, unit: "requests/s" },
      { label: "single-event p50", value: percentile(single.latencies, 50), unit: "ms" },
      { label: "single-event p99", value: percentile(single.latencies, 99), unit: "ms" },
      { label: `authorize (QPS-billed, ${limiterKind}), 1 in flight: p50`, value: percentile(authorizeOne.latencies, 50), unit: "ms" },
      { label: `authorize (QPS-billed, ${limiterKind}), 1 in flight: p99`, value: percentile(authorizeOne.latencies, 99), unit: "ms" },
      { label: `authorize (QPS-billed, ${limiterKind}), 8 in flight: p50`, value: percentile(authorize.latencies, 50), unit: "ms" },
      { label: `authorize (QPS-billed, ${limiterKind}), 8 in flight: p99`, value: percentile(authorize.latencies, 99), unit: "ms" },
      { label: `authorize (QPS-billed, ${limiterKind}), 8 in flight`, value: AUTHORIZE_REQUESTS / authorize.seconds, unit: "requests/s" },
    ];
  } finally {
    server.stop();
    await handle.close();
  }
}

export const meteringBench: Bench = {
  name: "metering",
  description: "the usage and authorize APIs over HTTP on real PostgreSQL (a scratch database), against a direct-INSERT baseline",
  async run() {
    const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!base) {
      console.log("  skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server this bench may create a scratch database on");
      return [];
    }
    if (!existsSync(path.resolve(".next/BUILD_ID"))) {
      console.log("  building the console first (next build)…");
      const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
      if (built.status !== 0) throw new Error("next build failed");
    }
    return withScratchDatabase(base, measure);
  },
};
