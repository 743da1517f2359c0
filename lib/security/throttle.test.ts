import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { clientIp } from "@/lib/auth/client-ip";
import { trustedProxyHops } from "@/lib/auth/trusted-proxy";
import type { ServiceContext } from "@/lib/context";
import { THROTTLE, UNKNOWN_IP, verifySignIn } from "@/lib/identity/sign-in";
import { signUp } from "@/lib/identity/sign-up";
import { describeEachDatabase, describePostgres, uniqueEmail } from "@/lib/tooling/testing/databases";

/**
 * Issue 9 item 6: sign-in attempts are counted atomically before the password hash is compared, per
 * (email, IP) and per IP, with a higher per-email ceiling; the client's IP comes from a forwarded
 * header only behind a configured proxy (TRUST_PROXY); a refusal says when to retry.
 */
const at = new Date("2026-11-22T02:00:00Z");
/**
 * A fresh address per use: attempts stay in the shared PostgreSQL test database, all at the fixed
 * test time, so a fixed address would collect every earlier run's failures.
 */
const randomIp = () => `10.${Array.from({ length: 3 }, () => Math.floor(Math.random() * 256)).join(".")}`;

describe("the client's IP", () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it("without TRUST_PROXY no address is trusted: whatever forwarded header a client sends, the answer is null", () => {
    // `next start` passes on a client-sent X-Forwarded-For (it fills one from the socket only when absent).
    for (const forged of ["1.1.1.1", "2.2.2.2", "6.6.6.6, 198.51.100.7"]) {
      expect(clientIp(headers({ "x-forwarded-for": forged, "x-real-ip": forged }), {})).toBeNull();
      expect(clientIp(headers({ "x-forwarded-for": forged }), { TRUST_PROXY: "0" })).toBeNull();
      expect(clientIp(headers({ "x-forwarded-for": forged }), { TRUST_PROXY: "yes" })).toBeNull();
    }
    expect(clientIp(headers({}), {})).toBeNull();
  });

  it("behind TRUST_PROXY hops, takes the address the outermost trusted proxy wrote, not what the client prepended", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" });
    expect(clientIp(h, { TRUST_PROXY: "1" })).toBe("198.51.100.7");
    expect(clientIp(h, { TRUST_PROXY: "true" })).toBe("198.51.100.7");
    expect(clientIp(headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.5" }), { TRUST_PROXY: "2" })).toBe("198.51.100.7");
    // deploy/nginx.conf sets the header to the peer it saw: one entry.
    expect(clientIp(headers({ "x-forwarded-for": "198.51.100.7" }), { TRUST_PROXY: "1" })).toBe("198.51.100.7");
    expect(clientIp(headers({}), { TRUST_PROXY: "1" })).toBeNull();
  });

  it("TRUST_PROXY is a number of hops, true or unset; anything else is refused", () => {
    expect([undefined, "", "0", "false", "true", "1", "2"].map((v) => trustedProxyHops(v))).toEqual([0, 0, 0, 0, 1, 1, 2]);
    for (const bad of ["yes", "-1", "1.5", "one", "01"]) expect(() => trustedProxyHops(bad)).toThrow(/TRUST_PROXY/);
  });
});

