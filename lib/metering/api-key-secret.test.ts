import { describe, expect, it } from "vitest";
import { bearerSecret, generateApiKeySecret, hashApiKeySecret, sameHash } from "./api-key-secret";

describe("API key secrets", () => {
  it("are random, prefixed, and stored only as their hash", () => {
    const a = generateApiKeySecret();
    const b = generateApiKeySecret();
    expect(a.secret).toMatch(/^aik_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.hash).toBe(hashApiKeySecret(a.secret));
    expect(a.hash).not.toContain(a.secret.slice(4));
    expect(a.secret.startsWith(a.displayPrefix)).toBe(true);
  });

  it("are read from a Bearer header and nothing else", () => {
    const { secret } = generateApiKeySecret();
    expect(bearerSecret(`Bearer ${secret}`)).toBe(secret);
    expect(bearerSecret(secret)).toBeNull();
    expect(bearerSecret("Bearer aik_short")).toBeNull();
    expect(bearerSecret(null)).toBeNull();
  });

  it("compare in constant time and tell different hashes apart", () => {
    const { hash } = generateApiKeySecret();
    expect(sameHash(hash, hash)).toBe(true);
    expect(sameHash(hash, hashApiKeySecret("other"))).toBe(false);
  });
});
