import { afterAll, describe, expect, it } from "vitest";
import { InProcessQpsLimiter, RedisQpsLimiter, type QpsLimiter } from "./qps-limiter";
import { GuardedRedis } from "./redis";

const targets: { name: string; make: () => QpsLimiter }[] = [{ name: "in-process", make: () => new InProcessQpsLimiter() }];
if (process.env.REDIS_URL) targets.push({ name: "redis", make: () => new RedisQpsLimiter(new GuardedRedis(process.env.REDIS_URL as string)) });

for (const target of targets) {
  describe(`QPS limiter [${target.name}]`, () => {
    const limiter = target.make();
    afterAll(() => limiter.close());
    const key = () => `test:${Math.random().toString(36).slice(2)}`;

    it("lets exactly `limit` of 25 concurrent calls through in one window", async () => {
      const k = key();
      const now = 1_700_000_000_250;
      const decisions = await Promise.all(Array.from({ length: 25 }, () => limiter.acquire(k, 10, now)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(decisions.find((d) => !d.allowed)?.retryAfterMs).toBe(750);
    });

    it("opens a new window each second", async () => {
      const k = key();
      const now = 1_700_000_001_900;
      expect((await limiter.acquire(k, 1, now)).allowed).toBe(true);
      expect((await limiter.acquire(k, 1, now + 50)).allowed).toBe(false);
      expect((await limiter.acquire(k, 1, now + 100)).allowed).toBe(true);
    });

    it("keeps accounts apart", async () => {
      const now = 1_700_000_002_000;
      expect((await limiter.acquire(key(), 1, now)).allowed).toBe(true);
      expect((await limiter.acquire(key(), 1, now)).allowed).toBe(true);
    });
  });
}

describe("two limiter instances sharing Redis (two server instances)", () => {
  it.runIf(Boolean(process.env.REDIS_URL))("share one count", async () => {
    const a = new RedisQpsLimiter(new GuardedRedis(process.env.REDIS_URL as string));
    const b = new RedisQpsLimiter(new GuardedRedis(process.env.REDIS_URL as string));
    try {
      const k = `shared:${Math.random().toString(36).slice(2)}`;
      const now = 1_700_000_003_000;
      const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).acquire(k, 7, now)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
