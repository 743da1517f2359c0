import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPrerenderedCopies, servePrerendered } from "./prerendered-fast-path";

/**
 * The custom server answers the public pages' unchanging prerendered copies itself; everything Next
 * must answer (a session's page, a client-side navigation, a form post, a page Next regenerates)
 * still reaches Next. A fake build with copies for both languages, behind a real HTTP server whose
 * fallback answers "next".
 */
const dist = mkdtempSync(path.join(tmpdir(), "prerendered-"));
let server: Server;
let base = "";

beforeAll(async () => {
  const routes: Record<string, { initialRevalidateSeconds: number | false }> = {
    "/en/sign-in": { initialRevalidateSeconds: false },
    "/zh-CN/sign-in": { initialRevalidateSeconds: false },
    "/en/calculator": { initialRevalidateSeconds: false },
    "/en/prices/scan": { initialRevalidateSeconds: 600 },
  };
  writeFileSync(path.join(dist, "prerender-manifest.json"), JSON.stringify({ routes }));
  for (const route of Object.keys(routes)) {
    const file = path.join(dist, "server", "app", `${route}.html`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `<html>copy of ${route}</html>`);
  }
  const copies = loadPrerenderedCopies(dist);
  server = createServer((request, response) => {
    if (!servePrerendered(copies, request, response)) response.writeHead(200, { "content-type": "text/plain" }).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dist, { recursive: true, force: true });
});

const get = (pathname: string, headers: Record<string, string> = {}, method = "GET") => fetch(`${base}${pathname}`, { method, headers, redirect: "manual" });

describe("prerendered copies served by the custom server", () => {
  it("answers a visitor with the copy of their language, with the public pages' headers", async () => {
    const english = await get("/sign-in?callbackUrl=%2Fusage");
    expect(await english.text()).toBe("<html>copy of /en/sign-in</html>");
    expect(english.headers.get("content-security-policy")).toContain("script-src 'self' 'unsafe-inline'");
    expect(english.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(english.headers.get("x-content-type-options")).toBe("nosniff");
    expect(english.headers.get("cache-control")).toBe("private, no-cache");
    expect(english.headers.get("strict-transport-security")).toBeNull();
    expect(await (await get("/sign-in", { cookie: "locale=zh-CN" })).text()).toBe("<html>copy of /zh-CN/sign-in</html>");
    expect(await (await get("/sign-in", { "accept-language": "zh-CN,zh;q=0.9" })).text()).toBe("<html>copy of /zh-CN/sign-in</html>");
  });

  it("revalidates by ETag and answers HEAD without a body", async () => {
    const first = await get("/calculator");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    expect((await get("/calculator", { "if-none-match": etag })).status).toBe(304);
    const head = await get("/calculator", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("leaves to Next a session's page, a navigation's RSC request, a post, a regenerated copy and any other address", async () => {
    expect(await (await get("/sign-in", { cookie: "locale=en; authjs.session-token=x" })).text()).toBe("next");
    expect(await (await get("/sign-in", { rsc: "1" })).text()).toBe("next");
    expect(await (await get("/sign-in", { "next-router-prefetch": "1" })).text()).toBe("next");
    expect(await (await fetch(`${base}/sign-in`, { method: "POST", body: "x" })).text()).toBe("next");
    expect(await (await get("/prices/scan")).text()).toBe("next");
    expect(await (await get("/en/sign-in")).text()).toBe("next");
    expect(await (await get("/usage")).text()).toBe("next");
    expect(await (await get("/sign-in/")).text()).toBe("next");
  });

  it("sends HSTS when the request came over HTTPS", async () => {
    expect((await get("/sign-in", { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toContain("max-age=");
  });
});
