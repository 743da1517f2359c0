import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./headers.mjs";

/** Issue 9 item 7: the policy itself (the e2e suite checks the headers a running server sends and that pages still work). */
describe("Content-Security-Policy", () => {
  it("runs only scripts with this response's nonce, never eval in production, and may not be framed", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==", allowEval: false });
    expect(policy).toContain("script-src 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", allowEval: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("sends HSTS only over HTTPS", () => {
    expect(servedOverHttps("https", undefined)).toBe(true);
    expect(servedOverHttps("http", undefined)).toBe(false);
    expect(servedOverHttps(null, "https://console.example")).toBe(true);
    expect(servedOverHttps(null, undefined)).toBe(false);
  });
});
