import { describe, expect, it } from "vitest";
import { checkSecuritySettings, serveArgs, staffLoginHelp } from "./serve-args";

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

describe("npm start tells a newcomer how to get a staff login (issue 19 item 10)", () => {
  it("prints the create-staff command and where reset links go on the embedded default", () => {
    const text = staffLoginHelp("pglite", "3000", {}).join("\n");
    expect(text).toContain("npm run ops -- create-staff --email");
    expect(text).toContain("--role admin");
    expect(text).toContain("http://localhost:3000/staff/sign-in");
    expect(text).toMatch(/reset links are written to this server log/);
    // The embedded database takes one process at a time: the console is stopped first.
    expect(text).toMatch(/stop the console \(Ctrl-C\), run npm run ops/);
    expect(staffLoginHelp("postgres", "3000", { DATABASE_URL: "postgres://x" }).join("\n")).not.toMatch(/stop the console/);
  });

  it("says where reset links go otherwise", () => {
    expect(staffLoginHelp("postgres", "3000", { DATABASE_URL: "postgres://x" }).join("\n")).toMatch(/stay queued/);
    expect(staffLoginHelp("pglite", "3000", { SMTP_URL: "smtp://mail" }).join("\n")).toMatch(/emailed through SMTP_URL/);
  });
});
