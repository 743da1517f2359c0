import { spawn, type ChildProcess } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { monthCloses, qpsGrants, qpsGroupModes, usageEvents, usageHourly } from "@/db/schema";
import { freePort } from "@/lib/tooling/bench/server";
import { createApiKey, revokeApiKey } from "@/lib/metering/api-keys";
import { monthOf, previousMonth } from "@/lib/pricing";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { createScratchDatabase } from "@/lib/tooling/testing/scratch-database";

/**
 * Two server processes on two ports, sharing nothing but one PostgreSQL and one Redis (the way
 * the console scales out), each serving the metering API (lib/tooling/server/metering-server.ts,
 * `npm run metering`). Half of a concurrent load goes to each.
 */
const redisUrl = process.env.REDIS_URL;
const HOUR = 3_600_000;

interface Instance {
  url: string;
  child: ChildProcess;
  runs: { startedMs: number; endedMs: number }[];
}

async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/tooling/server/metering-server.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PORT: String(port), HOSTNAME: "127.0.0.1", RUN_DUE_INTERVAL_MS: "300" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const runs: Instance["runs"] = [];
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith('{"runDue"')) runs.push((JSON.parse(line) as { runDue: Instance["runs"][number] }).runDue);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`${url}/health`);
      return { url, child, runs };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  child.kill();
  throw new Error("a metering server did not start within 90 s");
}

