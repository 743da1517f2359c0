import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLocale } from "@/lib/i18n/locales";
import { NON_PAGE_HEADERS, PRERENDERED_PAGES } from "@/lib/security/headers.mjs";
import { freePort } from "@/lib/tooling/bench/server";
import { nginxBinary, NGINX_TEMPLATE, renderNginxConf, startNginx, type RunningNginx } from "./nginx";

/**
 * deploy/nginx.conf (issue 18 item 1) in front of stand-in upstreams that record what reached them:
 * which requests the page cache answers (keyed on what chooses the language, never a session's
 * page or one that sets a cookie), the forwarded headers nginx sets, the metering routes' upstream,
 * the body limit, gzip, and a GET retried past a dead instance. The real console behind it:
 * lib/tooling/server/topology.test.ts.
 */
const template = readFileSync(NGINX_TEMPLATE, "utf8");

describe("deploy/nginx.conf as text", () => {
  it("caches exactly the prerendered public pages, and fills every placeholder", () => {
    const pattern = /location ~ (\^\/\(calculator[^ ]*\$) \{/.exec(template)?.[1];
    expect(pattern).toBeDefined();
    const pages = new RegExp(pattern ?? "$^");
    for (const page of PRERENDERED_PAGES) expect(pages.test(page), page).toBe(true);
    for (const other of ["/", "/usage", "/reset-password", "/staff/sign-in", "/prices", "/calculator/x", "/api/v1/usage"]) expect(pages.test(other), other).toBe(false);
    const filled = renderNginxConf({ listen: "8080", runtimeDir: "/tmp/x", consoles: ["127.0.0.1:3000", "127.0.0.1:3001"], metering: ["127.0.0.1:3100"] });
    expect(filled).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(filled).toContain("server 127.0.0.1:3001 max_fails=1 fail_timeout=10s;");
  });

  it("sets X-Forwarded-For from the peer and never appends to a client's", () => {
    expect(template).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(template).not.toContain("$proxy_add_x_forwarded_for");
  });

  it("writes the non-page headers on its own refusals", () => {
    for (const block of template.split("location @").slice(1)) {
      for (const [name, value] of Object.entries(NON_PAGE_HEADERS)) {
        const quoted = value.includes(" ") ? `"${value}"` : value;
        expect(block, name).toContain(`add_header ${name} ${quoted} always;`);
      }
    }
  });
});

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A stand-in console: the public pages in the language chooseLocale picks, a session's own page, assets, echoes. */
function standInConsole(seen: Seen[]): Server {
  return createServer((request, response) => {
    request.resume();
    const url = new URL(request.url ?? "/", "http://x");
    seen.push({ path: url.pathname, headers: request.headers });
    const cookies = Object.fromEntries((request.headers.cookie ?? "").split(";").map((c) => c.trim().split("=") as [string, string]));
    if (url.pathname.startsWith("/_next/static/")) {
      response.writeHead(200, { "content-type": "application/javascript", "cache-control": "public, max-age=31536000, immutable" }).end("x".repeat(2000));
      return;
    }
    if (PRERENDERED_PAGES.includes(url.pathname)) {
      const session = "authjs.session-token" in cookies;
      const lang = chooseLocale(cookies.locale, request.headers["accept-language"] ?? null);
      const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache" };
      if (url.searchParams.has("set-cookie")) headers["set-cookie"] = "seen=1; Path=/";
      const kind = request.headers.rsc === "1" ? "rsc" : session ? "session" : "copy";
      response.writeHead(200, headers).end(`<html lang="${lang}" data-kind="${kind}">${"<p>public page</p>".repeat(200)}</html>`);
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ served: "console", path: url.pathname }));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const nginx = nginxBinary();

describe.skipIf(!nginx)("deploy/nginx.conf in front of stand-in upstreams", () => {
  const seen: Seen[] = [];
  const meteringSeen: Seen[] = [];
  const servers: Server[] = [];
  let proxy: RunningNginx | undefined;
  const url = () => proxy?.url ?? "";
  const upstreamHits = (path: string) => seen.filter((s) => s.path === path).length;

  beforeAll(async () => {
    const consoleServer = standInConsole(seen);
    const metering = createServer((request, response) => {
      request.resume();
      meteringSeen.push({ path: request.url ?? "", headers: request.headers });
      const body = '{"served":"metering"}';
      response.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body);
    });
    servers.push(consoleServer, metering);
    const deadPort = await freePort();
    proxy = await startNginx({ listen: `127.0.0.1:${await freePort()}`, consoles: [await listen(consoleServer), `127.0.0.1:${deadPort}`], metering: [await listen(metering)] });
  });
  afterAll(async () => {
    await proxy?.stop();
    for (const server of servers) server.close();
  });

  it("serves each public page in the language chooseLocale picks, from the cache once it has it", async () => {
    const cookies = [undefined, "en", "zh-CN", "ZH-CN", "fr"];
    const languages = [undefined, "en", "zh", " zh-TW,en", "ZH", "en, zh", "fr"];
    const cases = cookies.flatMap((cookie) => languages.map((acceptLanguage) => ({ cookie, acceptLanguage })));
    for (const round of [1, 2]) {
      for (const { cookie, acceptLanguage } of round === 1 ? cases : [...cases].reverse()) {
        const headers: Record<string, string> = {};
        if (cookie) headers.cookie = `theme=dark; locale=${cookie}`;
        if (acceptLanguage) headers["accept-language"] = acceptLanguage;
        const response = await fetch(`${url()}/calculator`, { headers });
        const lang = /lang="([^"]+)"/.exec(await response.text())?.[1];
        expect({ cookie, acceptLanguage, lang }).toEqual({ cookie, acceptLanguage, lang: chooseLocale(cookie, acceptLanguage ?? null) });
        if (round === 2) expect(response.headers.get("x-cache-status"), JSON.stringify({ cookie, acceptLanguage })).toBe("HIT");
      }
    }
    // One upstream request per distinct (locale cookie, zh?) key, however many visitors.
    expect(upstreamHits("/calculator")).toBeLessThanOrEqual(3 * 2);
  });

  it("never answers a session's request from the cache, nor keeps its page", async () => {
    const before = upstreamHits("/terms");
    await fetch(`${url()}/terms`);
    for (let i = 0; i < 3; i++) {
      const own = await fetch(`${url()}/terms`, { headers: { cookie: "locale=en; authjs.session-token=abc" } });
      expect(await own.text()).toContain('data-kind="session"');
      expect(own.headers.get("x-cache-status")).toBe("BYPASS");
    }
    const anonymous = await fetch(`${url()}/terms`);
    expect(await anonymous.text()).toContain('data-kind="copy"');
    expect(upstreamHits("/terms") - before).toBe(4);
    const secure = await fetch(`${url()}/terms`, { headers: { cookie: "__Secure-authjs.session-token=abc" } });
    expect(secure.headers.get("x-cache-status")).toBe("BYPASS");
  });

  it("never keeps an answer that sets a cookie, nor one of Next's router requests", async () => {
    for (let i = 0; i < 2; i++) expect((await fetch(`${url()}/sign-up?set-cookie=1`)).headers.get("set-cookie")).toBe("seen=1; Path=/");
    expect(seen.filter((s) => s.path === "/sign-up").length).toBe(2);
    for (let i = 0; i < 2; i++) {
      const rsc = await fetch(`${url()}/sign-in`, { headers: { rsc: "1" } });
      expect(await rsc.text()).toContain('data-kind="rsc"');
    }
    const page = await fetch(`${url()}/sign-in`);
    expect(await page.text()).toContain('data-kind="copy"');
  });

  it("keeps Next's hashed assets", async () => {
    await fetch(`${url()}/_next/static/chunks/a1b2.js`);
    const again = await fetch(`${url()}/_next/static/chunks/a1b2.js`);
    expect(again.headers.get("x-cache-status")).toBe("HIT");
    expect(again.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(upstreamHits("/_next/static/chunks/a1b2.js")).toBe(1);
  });

  it("sets X-Forwarded-For and -Proto itself, whatever the client sent", async () => {
    await fetch(`${url()}/balance`, { headers: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", forwarded: "for=6.6.6.6", "x-forwarded-proto": "https" } });
    const last = seen.filter((s) => s.path === "/balance").at(-1);
    expect(last?.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(last?.headers["x-forwarded-proto"]).toBe("http");
    expect(last?.headers["x-real-ip"]).toBeUndefined();
    expect(last?.headers.forwarded).toBeUndefined();
  });

  it("compresses pages, not small answers, and asks upstream for none", async () => {
    const page = await fetch(`${url()}/forgot-password`, { headers: { "accept-encoding": "gzip" } });
    expect(page.headers.get("content-encoding")).toBe("gzip");
    expect(seen.filter((s) => s.path === "/forgot-password").every((s) => s.headers["accept-encoding"] === undefined)).toBe(true);
    const small = await fetch(`${url()}/api/v1/usage`, { method: "POST", body: "{}", headers: { "accept-encoding": "gzip" } });
    expect(small.headers.get("content-encoding")).toBeNull();
  });

  it("sends the metering routes to the metering service and everything else to the console", async () => {
    meteringSeen.length = 0;
    for (const path of ["/api/v1/usage", "/api/v1/authorize"]) expect(await (await fetch(`${url()}${path}`, { method: "POST", body: "{}" })).json()).toEqual({ served: "metering" });
    for (const path of ["/api/v1/usage/daily", "/api/v1/bills", "/api/v1/usagex"]) expect(await (await fetch(`${url()}${path}`)).json()).toMatchObject({ served: "console" });
    expect(meteringSeen.map((s) => s.path)).toEqual(["/api/v1/usage", "/api/v1/authorize"]);
  });

  it("refuses a body over 1 MB itself, with the non-page headers", async () => {
    const refused = await fetch(`${url()}/api/v1/usage`, { method: "POST", body: "x".repeat(1_048_577) });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: "too-large" } });
    for (const [name, value] of Object.entries(NON_PAGE_HEADERS)) expect(refused.headers.get(name), name).toBe(value);
  });

  it("refuses TRACE itself, 405 with Allow and the non-page headers (Next cannot represent it)", async () => {
    const { request } = await import("node:http");
    const target = new URL(url());
    for (const path of ["/calculator", "/api/v1/usage", "/trace-me"]) {
      const answer = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
        const req = request({ host: target.hostname, port: target.port, path, method: "TRACE" }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        });
        req.on("error", reject);
        req.end();
      });
      expect(answer.status, path).toBe(405);
      expect(answer.headers.allow, path).toBe("GET, HEAD, OPTIONS, POST");
      for (const [name, value] of Object.entries(NON_PAGE_HEADERS)) expect(answer.headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
    }
    expect(seen.some((s) => s.path === "/trace-me")).toBe(false);
  });

  it("retries a request past an instance that refuses connections (one of the two consoles is down)", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${url()}/retry-${i}`, { method: i % 2 === 0 ? "GET" : "POST", body: i % 2 === 0 ? undefined : "{}" })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
  });
});
