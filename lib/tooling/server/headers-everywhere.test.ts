import { createServer, request as httpRequest, type IncomingHttpHeaders, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { handleMeteringRequest } from "@/lib/tooling/server/metering-handler";
import { contentSecurityPolicy, NON_PAGE_HEADERS, NON_PAGE_POLICY } from "@/lib/security/headers.mjs";

/**
 * Issue 17 item 3: docs/security.md promises Content-Security-Policy, X-Frame-Options,
 * Referrer-Policy and X-Content-Type-Options on every answer; the metering fast path (now the metering service) sent only
 * nosniff. Every writer now takes them from lib/security/headers.mjs. This table covers the writers
 * that run in-process — proxy.ts (pages, redirects, 405s), next.config.js (the API, assets, files),
 * the metering service (`npm run metering`); TRACE, which never reaches Next, is nginx's
 * (lib/tooling/server/nginx-conf.test.ts); e2e/security-headers.spec.ts covers what only a running
 * Next produces (pages, prerendered pages, 404, route handlers' 405/413/500).
 */

// The metering service's answers without a database: what it does with them (headers, 413, 500) is under test.
vi.mock("@/lib/metering/api-answers", () => {
  const errorAnswer = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });
  return {
    MAX_USAGE_BODY_BYTES: 64,
    MAX_AUTHORIZE_BODY_BYTES: 64,
    errorAnswer,
    usageAnswer: async (request: { authorization: string | null; text(): Promise<string> }) => {
      if (!request.authorization) return errorAnswer(401, "unauthorized", "a valid API key is required");
      const text = await request.text();
      if (text === "fail") throw new Error("a bug on the hot path");
      return { status: 200, body: { results: [] } };
    },
    authorizeAnswer: async () => ({ status: 429, body: { error: { code: "qps" } }, headers: { "Retry-After": "1" } }),
  };
});

const PAGE_NONCE = /^default-src 'self'; script-src 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'; /;
const PRERENDERED = contentSecurityPolicy({ nonce: null, allowEval: false });

