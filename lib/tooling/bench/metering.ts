import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import postgres from "postgres";
import { qpsGrants, qpsGroupModes } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { signUp } from "@/lib/identity/sign-up";
import { createApiKey } from "@/lib/metering/api-keys";
import { ensureMonthPartitions, partitionName } from "@/lib/metering/partitions";
import { monthOf, shanghaiIsoString } from "@/lib/pricing";
import { activateProduct } from "@/lib/packs/activation";
import type { Bench, BenchFigure } from "./bench";
import { benchDatabaseBase, ensureProductionBuild, withScratchDatabase } from "./scratch";
import { drive, percentile, startServer } from "./server";

const BATCHED_REQUESTS = 60;
const SINGLE_REQUESTS = 3000;
const AUTHORIZE_REQUESTS = 3000;

function shanghaiNow(): string {
  return shanghaiIsoString(new Date());
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

/** Rows of history for the metered account, written after the statistics were taken (and autovacuum off): stale on purpose. */
const STALE_HISTORY_ROWS = Number.parseInt(process.env.BENCH_STALE_ROWS ?? "300000", 10);

async function makeStatisticsStale(url: string, db: Database, accountId: string): Promise<BenchFigure[]> {
  // The history sits in the partition this run's events go to (usage_events is partitioned by month).
  const month = monthOf(new Date());
  await ensureMonthPartitions(db, [month]);
  const partition = partitionName(month);
  const direct = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const table of [partition, "usage_events_default"]) await direct`alter table ${direct(table)} set (autovacuum_enabled = false, toast.autovacuum_enabled = false)`;
    await direct`analyze usage_events`;
    await direct`
      insert into usage_events (account_id, event_id, api, calls, at, month, free, from_packs, billable, received_at)
      select ${accountId}::uuid, 'history-' || g, 'processing.crop', 1, now(), ${month}, 0, 0, 1, now()
      from generate_series(1, ${STALE_HISTORY_ROWS}) g`;
    const [plan] = await direct<{ estimate: string }[]>`select reltuples::bigint::text as estimate from pg_class where relname = ${partition}`;
    return [{ label: `stale statistics: rows of ${partition} the planner believes (${STALE_HISTORY_ROWS.toLocaleString("en-US")} there)`, value: Math.max(0, Number(plan?.estimate ?? 0)), unit: "rows" }];
  } finally {
    await direct.end();
  }
}

type Post = (secret: string, body: unknown, route?: string) => Promise<void>;

function poster(baseUrl: string): Post {
  return async (secret, body, route = "/api/v1/usage") => {
    const response = await fetch(`${baseUrl}${route}`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.status >= 500) throw new Error(`${route} answered ${response.status}`);
    await response.arrayBuffer();
  };
}

const ratio = (value: number, base: number) => (base > 0 ? value / base : 0);

