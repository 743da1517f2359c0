import { processRedis, type GuardedRedis } from "./redis";

/**
 * QPS limiting for groups billed by QPS (SPEC §2.6): at most `limit` calls per one-second window per
 * account and group. With REDIS_URL every server instance shares the count; without it, the count is
 * per process (a single-instance deployment). Windows are whole seconds of the caller's clock.
 */
export interface QpsDecision {
  allowed: boolean;
  /** When refused: milliseconds until the next window opens. */
  retryAfterMs: number;
}

export interface QpsLimiter {
  acquire(key: string, limit: number, nowMs: number): Promise<QpsDecision>;
  close(): Promise<void>;
}

const WINDOW_MS = 1000;

function retryAfter(nowMs: number): number {
  return WINDOW_MS - (nowMs % WINDOW_MS);
}

export class InProcessQpsLimiter implements QpsLimiter {
  private readonly windows = new Map<string, { window: number; count: number }>();

  async acquire(key: string, limit: number, nowMs: number): Promise<QpsDecision> {
    const window = Math.floor(nowMs / WINDOW_MS);
    const entry = this.windows.get(key);
    const current = entry && entry.window === window ? entry : { window, count: 0 };
    if (this.windows.size > 10_000) this.sweep(window);
    if (current.count >= limit) {
      this.windows.set(key, current);
      return { allowed: false, retryAfterMs: retryAfter(nowMs) };
    }
    current.count += 1;
    this.windows.set(key, current);
    return { allowed: true, retryAfterMs: 0 };
  }

  private sweep(window: number): void {
    for (const [key, entry] of this.windows) if (entry.window < window) this.windows.delete(key);
  }

  async close(): Promise<void> {}
}

// One round trip: count this call in the window and refuse it past the limit. A refused call is not
// counted (INCR then DECR would be two writes; checking first keeps the key at most `limit`).
const ACQUIRE_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
if count == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1`;

/**
 * The shared count in Redis. While Redis is away (REDIS_QPS_FAILS_OPEN_PER_INSTANCE, docs/security.md)
 * each instance counts on its own: the gateway keeps getting answers, and a customer may get up to
 * `limit` per second from each instance instead of from all of them together — erring towards
 * serving the calls the customer paid for, never towards refusing them all.
 */
export class RedisQpsLimiter implements QpsLimiter {
  private readonly fallback = new InProcessQpsLimiter();

  constructor(private readonly redis: GuardedRedis) {
    redis.defineScript("qpsAcquire", ACQUIRE_SCRIPT);
  }

  async acquire(key: string, limit: number, nowMs: number): Promise<QpsDecision> {
    const window = Math.floor(nowMs / WINDOW_MS);
    let allowed: boolean;
    try {
      const count = (client: unknown) => (client as { qpsAcquire(key: string, limit: number, ttlMs: number): Promise<number> }).qpsAcquire(`qps:${key}:${window}`, limit, 2 * WINDOW_MS);
      allowed = (await this.redis.run(count)) === 1;
    } catch {
      return this.fallback.acquire(key, limit, nowMs);
    }
    return allowed ? { allowed, retryAfterMs: 0 } : { allowed, retryAfterMs: retryAfter(nowMs) };
  }

  async close(): Promise<void> {
    await this.redis.close();
  }
}

export function createQpsLimiter(redisUrl = process.env.REDIS_URL): QpsLimiter {
  return redisUrl ? new RedisQpsLimiter(processRedis(redisUrl)) : new InProcessQpsLimiter();
}
