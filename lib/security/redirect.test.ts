import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { returnPathWith, safeReturnPath } from "@/lib/auth/redirect-target";

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

/**
 * Issue 17 item 1: the check ran on the raw value while the resolved one was returned, so dot
 * segments turned a path into a host: "/.//evil.example/phish" came back as "//evil.example/phish"
 * (a 307 Location after sign-in, the sandbox's Cancel link). What is returned is what is checked.
 */
const ORIGIN = "https://console.example";

/** A returned target is a path on our origin, and so is every percent-decoding of it, dot segments resolved or not. */
function expectSameOrigin(kept: string): void {
  let form = kept;
  for (let i = 0; i < 4; i++) {
    expect(form.startsWith("/")).toBe(true);
    expect(form[1] === "/" || form[1] === "\\").toBe(false);
    const url = new URL(form, ORIGIN);
    expect(url.origin).toBe(ORIGIN);
    expect(url.pathname.startsWith("//")).toBe(false);
    let next: string;
    try {
      next = decodeURIComponent(form);
    } catch {
      return;
    }
    if (next === form) return;
    form = next;
  }
}

describe("safeReturnPath checks what it returns (issue 17 item 1)", () => {
  it.each([
    // The reported cases: the sign-in `callbackUrl` (as searchParams decodes it) and the sandbox `return`.
    "/.//evil.example/phish",
    "/x/..//evil.example",
    // Their relatives: encoded dot segments, dots at the end, several levels.
    "/x/%2e%2e//evil.example",
    "/%2e//evil.example",
    "/a/b/../..//evil.example",
    "/././/evil.example",
    "/.//evil.example?cancelled=1",
    "/./%2Fevil.example",
    "/x/..%2F%2Fevil.example",
  ])("refuses %j, which resolves to another host", (target) => {
    expect(safeReturnPath(target, "/fallback")).toBe("/fallback");
  });

  it("adds parameters into the query of a checked path, never after a hash, never making a host", () => {
    expect(returnPathWith("/balance", { cancelled: "1" }, "/balance")).toBe("/balance?cancelled=1");
    expect(returnPathWith("/usage?month=2026-10#top", { topup: "abc" }, "/balance")).toBe("/usage?month=2026-10&topup=abc#top");
    expect(returnPathWith("/.//evil.example/phish", { cancelled: "1" }, "/balance")).toBe("/balance?cancelled=1");
  });

  // Pieces that have turned a path into a host somewhere: dot segments (plain and encoded), slashes
  // repeated and encoded (once and twice), backslashes, controls that browsers strip, `@`, schemes,
  // the Unicode separators and a full-width solidus.
  const piece = fc.constantFrom(
    "/", "//", ".", "..", "%2e", "%2E%2E", ".%2e", "%2F", "%2f", "%252F", "%5C", "%5c", "\\", "\t", "\n", "\r", "\u0000", "%09", "%0a", "%00",
    "@", ":", "evil.example", "evil.example:443", "user:pass@", "http:", "https:", "javascript:", "data:", "?", "#", "&", "=", " ", "\u2028", "\uff0f", "a", "balance",
  );
  const generated = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join("")),
    fc.array(piece, { maxLength: 12 }).map((pieces) => `/${pieces.join("")}`),
    fc.string({ unit: "binary", maxLength: 40 }),
  );

  it("returns, for any generated path, the fallback or a path with one leading slash on our origin", () => {
    fc.assert(
      fc.property(generated, (target) => {
        const kept = safeReturnPath(target, "/fallback");
        expectSameOrigin(kept);
        // What it returns is already final: checking it again changes nothing.
        expect(safeReturnPath(kept, "/other")).toBe(kept);
      }),
      { numRuns: 5000 },
    );
  });

  it("adds parameters to any generated path and still returns a path on our origin", () => {
    fc.assert(
      fc.property(generated, fc.string({ maxLength: 10 }), (target, value) => {
        expectSameOrigin(returnPathWith(target, { cancelled: value }, "/balance"));
      }),
      { numRuns: 1000 },
    );
  });
});
