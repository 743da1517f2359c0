import { processRedis, type GuardedRedis } from "./redis";

/**
 * Whether a cached API key may still be trusted. Every revocation bumps a version; a cache entry
 * remembers the version it was read under and is used only while that is still the version, so a
 * key revoked through any server instance is refused at once by every other one.
 *  - REDIS_URL set: the version is a Redis counter shared by every instance (one GET per request,
 *    far cheaper than the key lookup it saves). While Redis is away, `null`: keys are read from the
 *    database, never trusted from the cache (docs/security.md, "While Redis is away").
 *  - Embedded database (no DATABASE_URL): there is exactly one process; the version lives in it.
 *  - PostgreSQL without Redis: nothing cheap is shared, so nothing is cached (`null`): every request
 *    reads its key, and a revocation is seen by the next request on every instance.
 */
export interface RevocationVersion {
  /** The version now, or null when keys must not be cached. */
  current(): Promise<string | null>;
  /** Called after a revocation has committed. */
  bump(): Promise<void>;
}

export const REVOCATION_VERSION_KEY = "billing:api-keys:revocation-version";

export class RedisRevocationVersion implements RevocationVersion {
  constructor(private readonly redis: GuardedRedis) {}

  async current(): Promise<string | null> {
    // Prefixed with the connection's generation (read first, so a loss during the GET counts): a key
    // cached before this process lost sight of Redis is not trusted after, even if the counter reads
    // the same again (a Redis restarted empty reads "0" again; a bump made meanwhile may be lost).
    const generation = this.redis.generation;
    try {
      const version = (await this.redis.run((client) => client.get(REVOCATION_VERSION_KEY))) ?? "0";
      return `${generation}:${version}`;
    } catch {
      // Redis unreachable: do not trust the cache; the database still answers.
      return null;
    }
  }

  async bump(): Promise<void> {
    await this.redis.run((client) => client.incr(REVOCATION_VERSION_KEY));
  }
}

// On globalThis: the plain Node API server and Next's bundle are two copies of this module in one
// process; a revocation through either must reach the other's cache.
const holder = globalThis as unknown as { __keyRevocationVersion?: number; __keyRevocations?: RevocationVersion };

class InProcessRevocationVersion implements RevocationVersion {
  async current(): Promise<string | null> {
    return String(holder.__keyRevocationVersion ?? 0);
  }

  async bump(): Promise<void> {
    holder.__keyRevocationVersion = (holder.__keyRevocationVersion ?? 0) + 1;
  }
}

class NoCache implements RevocationVersion {
  async current(): Promise<string | null> {
    return null;
  }

  async bump(): Promise<void> {}
}

export function createRevocationVersion(env: NodeJS.ProcessEnv = process.env): RevocationVersion {
  if (env.REDIS_URL) return new RedisRevocationVersion(processRedis(env.REDIS_URL));
  if (env.DATABASE_URL) return new NoCache();
  return new InProcessRevocationVersion();
}

/** One per process. */
export function keyRevocations(): RevocationVersion {
  holder.__keyRevocations ??= createRevocationVersion();
  return holder.__keyRevocations;
}
