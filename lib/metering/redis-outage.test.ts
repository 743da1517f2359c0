import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { eq, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qpsGrants, qpsGroupModes, usageEvents, usageHourly } from "@/db/schema";
import { clearAuthorizeCache } from "@/lib/metering/authorize";
import { createApiKey, revokeApiKey } from "@/lib/metering/api-keys";
import { authorizeAnswer, qpsLimiter, usageAnswer, type ApiAnswer, type ApiRequest } from "@/lib/metering/api-answers";
import { REVOCATION_VERSION_KEY } from "@/lib/metering/key-revocations";
import { freePort } from "@/lib/tooling/testing/free-port";
import { describePostgres } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { useDatabaseForRoutes } from "@/lib/tooling/testing/route-database";

/**
 * Issue 17 item 7: a gateway gets an answer whatever Redis does. A Redis of the test's own on its
 * own port, killed (SIGKILL: connection refused) or frozen (SIGSTOP: connected but silent, the
 * harder case) in the middle of a run; 60 concurrent calls, half usage, half authorize, through the
 * real answer functions. Every call is answered, none with a 5xx; the QPS limit falls back to this
 * instance's own count (docs/security.md, "While Redis is away"); a key revoked meanwhile is
 * refused at once; nothing is counted twice; and when Redis is back it is used again.
 */
const HOUR = 3_600_000;
const QPS_LIMIT = 5;
/** Not a duration under test: only how long to wait before calling a hang a hang. */
const HANG_MS = 15_000;

const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

class TestRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    this.child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], { stdio: "ignore" });
    const child = this.child;
    // Never outlive the test process, frozen or not.
    process.once("exit", () => child.kill("SIGKILL"));
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await this.ping()) return;
      await pause(100);
    }
    throw new Error(`the test Redis on port ${this.port} did not start`);
  }

  /** Killed: the port refuses connections until `restart`, which brings an empty Redis back. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  /** Frozen: connections stay open and the kernel still accepts new ones, but nothing answers. */
  freeze(): void {
    this.child?.kill("SIGSTOP");
  }

  thaw(): void {
    this.child?.kill("SIGCONT");
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, "127.0.0.1");
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(500, () => done(false));
      socket.on("error", () => done(false));
      socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
      socket.on("connect", () => socket.write("PING\r\n"));
    });
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What the server would send: an answer, or a 500 when the answer function throws. */
function call(answer: (request: ApiRequest) => Promise<ApiAnswer>, secret: string, body: unknown): Promise<ApiAnswer> {
  const request: ApiRequest = { authorization: `Bearer ${secret}`, contentLength: null, text: async () => JSON.stringify(body) };
  return answer(request).catch((error: unknown) => ({ status: 500, body: { error: String(error) } }));
}

async function allAnswered<T>(label: string, calls: Promise<T>[]): Promise<T[]> {
  let answered = 0;
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: ${calls.length - answered} of ${calls.length} calls still unanswered after ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([Promise.all(calls.map((c) => c.finally(() => (answered += 1)))), hung]);
  } finally {
    clearTimeout(timer);
  }
}

const shanghaiNow = () => new Date(Date.now() + 8 * HOUR).toISOString().replace("Z", "+08:00");

interface Burst {
  usage: ApiAnswer[];
  authorize: ApiAnswer[];
  /** The whole seconds the burst spanned: the QPS limit holds per second. */
  seconds: number;
}

