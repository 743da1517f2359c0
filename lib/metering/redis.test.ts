import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/tooling/testing/free-port";
import { RedisRevocationVersion } from "./key-revocations";
import { RedisQpsLimiter } from "./qps-limiter";
import { GuardedRedis, RedisUnavailable } from "./redis";

/**
 * A REDIS_URL where nothing listens (the case of a Redis that never came up): every use answers at
 * once in the direction docs/security.md states. The outage in the middle of a run, killed and
 * frozen, is redis-outage.test.ts (PostgreSQL).
 */
describe("with REDIS_URL pointing at no Redis", () => {
  let redis: GuardedRedis;
  beforeAll(async () => {
    redis = new GuardedRedis(`redis://127.0.0.1:${await freePort()}`);
  });
  afterAll(() => redis.close());

  it("QPS limits count in-process: exactly `limit` of 25 concurrent calls pass", async () => {
    const limiter = new RedisQpsLimiter(redis);
    const now = 1_700_000_000_250;
    const key = `nowhere:${Math.random().toString(36).slice(2)}`;
    const same = await Promise.all(Array.from({ length: 25 }, () => limiter.acquire(key, 10, now)));
    expect(same.filter((d) => d.allowed)).toHaveLength(10);
    expect(same.find((d) => !d.allowed)?.retryAfterMs).toBe(750);
  });

  it("the revocation version says: do not trust cached keys; a bump fails instead of waiting", async () => {
    const versions = new RedisRevocationVersion(redis);
    expect(await Promise.all([versions.current(), versions.current()])).toEqual([null, null]);
    await expect(versions.bump()).rejects.toBeInstanceOf(RedisUnavailable);
  });
});