async function post(url: string, route: string, secret: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}${route}`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

const shanghaiNow = () => new Date(Date.now() + 8 * HOUR).toISOString().replace("Z", "+08:00");

const title = "scale out: two metering service processes on one PostgreSQL and one Redis";

function suite(): void {
  const instances: Instance[] = [];
  let handle: DatabaseHandle | undefined;
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  const database = () => {
    if (!handle) throw new Error("database not open yet");
    return handle;
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? "", "scaleout");
    handle = await openDatabase({ url: scratch.url, maxConnections: 10 });
    await migrateDatabase(handle);
    const url = scratch.url;
    instances.push(...(await Promise.all([startInstance(url), startInstance(url)])));
  }, 120_000);
  afterAll(async () => {
    for (const instance of instances) instance.child.kill("SIGTERM");
    await handle?.close();
    await scratch?.drop();
  });
  const [a, b] = [() => instances[0]?.url ?? "", () => instances[1]?.url ?? ""];

  it("counts every event exactly once when each id is sent to both instances at once", { timeout: 60_000 }, async () => {
    const m = await meteredAccount(database().db, new Date(Date.now() - HOUR));
    const at = shanghaiNow();
    const sends = Array.from({ length: 120 }, (_, i) => ({ url: i % 2 === 0 ? a() : b(), id: `so-${Math.floor(i / 2)}` }));
    const answers: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < sends.length) {
          const send = sends[next++];
          if (!send) break;
          const answer = await post(send.url, "/api/v1/usage", m.secret, { events: [{ id: send.id, api: "processing.crop", calls: 3, at }] });
          expect(answer.status).toBe(200);
          answers.push((answer.body as { results: { status: string }[] }).results[0]?.status ?? "none");
        }
      }),
    );
    expect(answers.filter((s) => s === "accepted")).toHaveLength(60);
    expect(answers.filter((s) => s === "duplicate")).toHaveLength(60);
    const [events] = await database().db.select({ n: sql<number>`count(*)::int` }).from(usageEvents).where(eq(usageEvents.accountId, m.accountId));
    const [hourly] = await database().db.select({ calls: sql<number>`sum(${usageHourly.calls})::int` }).from(usageHourly).where(eq(usageHourly.accountId, m.accountId));
    expect(events?.n).toBe(60);
    expect(hourly?.calls).toBe(180);
  });

  it("never lets more than the shared QPS limit of 10 through in any second, across both instances", { timeout: 60_000 }, async () => {
    const m = await meteredAccount(database().db, new Date(Date.now() - HOUR), ["body"]);
    const now = new Date();
    await database().db.insert(qpsGroupModes).values({ accountId: m.accountId, groupId: "body", mode: "qps", changedAt: now });
    await database().db.insert(qpsGrants).values({ accountId: m.accountId, groupId: "body", qps: 10, startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + HOUR) });
    const allowed: { sent: number; answered: number; instance: number }[] = [];
    let refused = 0;
    const until = Date.now() + 2500;
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        while (Date.now() < until) {
          const sent = Date.now();
          const answer = await post(worker % 2 === 0 ? a() : b(), "/api/v1/authorize", m.secret, { api: "body.detection" });
          if (answer.status === 200) allowed.push({ sent, answered: Date.now(), instance: worker % 2 });
          else if (answer.status === 429) refused += 1;
          else throw new Error(`authorize answered ${answer.status}`);
        }
      }),
    );
    // Each allowed call was decided in a window between its sending and its answer; those whose
    // whole round trip fell in one second certainly count in that second.
    const certain = new Map<number, number>();
    for (const call of allowed) {
      const window = Math.floor(call.sent / 1000);
      if (Math.floor(call.answered / 1000) === window) certain.set(window, (certain.get(window) ?? 0) + 1);
    }
    for (const count of certain.values()) expect(count).toBeLessThanOrEqual(10);
    const windows = Math.floor(until / 1000) - Math.floor((until - 2500) / 1000) + 1;
    expect(allowed.length).toBeLessThanOrEqual(10 * windows);
    // The limit was what held them back: far more were asked than allowed, and both instances let some through.
    expect(refused).toBeGreaterThan(allowed.length);
    expect(new Set(allowed.map((c) => c.instance)).size).toBe(2);
  });

  it("refuses a revoked key at once on every instance", { timeout: 30_000 }, async () => {
    const m = await meteredAccount(database().db, new Date(Date.now() - HOUR));
    const { key, secret } = await createApiKey({ ctx: m.customer(new Date()), input: { name: "to revoke" } });
    const ask = (url: string) => post(url, "/api/v1/authorize", secret, { api: "processing.quality" });
    // Both instances have the key in their caches.
    expect((await Promise.all([ask(a()), ask(b()), ask(a()), ask(b())])).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Revoked through a third process (as the console would), sharing only the database and Redis.
    await revokeApiKey({ ctx: m.customer(new Date()), input: { keyId: key.id } });
    expect((await Promise.all([ask(a()), ask(b())])).map((r) => r.status)).toEqual([401, 401]);
    expect((await post(b(), "/api/v1/usage", secret, { events: [{ id: "after-revoke", api: "processing.quality", calls: 1, at: shanghaiNow() }] })).status).toBe(401);
  });

  it("runs the scheduler (run-due) on one instance at a time, and closes the previous month once", { timeout: 30_000 }, async () => {
    // Both instances tick every 300 ms from their start; wait until they have had the chance to collide.
    while (instances.reduce((n, i) => n + i.runs.length, 0) < 6) await new Promise((resolve) => setTimeout(resolve, 200));
    const runs = instances.flatMap((instance, n) => instance.runs.map((run) => ({ ...run, n }))).sort((x, y) => x.startedMs - y.startedMs);
    for (let i = 1; i < runs.length; i++) {
      const [before, after] = [runs[i - 1], runs[i]];
      if (before && after && before.n !== after.n) expect(after.startedMs).toBeGreaterThanOrEqual(before.endedMs);
    }
    const closes = await database().db.select().from(monthCloses);
    expect(closes.map((c) => c.month)).toEqual([previousMonth(monthOf(new Date()))]);
    expect(closes[0]?.finishedAt).not.toBeNull();
  });
}

if (redisUrl && process.env.TEST_DATABASE_URL) describe(`${title} [postgres]`, suite);
else describe.skip(`${title} [set REDIS_URL and TEST_DATABASE_URL]`, () => {});