function suite(): void {
  describePostgres("metering while Redis is away", (get) => {
    let redis: TestRedis;
    let probe: Redis;
    let account: Awaited<ReturnType<typeof meteredAccount>>;
    let sent = 0;
    const ids: string[] = [];

    beforeAll(async () => {
      redis = await TestRedis.start();
      // Before anything reads it: this process's limiter and revocation version use the test Redis.
      process.env.REDIS_URL = redis.url;
      probe = new Redis(redis.url, { lazyConnect: true, enableOfflineQueue: false, commandTimeout: 1000, retryStrategy: () => 100 });
      probe.on("error", () => {});
      useDatabaseForRoutes(get());
      const db = get().db;
      account = await meteredAccount(db, new Date(Date.now() - HOUR), ["processing", "body"]);
      const now = new Date();
      await db.insert(qpsGroupModes).values({ accountId: account.accountId, groupId: "body", mode: "qps", changedAt: now });
      await db.insert(qpsGrants).values({ accountId: account.accountId, groupId: "body", qps: QPS_LIMIT, startsAt: new Date(now.getTime() - 60_000), endsAt: new Date(now.getTime() + HOUR) });
      clearAuthorizeCache();
    }, 60_000);

    afterAll(async () => {
      redis?.thaw();
      await qpsLimiter().close();
      probe?.disconnect();
      await redis?.kill();
    });

    /** 60 calls at once, half usage (one new event each), half authorize on the QPS-billed group. */
    async function burst(label: string, secret = account.secret): Promise<Burst> {
      // A fresh one-second window: whatever earlier calls counted (in Redis or in-process) is in the past.
      await pause(1010 - (Date.now() % 1000));
      const startedS = Math.floor(Date.now() / 1000);
      const calls = Array.from({ length: 60 }, (_, i): Promise<{ kind: "usage" | "authorize"; a: ApiAnswer }> => {
        if (i % 2) return call(authorizeAnswer, secret, { api: "body.detection" }).then((a) => ({ kind: "authorize" as const, a }));
        const id = `outage-${sent++}`;
        ids.push(id);
        return call(usageAnswer, secret, { events: [{ id, api: "processing.crop", calls: 1, at: shanghaiNow() }] }).then((a) => ({ kind: "usage" as const, a }));
      });
      const answers = await allAnswered(label, calls);
      const seconds = Math.floor(Date.now() / 1000) - startedS + 1;
      return { usage: answers.filter((x) => x.kind === "usage").map((x) => x.a), authorize: answers.filter((x) => x.kind === "authorize").map((x) => x.a), seconds };
    }

    /** Every call answered as a gateway expects: usage accepted, authorize allowed or refused by the limit. */
    function expectServed(result: Burst): void {
      expect(result.usage.map((a) => a.status)).toEqual(result.usage.map(() => 200));
      for (const answer of result.usage) expect((answer.body as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(["accepted"]);
      const statuses = result.authorize.map((a) => a.status);
      expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
      // The burst starts in a second nothing has counted in yet, so its first call passes; 30 were
      // asked of a limit of 5, and the limit held them back (this instance's own count while Redis is away).
      const allowed = statuses.filter((s) => s === 200).length;
      expect(allowed).toBeGreaterThan(0);
      expect(allowed).toBeLessThanOrEqual(QPS_LIMIT * result.seconds);
    }

    async function qpsKeysInRedis(): Promise<string[]> {
      if (probe.status === "wait") await probe.connect().catch(() => {});
      return probe.keys(`qps:${account.accountId}:*`);
    }

    /** Recovered: authorize counts in Redis again (a new window key appears there). */
    async function expectRedisUsedAgain(): Promise<void> {
      for (let attempt = 0; attempt < 100; attempt++) {
        const before = await qpsKeysInRedis().catch(() => []);
        if (before.length) await probe.del(before).catch(() => 0);
        await call(authorizeAnswer, account.secret, { api: "body.detection" });
        if ((await qpsKeysInRedis().catch(() => [])).length > 0) return;
        await pause(200);
      }
      throw new Error("the QPS limiter never used Redis again");
    }

    async function expectCountedOnce(): Promise<void> {
      const db = get().db;
      const [events] = await db.select({ n: sql<number>`count(*)::int` }).from(usageEvents).where(eq(usageEvents.accountId, account.accountId));
      const [hourly] = await db.select({ calls: sql<number>`coalesce(sum(${usageHourly.calls}), 0)::int` }).from(usageHourly).where(eq(usageHourly.accountId, account.accountId));
      expect(events?.n).toBe(ids.length);
      expect(hourly?.calls).toBe(ids.length);
    }

    it("answers every call while Redis is up (the baseline), counting QPS in Redis", { timeout: 60_000 }, async () => {
      await expectRedisUsedAgain();
      expectServed(await burst("Redis up"));
      expect((await qpsKeysInRedis()).length).toBeGreaterThan(0);
    });

    it("answers every call, none with a 5xx, while Redis is killed, and uses it again once it is back", { timeout: 90_000 }, async () => {
      await redis.kill();
      expectServed(await burst("Redis killed, first burst"));
      expectServed(await burst("Redis killed, second burst"));
      await redis.restart();
      await expectRedisUsedAgain();
      expectServed(await burst("Redis back after a kill"));
      await expectCountedOnce();
    });

    it("answers every call, none with a 5xx, while Redis is frozen (SIGSTOP), and uses it again once it is thawed", { timeout: 90_000 }, async () => {
      redis.freeze();
      try {
        expectServed(await burst("Redis frozen, first burst"));
        expectServed(await burst("Redis frozen, second burst"));
      } finally {
        redis.thaw();
      }
      await expectRedisUsedAgain();
      expectServed(await burst("Redis thawed"));
      await expectCountedOnce();
    });

    it("refuses a key revoked while Redis is away at once, and after Redis is back", { timeout: 90_000 }, async () => {
      const { key, secret } = await createApiKey({ ctx: account.customer(new Date()), input: { name: "revoked in an outage" } });
      // Cached by this instance under the version Redis holds now.
      expect((await call(authorizeAnswer, secret, { api: "processing.crop" })).status).toBe(200);
      await redis.kill();
      await allAnswered("revoking while Redis is killed", [revokeApiKey({ ctx: account.customer(new Date()), input: { keyId: key.id } })]);
      const refused = await burst("revoked key, Redis killed", secret);
      expect([...refused.usage, ...refused.authorize].map((a) => a.status)).toEqual(Array.from({ length: 60 }, () => 401));
      // Refused calls record nothing: their events are not among those the database must hold.
      ids.splice(ids.length - refused.usage.length);
      // An empty Redis comes back: the version there is what it was when the key was cached ("0"),
      // yet the key stays refused.
      await redis.restart();
      await expectRedisUsedAgain();
      expect(await probe.get(REVOCATION_VERSION_KEY)).toBeNull();
      expect((await call(authorizeAnswer, secret, { api: "processing.crop" })).status).toBe(401);
      expect((await call(usageAnswer, secret, { events: [{ id: "after-outage", api: "processing.crop", calls: 1, at: shanghaiNow() }] })).status).toBe(401);

      const other = await createApiKey({ ctx: account.customer(new Date()), input: { name: "revoked while frozen" } });
      expect((await call(authorizeAnswer, other.secret, { api: "processing.crop" })).status).toBe(200);
      redis.freeze();
      try {
        await allAnswered("revoking while Redis is frozen", [revokeApiKey({ ctx: account.customer(new Date()), input: { keyId: other.key.id } })]);
        expect((await call(authorizeAnswer, other.secret, { api: "processing.crop" })).status).toBe(401);
      } finally {
        redis.thaw();
      }
      await expectCountedOnce();
    });

    it("counts nothing twice when the gateway sends everything again after the outage", { timeout: 60_000 }, async () => {
      const answers = await allAnswered(
        "resending",
        ids.map((id) => call(usageAnswer, account.secret, { events: [{ id, api: "processing.crop", calls: 1, at: shanghaiNow() }] })),
      );
      expect(answers.map((a) => (a.body as { results: { status: string }[] }).results[0]?.status)).toEqual(ids.map(() => "duplicate"));
      await expectCountedOnce();
    });
  });
}

if (hasRedisServer) suite();
else describe.skip("metering while Redis is away [needs redis-server on PATH]", () => {});
