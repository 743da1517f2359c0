import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { clientIp } from "@/lib/auth/client-ip";
import type { ServiceContext } from "@/lib/context";
import { THROTTLE, verifySignIn } from "@/lib/identity/sign-in";
import { signUp } from "@/lib/identity/sign-up";
import { describeEachDatabase, describePostgres, uniqueEmail } from "@/lib/tooling/testing/databases";
import { installPeerAddress } from "@/lib/tooling/cli/peer-address.mjs";

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

  it("ignores X-Forwarded-For and X-Real-IP without TRUST_PROXY: the socket's address decides", () => {
    const ips = ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((forged) => clientIp(headers({ "x-forwarded-for": forged, "x-real-ip": forged, "x-console-peer": "203.0.113.9" }), {}));
    expect(new Set(ips)).toEqual(new Set(["203.0.113.9"]));
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1" }), {})).toBe("unknown");
  });

  it("behind TRUST_PROXY hops, takes the address the outermost trusted proxy saw, not what the client prepended", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7", "x-console-peer": "10.0.0.2" });
    expect(clientIp(h, { TRUST_PROXY: "1" })).toBe("198.51.100.7");
    expect(clientIp(h, { TRUST_PROXY: "true" })).toBe("198.51.100.7");
    expect(clientIp(headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.5", "x-console-peer": "10.0.0.2" }), { TRUST_PROXY: "2" })).toBe("198.51.100.7");
    expect(clientIp(h, { TRUST_PROXY: "0" })).toBe("10.0.0.2");
    expect(clientIp(headers({ "x-console-peer": "10.0.0.2" }), { TRUST_PROXY: "1" })).toBe("10.0.0.2");
  });

  it("the server preload drops forwarded headers and records the socket's address, unless behind a trusted proxy", async () => {
    async function seen(env: Record<string, string>, sent: Record<string, string>): Promise<IncomingHttpHeaders> {
      const server = createServer((req, res) => res.end(JSON.stringify(req.headers)));
      installPeerAddress(server, env);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      try {
        return await new Promise((resolve, reject) => {
          const req = httpRequest({ host: "127.0.0.1", port, path: "/", headers: sent }, (res) => {
            let body = "";
            res.on("data", (chunk: Buffer) => (body += chunk.toString()));
            res.on("end", () => resolve(JSON.parse(body) as IncomingHttpHeaders));
          });
          req.on("error", reject);
          req.end();
        });
      } finally {
        server.close();
      }
    }
    const forged = { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", "x-forwarded-host": "evil.example", "x-console-peer": "6.6.6.6" };
    const direct = await seen({}, forged);
    expect(direct["x-forwarded-for"]).toBeUndefined();
    expect(direct["x-real-ip"]).toBeUndefined();
    expect(direct["x-forwarded-host"]).toBeUndefined();
    expect(direct["x-console-peer"]).toBe("127.0.0.1");
    const proxied = await seen({ TRUST_PROXY: "1" }, forged);
    expect(proxied["x-forwarded-for"]).toBe("6.6.6.6");
    expect(proxied["x-console-peer"]).toBe("127.0.0.1");
  });
});

describeEachDatabase("sign-in throttling", (database) => {
  const ctx = (now = at): ServiceContext => ({ db: database().db, actor: { type: "anonymous" }, now });

  async function customer() {
    const email = uniqueEmail("thr");
    await signUp({ ctx: ctx(), input: { email, password: "password-1", company: "Throttle Co" } });
    return email;
  }

  const attempt = (email: string, password: string, ip: string, now = at) => verifySignIn({ ctx: ctx(now), input: { email, password }, ip, audience: "customer" });

  it("an attacker's failures from one IP do not lock the owner out of another, and the message says when to retry", async () => {
    const email = await customer();
    const attacker = randomIp();
    for (let i = 0; i < THROTTLE.perEmailIp; i++) await expect(attempt(email, "guess-guess", attacker)).rejects.toMatchObject({ code: "invalid-credentials" });
    const later = new Date(at.getTime() + 4 * 60_000);
    await expect(attempt(email, "password-1", attacker, later)).rejects.toMatchObject({ code: "throttled", params: { minutes: THROTTLE.windowMinutes - 4 } });
    await expect(attempt(email, "password-1", randomIp(), later)).resolves.toMatchObject({ email });
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