async function measure(url: string): Promise<BenchFigure[]> {
  const { handle, metered, gated, baselineAccount } = await prepareAccounts(url);
  const figures: BenchFigure[] = await makeStatisticsStale(url, handle.db, metered.accountId);
  const env = { DATABASE_URL: url, AUTH_SECRET: "bench-only-secret-0123456789abcdef", ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) };
  const limiterKind = process.env.REDIS_URL ? "Redis" : "in-process";
  try {
    // Baselines, same run: the same rows written straight into PostgreSQL by a plain postgres-js client, no ORM.
    const at = new Date();
    const direct = postgres(url, { max: 16, onnotice: () => {} });
    const baseline = await drive(BATCHED_REQUESTS, 4, async (i) => {
      const rows = events(`base-${i}`, 1000).map((e) => ({ account_id: baselineAccount, event_id: e.id, api: e.api, calls: 1, at, month: "2026-01", free: 0, from_packs: 0, billable: 1, received_at: at }));
      await direct`insert into usage_events ${direct(rows)}`;
    });
    const singleBaseline = await drive(SINGLE_REQUESTS, 16, async (i) => {
      await direct`insert into usage_events ${direct({ account_id: baselineAccount, event_id: `one-${i}`, api: "processing.crop", calls: 1, at, month: "2026-01", free: 0, from_packs: 0, billable: 1, received_at: at })}`;
    });
    await direct.end();
    const batchedBase = (BATCHED_REQUESTS * 1000) / baseline.seconds;
    const singleBase = SINGLE_REQUESTS / singleBaseline.seconds;
    figures.push(
      { label: "baseline: multi-row INSERT of 1,000 straight into PostgreSQL, 4 connections", value: batchedBase, unit: "events/s" },
      { label: "baseline: single-row INSERT, 16 connections", value: singleBase, unit: "rows/s" },
    );

    // The metering service (`npm run metering`, what nginx sends these paths to), then Next's route handlers for comparison.
    const kinds: { kind: "metering" | "next"; label: string }[] = [
      { kind: "metering", label: "metering service" },
      { kind: "next", label: "next start (route handlers)" },
    ];
    for (const { kind, label } of kinds) {
      const server = await startServer(env, kind);
      try {
        const post = poster(server.url);
        await drive(20, 4, (i) => post(metered.secret, { events: events(`warm-${kind}-${i}`, 50) }));
        await drive(200, 4, () => post(gated.secret, { api: "body.detection" }, "/api/v1/authorize"));
        const batched = await drive(BATCHED_REQUESTS, 4, (i) => post(metered.secret, { events: events(`batch-${kind}-${i}`, 1000) }));
        const single = await drive(SINGLE_REQUESTS, 16, (i) => post(metered.secret, { events: events(`single-${kind}-${i}`, 1) }));
        const authorize = await drive(AUTHORIZE_REQUESTS, 16, () => post(gated.secret, { api: "body.detection" }, "/api/v1/authorize"));
        // Latency without queueing: one gateway connection asking call after call.
        const authorizeOne = await drive(AUTHORIZE_REQUESTS / 3, 1, () => post(gated.secret, { api: "body.detection" }, "/api/v1/authorize"));
        const batchedRate = (BATCHED_REQUESTS * 1000) / batched.seconds;
        const singleRate = SINGLE_REQUESTS / single.seconds;
        const authorizeRate = AUTHORIZE_REQUESTS / authorize.seconds;
        figures.push(
          { label: `${label}: HTTP batches of 1,000, 4 in flight`, value: batchedRate, unit: "events/s" },
          { label: `${label}: HTTP batches of 1,000: p50 / p99 per request`, value: percentile(batched.latencies, 50), unit: `ms / ${percentile(batched.latencies, 99).toFixed(1)} ms` },
          { label: `${label}: batched HTTP ÷ multi-row INSERT baseline`, value: ratio(batchedRate, batchedBase), unit: "(target ≥ 0.35)" },
          { label: `${label}: single-event requests, 16 in flight`, value: singleRate, unit: `requests/s (p50 ${percentile(single.latencies, 50).toFixed(1)} ms, p99 ${percentile(single.latencies, 99).toFixed(1)} ms)` },
          { label: `${label}: single-event ÷ single-row INSERT baseline`, value: ratio(singleRate, singleBase), unit: "(target ≥ 0.5)" },
          { label: `${label}: authorize (QPS-billed, ${limiterKind}), 1 in flight: p50`, value: percentile(authorizeOne.latencies, 50), unit: "ms" },
          { label: `${label}: authorize (QPS-billed, ${limiterKind}), 1 in flight: p99`, value: percentile(authorizeOne.latencies, 99), unit: "ms (target ≤ 5)" },
          { label: `${label}: authorize (QPS-billed, ${limiterKind}), 16 in flight`, value: authorizeRate, unit: `requests/s (target ≥ 2,000; p99 ${percentile(authorize.latencies, 99).toFixed(1)} ms)` },
        );
      } finally {
        server.stop();
      }
    }
    const bare = await startServer({}, "bare");
    let bareRate = 0;
    let bareOne: number[] = [];
    try {
      const post = poster(bare.url);
      await drive(500, 16, () => post(gated.secret, { api: "body.detection" }, "/"));
      bareRate = AUTHORIZE_REQUESTS / (await drive(AUTHORIZE_REQUESTS, 16, () => post(gated.secret, { api: "body.detection" }, "/"))).seconds;
      bareOne = (await drive(AUTHORIZE_REQUESTS / 3, 1, () => post(gated.secret, { api: "body.detection" }, "/"))).latencies;
    } finally {
      bare.stop();
    }
    figures.push(
      { label: "baseline: bare Node HTTP answer (fixed JSON, same client), 16 in flight", value: bareRate, unit: "requests/s" },
      { label: "baseline: bare Node HTTP answer, 1 in flight: p99", value: percentile(bareOne, 99), unit: "ms" },
    );
    for (const kind of ["metering service", "next start (route handlers)"]) {
      const rate = figures.find((f) => f.label.startsWith(`${kind}: authorize`) && f.label.endsWith("16 in flight"))?.value ?? 0;
      figures.push({ label: `${kind}: authorize at 16 ÷ bare Node HTTP baseline`, value: ratio(rate, bareRate), unit: "" });
    }
    return figures;
  } finally {
    await handle.close();
  }
}

export const meteringBench: Bench = {
  name: "metering",
  description: "the usage and authorize APIs over HTTP on real PostgreSQL (a scratch database whose statistics are stale on purpose), as the metering service (`npm run metering`) serves them and as Next's route handlers do, against same-run baselines: direct INSERTs and a bare Node HTTP answer",
  async run() {
    const base = benchDatabaseBase();
    if (!base) return [];
    ensureProductionBuild();
    return withScratchDatabase(base, measure);
  },
};