describeEachDatabase("sign-in throttling", (database) => {
  const ctx = (now = at): ServiceContext => ({ db: database().db, actor: { type: "anonymous" }, now });

  async function customer() {
    const email = uniqueEmail("thr");
    await signUp({ ctx: ctx(), input: { email, password: "password-1", company: "Throttle Co" } });
    return email;
  }

  const attempt = (email: string, password: string, ip: string | null, now = at) => verifySignIn({ ctx: ctx(now), input: { email, password }, ip, audience: "customer" });

  it("an attacker's failures from one IP do not lock the owner out of another, and the message says when to retry", async () => {
    const email = await customer();
    const attacker = randomIp();
    for (let i = 0; i < THROTTLE.perEmailIp; i++) await expect(attempt(email, "guess-guess", attacker)).rejects.toMatchObject({ code: "invalid-credentials" });
    const later = new Date(at.getTime() + 4 * 60_000);
    await expect(attempt(email, "password-1", attacker, later)).rejects.toMatchObject({ code: "throttled", params: { minutes: THROTTLE.windowMinutes - 4 } });
    await expect(attempt(email, "password-1", randomIp(), later)).resolves.toMatchObject({ email });
  });

  it("without a trusted address only the per-email limit applies: no shared bucket anyone could fill to lock everyone out", async () => {
    const email = await customer();
    for (let i = 0; i < THROTTLE.perEmailIp; i++) await expect(attempt(email, "guess-guess", null)).rejects.toMatchObject({ code: "invalid-credentials" });
    // Past the per-(email, IP) figure: no address, so the owner still signs in.
    await expect(attempt(email, "password-1", null)).resolves.toMatchObject({ email });
    // Others' failures without an address do not count against this one.
    const other = await customer();
    const sprayed = Array.from({ length: THROTTLE.perIp }, () => ({ email: uniqueEmail("spray"), ip: UNKNOWN_IP, succeeded: false, at }));
    await database().db.insert(signInAttempts).values(sprayed);
    await expect(attempt(other, "password-1", null)).resolves.toMatchObject({ email: other });
    // The per-email ceiling holds.
    const failures = Array.from({ length: THROTTLE.perEmail }, () => ({ email: other, ip: UNKNOWN_IP, succeeded: false, at }));
    await database().db.insert(signInAttempts).values(failures);
    await expect(attempt(other, "password-1", null)).rejects.toMatchObject({ code: "throttled" });
  });

  it("limits one IP across many emails (spraying), and lets go after the window", async () => {
    const ip = randomIp();
    const sprayed = Array.from({ length: THROTTLE.perIp - 1 }, () => ({ email: uniqueEmail("spray"), ip, succeeded: false, at }));
    await database().db.insert(signInAttempts).values(sprayed);
    await expect(attempt(uniqueEmail("spray"), "guess-guess", ip)).rejects.toMatchObject({ code: "invalid-credentials" });
    await expect(attempt(uniqueEmail("spray"), "guess-guess", ip)).rejects.toMatchObject({ code: "throttled" });
    const after = new Date(at.getTime() + (THROTTLE.windowMinutes + 1) * 60_000);
    await expect(attempt(uniqueEmail("spray"), "guess-guess", ip, after)).rejects.toMatchObject({ code: "invalid-credentials" });
  });

  it("has a per-email ceiling across IPs, above the per-(email, IP) limit", async () => {
    expect(THROTTLE.perEmail).toBeGreaterThan(THROTTLE.perEmailIp);
    const email = await customer();
    // Failures from many addresses, one each (written directly: 50 password hashes are slow to make).
    const failures = Array.from({ length: THROTTLE.perEmail - 1 }, () => ({ email, ip: randomIp(), succeeded: false, at }));
    await database().db.insert(signInAttempts).values(failures);
    await expect(attempt(email, "guess-guess", randomIp())).rejects.toMatchObject({ code: "invalid-credentials" });
    await expect(attempt(email, "password-1", randomIp())).rejects.toMatchObject({ code: "throttled" });
    const later = new Date(at.getTime() + (THROTTLE.windowMinutes + 1) * 60_000);
    await expect(attempt(email, "password-1", randomIp(), later)).resolves.toMatchObject({ email });
  });
});

describePostgres("sign-in throttling under concurrency", () => {
  it("40 concurrent guesses: no more than the limit reach the password check", async () => {
    // A pool of its own, smaller than the guesses: the 40 interleave on 10 connections, and the
    // test does not compete for the PostgreSQL server's connection slots with the other suites.
    const handle = await openDatabase({ url: process.env.TEST_DATABASE_URL, maxConnections: 10 });
    const ctx: ServiceContext = { db: handle.db, actor: { type: "anonymous" }, now: at };
    const email = uniqueEmail("race");
    const ip = randomIp();
    let results: PromiseSettledResult<unknown>[];
    try {
      await signUp({ ctx, input: { email, password: "password-1", company: "Race Co" } });
      results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => verifySignIn({ ctx, input: { email, password: `guess-${i}-guess` }, ip, audience: "customer" })));
    } finally {
      await handle.close();
    }
    const codes = results.map((r) => (r.status === "rejected" ? ((r.reason as { code?: string }).code ?? String(r.reason)) : "signed-in"));
    expect(codes.filter((c) => c !== "invalid-credentials" && c !== "throttled")).toEqual([]);
    expect(codes.filter((c) => c === "invalid-credentials").length).toBeLessThanOrEqual(THROTTLE.perEmailIp);
    expect(codes.filter((c) => c === "throttled").length).toBeGreaterThanOrEqual(40 - THROTTLE.perEmailIp);
  });
});
