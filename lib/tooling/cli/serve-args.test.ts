import { describe, expect, it } from "vitest";
import { checkSecuritySettings, serveArgs } from "./serve-args";

/** Issue 9 item 9: `npm start` honours HOSTNAME (0.0.0.0 only when it is unset, as documented). */
describe("npm start", () => {
  it("listens on HOSTNAME and PORT", () => {
    const { args, env } = serveArgs({ HOSTNAME: "127.0.0.1", PORT: "4100" });
    expect(env).toEqual({ PORT: "4100", HOSTNAME: "127.0.0.1" });
    expect(args.at(-1)).toMatch(/lib\/server\/serve\.ts$/);
  });

  it("listens on every interface only when HOSTNAME is unset", () => {
    expect(serveArgs({}).hostname).toBe("0.0.0.0");
    expect(serveArgs({}).port).toBe("3000");
  });

  it("runs the server with the peer-address preload, so forwarded headers are not trusted by default", () => {
    const { args } = serveArgs({});
    expect(args[0]).toBe("--import");
    expect(args[1]).toMatch(/peer-address-preload\.mjs$/);
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