function expectSecurityHeaders(get: (name: string) => string | null | undefined, policy: string | RegExp): void {
  expect(get("x-content-type-options")).toBe("nosniff");
  expect(get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(get("x-frame-options")).toBe("DENY");
  const csp = get("content-security-policy") ?? "";
  if (typeof policy === "string") expect(csp).toBe(policy);
  else expect(csp).toMatch(policy);
  expect(csp).toContain("frame-ancestors 'none'");
}

describe("proxy.ts: every page answer, and every refused method", () => {
  // As the production build runs it (development adds 'unsafe-eval' for React's debugging).
  beforeAll(() => {
    vi.stubEnv("NODE_ENV", "production");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  const session = { cookie: "authjs.session-token=x" };
  it.each([
    ["a per-request page", "GET", "/balance", 200, session, PAGE_NONCE],
    ["a prerendered public page", "GET", "/calculator", 200, {}, PRERENDERED],
    ["a prerendered copy by its own path", "GET", "/zh-CN/calculator", 200, {}, PRERENDERED],
    ["the sign-in redirect of a console page", "GET", "/balance", 307, {}, PAGE_NONCE],
    ["an unknown address (Next answers 404 under these headers)", "GET", "/no-such-page", 200, session, PAGE_NONCE],
    ["a CSV download among the pages", "GET", "/bills/2026-10/csv", 200, session, NON_PAGE_POLICY],
    ["PUT on a page", "PUT", "/calculator", 405, {}, NON_PAGE_POLICY],
    ["DELETE on a console page", "DELETE", "/balance", 405, session, NON_PAGE_POLICY],
    ["PATCH on a page", "PATCH", "/terms", 405, {}, NON_PAGE_POLICY],
    ["PROPFIND on a page", "PROPFIND", "/calculator", 405, {}, NON_PAGE_POLICY],
    ["OPTIONS on a page", "OPTIONS", "/calculator", 204, {}, NON_PAGE_POLICY],
    ["POST on the CSV route", "POST", "/bills/2026-10/csv", 405, session, NON_PAGE_POLICY],
    ["PUT on an API route", "PUT", "/api/v1/bills", 405, {}, NON_PAGE_POLICY],
    ["DELETE on the metering API", "DELETE", "/api/v1/usage", 405, {}, NON_PAGE_POLICY],
  ] as const)("%s: %s %s → %i with the headers", (_kind, method, path, status, headers, policy) => {
    const response = proxy(new NextRequest(`http://console.test${path}`, { method, headers }));
    expect(response.status).toBe(status);
    expectSecurityHeaders((name) => response.headers.get(name), policy);
    if (status === 405 || status === 204) expect(response.headers.get("allow")).toMatch(/^[A-Z]+(, [A-Z]+)*$/);
  });

  it("names what an address serves in Allow", () => {
    const allow = (method: string, path: string) => proxy(new NextRequest(`http://console.test${path}`, { method })).headers.get("allow");
    expect(allow("PUT", "/calculator")).toBe("GET, HEAD, OPTIONS, POST");
    expect(allow("PATCH", "/api/v1/usage")).toBe("OPTIONS, POST");
    expect(allow("DELETE", "/api/v1/bills")).toBe("GET, HEAD, OPTIONS");
  });

  it("leaves an API method it serves to Next, whose answers get their headers from next.config.js", () => {
    const response = proxy(new NextRequest("http://console.test/api/v1/usage", { method: "POST" }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("next.config.js headers(): the API, Next's assets and files", () => {
  // Plain JavaScript without declarations: loaded by path, typed as what Next reads.
  const configFile = "../../../next.config.js";
  const load = async () => ((await import(/* @vite-ignore */ configFile)) as { default: NextConfig }).default;
  it.each(["/api/:path*", "/_next/:path*", "/:file((?!api/|_next/).*\\.[a-z0-9]+)"])("%s carries NON_PAGE_HEADERS", async (source) => {
    const rules = (await (await load()).headers?.()) ?? [];
    const rule = rules.find((entry) => entry.source === source);
    expect(Object.fromEntries((rule?.headers ?? []).map(({ key, value }) => [key, value]))).toEqual(NON_PAGE_HEADERS);
  });
});

/** One request to an in-process server; the answer's status and headers. */
function send(server: Server, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function listen(handler: RequestListener): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("the metering service (lib/tooling/server/metering-handler.ts)", () => {
  let server: Server;
  beforeAll(async () => {
    // The service logs the 500's error, as it should; not in the test's output.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    server = await listen(handleMeteringRequest);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const key = { authorization: "Bearer k", "content-type": "application/json" };
  it.each([
    ["a fast answer", "POST", "/api/v1/usage", 200, key, "{}"],
    ["401", "POST", "/api/v1/usage", 401, {}, "{}"],
    ["429 with its own headers", "POST", "/api/v1/authorize", 429, key, "{}"],
    ["413 (a body past the limit)", "POST", "/api/v1/usage", 413, key, "x".repeat(1_000)],
    ["500 (a bug)", "POST", "/api/v1/usage", 500, key, "fail"],
    ["405 (a method it does not serve)", "GET", "/api/v1/usage", 405, {}, undefined],
    ["404 (an address it does not serve)", "POST", "/calculator", 404, {}, "{}"],
  ] as const)("%s: %s %s → %i with the headers", async (_kind, method, path, status, headers, body) => {
    const answer = await send(server, method, path, headers, body);
    expect(answer.status).toBe(status);
    expectSecurityHeaders((name) => answer.headers[name] as string | undefined, NON_PAGE_POLICY);
    if (status === 405) expect(answer.headers.allow).toMatch(/^[A-Z]+(, [A-Z]+)*$/);
    if (status === 429) expect(answer.headers["retry-after"]).toBe("1");
  });

  it("a 405 names what the address serves", async () => {
    expect((await send(server, "GET", "/api/v1/usage", {})).headers.allow).toBe("POST");
  });
});
