import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/redirect-target";

/**
 * Issue 9 item 5: every return target (sign-in `callbackUrl`, the sandbox's `return`) is resolved
 * against our origin and kept only when it stays there. The browser strips tabs and newlines from a
 * URL and reads `\` as `/`, so "/\t/evil.example" became "//evil.example" after the redirect.
 */
const hostile = [
  "https://evil.example/",
  "//evil.example/x",
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r/evil.example/x",
  "/\u0000/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/%09/evil.example/x",
  "/%0a/evil.example/x",
  "/%5Cevil.example",
  "/%2F/evil.example",
  "/%252F%252Fevil.example",
  "%2F%2Fevil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http:evil.example",
  "https:/\\evil.example",
  "/\u2028/evil.example",
  "",
  "balance",
];

describe("safeReturnPath", () => {
  it.each(hostile)("refuses %j", (target) => {
    expect(safeReturnPath(target, "/fallback")).toBe("/fallback");
  });

  it("refuses what is not a string", () => {
    expect(safeReturnPath(undefined, "/f")).toBe("/f");
    expect(safeReturnPath(["/balance"], "/f")).toBe("/f");
  });

  it.each([
    ["/", "/"],
    ["/balance", "/balance"],
    ["/?from=bookmark", "/?from=bookmark"],
    ["/bills/2026-10?x=1#lines", "/bills/2026-10?x=1#lines"],
    ["/packs/../balance", "/balance"],
    ["/usage?month=2026-10&q=%2F%2Fnot-a-host", "/usage?month=2026-10&q=%2F%2Fnot-a-host"],
  ])("keeps the same-origin path %j as %j", (target, expected) => {
    expect(safeReturnPath(target, "/fallback")).toBe(expected);
  });

  it("never returns something that leaves the origin when resolved, whatever it is given", () => {
    const origin = "https://console.example";
    for (const target of hostile) {
      const kept = safeReturnPath(target, "/");
      expect(new URL(kept, origin).origin).toBe(origin);
      expect(kept.startsWith("//")).toBe(false);
    }
  });
});
