import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { activate, createKey } from "./metering-helpers";

/**
 * Issue 17 items 3 and 4, over HTTP against the production build: every kind of answer carries
 * the security headers docs/security.md promises (Content-Security-Policy, X-Frame-Options,
 * Referrer-Policy, X-Content-Type-Options), and a method an address does not serve is a 405 with
 * `Allow` and those headers, never a 5xx. The writers that run in-process (proxy.ts,
 * next.config.js, the metering service) have their table in
 * lib/tooling/server/headers-everywhere.test.ts; this covers what only a running Next produces.
 */
const PAGE_NONCE = /^default-src 'self'; script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'; /;
const PRERENDERED = /^default-src 'self'; script-src 'self' 'unsafe-inline'; /;
const NON_PAGE = /^default-src 'none'; frame-ancestors 'none'$/;

type Case = readonly [kind: string, method: string, path: string, status: number, policy: RegExp];

function expectSecurityHeaders(response: APIResponse, policy: RegExp, label: string): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["content-security-policy"] ?? "", label).toMatch(policy);
  expect(headers["content-security-policy"] ?? "", label).toContain("frame-ancestors 'none'");
}

async function check(request: APIRequestContext, cases: readonly Case[]): Promise<void> {
  for (const [kind, method, path, status, policy] of cases) {
    const response = await request.fetch(path, { method, maxRedirects: 0 });
    const label = `${kind}: ${method} ${path}`;
    expect(response.status(), label).toBe(status);
    expectSecurityHeaders(response, policy, label);
  }
}

test.describe("security headers on every kind of answer (issue 17 item 3)", () => {
  test("anonymous: pages, prerendered pages, redirects, the API, files, 404, 500", async ({ request }) => {
    await check(request, [
      ["a prerendered public page", "GET", "/calculator", 200, PRERENDERED],
      ["a prerendered public page in the other language", "GET", "/zh-CN/calculator", 200, PRERENDERED],
      ["a page rendered per request", "GET", "/staff/sign-in", 200, PAGE_NONCE],
      ["the sign-in redirect of a console page", "GET", "/balance", 307, PAGE_NONCE],
      ["a JSON API answer", "GET", "/api/v1/bills?month=2026-10", 401, NON_PAGE],
      ["a JSON API POST", "POST", "/api/v1/usage", 401, NON_PAGE],
      ["OPTIONS of an API route (Next answers it)", "OPTIONS", "/api/v1/bills", 204, NON_PAGE],
      ["404 of an unknown API address", "GET", "/api/no-such-route", 404, NON_PAGE],
      ["404 of an unknown file", "GET", "/no-such-file.png", 404, NON_PAGE],
      ["a file", "GET", "/favicon.ico", 200, NON_PAGE],
      ["500 of a route handler", "GET", "/api/test/fail", 500, NON_PAGE],
    ]);
  });

  test("signed in: console pages, 404, a CSV download, the console's JSON", async ({ page, customer: _customer }) => {
    await check(page.request, [
      ["a console page", "GET", "/balance", 200, PAGE_NONCE],
      ["404 of an unknown address", "GET", "/no-such-page", 404, PAGE_NONCE],
      ["404 of a page's notFound()", "GET", "/bills/1999-01", 404, PAGE_NONCE],
      ["a CSV download", "GET", "/balance/transactions-csv", 200, NON_PAGE],
      ["the console's JSON", "GET", "/api/console/balance", 200, NON_PAGE],
    ]);
  });

  test("413 of the metering API through Next", async ({ page, customer: _customer }) => {
    await activate(page, "processing");
    const key = await createKey(page, "big");
    const response = await page.request.post("/api/v1/usage", { headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, data: `{"events":"${"x".repeat(1_000_100)}"}` });
    expect(response.status()).toBe(413);
    expectSecurityHeaders(response, NON_PAGE, "413");
  });
});

test.describe("methods an address does not serve (issue 17 item 4)", () => {
  const PAGE = "GET, HEAD, OPTIONS, POST";
  const cases: readonly (readonly [path: string, allow: string])[] = [
    ["/calculator", PAGE],
    ["/balance", PAGE],
    ["/sign-in", PAGE],
    ["/api/v1/bills", "GET, HEAD, OPTIONS"],
    ["/api/v1/usage", "OPTIONS, POST"],
    ["/bills/2026-10/csv", "GET, HEAD, OPTIONS"],
  ];

  // TRACE never reaches Next (it builds a fetch Request, which refuses TRACE): nginx in front answers
  // it 405 itself (lib/tooling/server/nginx-conf.test.ts, and the topology test through nginx).
  test("PUT, DELETE, PATCH, PROPFIND: 405 with Allow and the headers, never a 5xx", async ({ request }) => {
    for (const [path, allow] of cases) {
      for (const method of ["PUT", "DELETE", "PATCH", "PROPFIND"]) {
        const response = await request.fetch(path, { method, maxRedirects: 0 });
        const label = `${method} ${path}`;
        expect(response.status(), label).toBe(405);
        expect(response.headers().allow, label).toBe(allow);
        expectSecurityHeaders(response, NON_PAGE, label);
      }
    }
  });

  test("OPTIONS of a page names what it serves", async ({ request }) => {
    const response = await request.fetch("/calculator", { method: "OPTIONS" });
    expect(response.status()).toBe(204);
    expect(response.headers().allow).toBe(PAGE);
    expectSecurityHeaders(response, NON_PAGE, "OPTIONS /calculator");
  });
});
