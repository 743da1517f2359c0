import { Redis } from "ioredis";

/**
 * The Redis connection of a server process: what its instances share (QPS windows, the API-key
 * revocation version). A gateway waits on every metering call, so no call ever waits long for Redis
 * (issue 17 item 7; docs/security.md, "While Redis is away"):
 *  - no offline queue: while the connection is down a command fails at once instead of waiting
 *    for a reconnect (ioredis queues them by default; calls hung for 20 s);
 *  - a command timeout, for a Redis that is connected but silent (stopped, swapping, partitioned);
 *  - after any failure, Redis is not tried again for REDIS_REST_MS: the calls in between fall back
 *    at once instead of each paying the timeout;
 *  - reconnecting happens in the background, with backoff.
 * Each caller decides what a failure means (`RedisUnavailable`): the QPS limiter counts in-process,
 * the revocation version answers "do not trust the cache".
 */

/** Redis answers in well under a millisecond; this only bounds a Redis that does not answer at all. */
export const REDIS_COMMAND_TIMEOUT_MS = 300;
/** How long after a failure Redis is left alone; one call then tries it again, and the rest once it succeeds. */
export const REDIS_REST_MS = 1000;
const MAX_RECONNECT_DELAY_MS = 2000;

export class RedisUnavailable extends Error {
  constructor(reason: string) {
    super(`Redis unavailable: ${reason}`);
    this.name = "RedisUnavailable";
  }
}

// A rest period is a duration on this process's own timeline, not a business time: monotonic, and
// deliberately not lib/clock (tests fix that).
const tick = () => performance.now();

export class GuardedRedis {
  private readonly client: Redis;
  private restUntil = 0;
  private everReady = false;
  private down = false;
  private closing = false;
  private generationCount = 0;
  private readonly firstReady: Promise<void>;

  constructor(url: string) {
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
      maxRetriesPerRequest: 0,
      // A command whose caller has given up (timed out, fallen back) must not run later.
      autoResendUnfulfilledCommands: false,
      retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), MAX_RECONNECT_DELAY_MS),
      enableAutoPipelining: true,
    });
    this.firstReady = new Promise((resolve) => this.client.once("ready", () => resolve()));
    this.client.on("ready", () => {
      this.everReady = true;
      if (this.down) console.info("[redis] reachable again");
      this.down = false;
    });
    this.client.on("close", () => this.lost("connection closed"));
    // Without a listener ioredis prints every failed reconnect; one line per outage is enough.
    this.client.on("error", (error: Error) => this.lost(error.message));
  }

  /**
   * Changes whenever this process may have missed what happened in Redis (a lost connection, a
   * failed or timed-out command): a value read before must not be trusted after.
   */
  get generation(): number {
    return this.generationCount;
  }

  /** A Lua script sent by its SHA (EVALSHA), as `client[name](...keys, ...args)`; keys first. */
  defineScript(name: string, lua: string, numberOfKeys = 1): void {
    this.client.defineCommand(name, { numberOfKeys, lua });
  }

  /** Runs one command, or throws RedisUnavailable without waiting more than the command timeout. */
  async run<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    const now = tick();
    if (now < this.restUntil) throw new RedisUnavailable("resting after a failure");
    // The first call after a rest tries Redis alone; the others keep falling back until it succeeds.
    const probing = this.restUntil > 0;
    if (probing) this.restUntil = now + REDIS_REST_MS;
    if (!this.ready()) {
      // At start-up the first calls wait (briefly) for the connection; after that, not ready means down.
      if (this.everReady) throw new RedisUnavailable(`connection ${this.client.status}`);
      await Promise.race([this.firstReady, new Promise((resolve) => setTimeout(resolve, REDIS_COMMAND_TIMEOUT_MS).unref())]);
      if (!this.ready()) throw this.failed(new RedisUnavailable("not connected yet"));
    }
    try {
      const result = await command(this.client);
      if (probing) this.restUntil = 0;
      return result;
    } catch (error) {
      throw this.failed(error instanceof Error ? error : new Error(String(error)));
    }
  }

  get closed(): boolean {
    return this.closing;
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.client.status === "end") return;
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private ready(): boolean {
    return this.client.status === "ready";
  }

  private failed(error: Error): RedisUnavailable {
    this.restUntil = tick() + REDIS_REST_MS;
    this.lost(error.message);
    return error instanceof RedisUnavailable ? error : new RedisUnavailable(error.message);
  }

  private lost(reason: string): void {
    this.generationCount += 1;
    if (this.down || this.closing) return;
    this.down = true;
    console.error(`[redis] unreachable (${reason}): QPS limits are counted per instance and API keys read from the database until it is back`);
  }
}

const holder = globalThis as unknown as { __guardedRedis?: Map<string, GuardedRedis> };

/**
 * One connection per URL per process, shared by the QPS limiter and the revocation version. On
 * globalThis: the plain Node API server and Next's bundle are two copies of these modules in one
 * process.
 */
export function processRedis(url: string): GuardedRedis {
  holder.__guardedRedis ??= new Map();
  let redis = holder.__guardedRedis.get(url);
  // A closed one (a test, a shutdown) is replaced rather than left failing every call.
  if (!redis || redis.closed) {
    redis = new GuardedRedis(url);
    holder.__guardedRedis.set(url, redis);
  }
  return redis;
}
