import { describe, expect, it } from "vitest";
import { checkSecuritySettings, serveArgs } from "./serve-args";

/**
 * Issue 9 item 9: `npm start` honours HOSTNAME (0.0.0.0 only when it is unset, as documented).
 * Issue 18 item 1: it serves with `next start` itself — no custom server, no preload patching every
 * HTTP server of the process.
 */
describe("npm start", () => {
  it("listens on HOSTNAME and PORT", () => {
    const { args, env } = serveArgs({ HOSTNAME: "127.0.0.1", PORT: "4100" });
    expect(env).toEqual({ PORT: "4100", HOSTNAME: "127.0.0.1" });
    expect(args.slice(1, 6)).toEqual(["start", "--port", "4100", "--hostname", "127.0.0.1"]);
  });

  it("listens on every interface only when HOSTNAME is unset", () => {
    expect(serveArgs({}).hostname).toBe("0.0.0.0");
    expect(serveArgs({}).port).toBe("3000");
  });

  it("runs `next start` itself: no --import preload, no custom server", () => {
    const { args } = serveArgs({});
    expect(args[0]).toMatch(/node_modules\/next\/dist\/bin\/next$/);
    expect(args[1]).toBe("start");
    expect(args.join(" ")).not.toMatch(/--import|\.mjs|serve\.ts/);
  });

  it("refuses a malformed PAYMENT_PROVIDER or TRUST_PROXY before starting", () => {
    expect(() => checkSecuritySettings({ PAYMENT_PROVIDER: "sandbx" })).toThrow(/PAYMENT_PROVIDER/);
    expect(() => checkSecuritySettings({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
    expect(checkSecuritySettings({ DATABASE_URL: "postgres://x@h/db", TRUST_PROXY: "1", APP_URL: "https://console.example/x" })).toMatchObject({
      trustProxyHops: 1,
      appUrl: "https://console.example",
    });
  });
});
