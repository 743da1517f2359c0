import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { prerenderedLocale, SESSION_COOKIES } from "@/lib/routing/prerendered";
import { COMMON_HEADERS, contentSecurityPolicy, HSTS, PRERENDERED_PAGES, servedOverHttps } from "@/lib/security/headers.mjs";

/**
 * The public pages' prerendered copies (app/[lang]: /calculator, /sign-in, /sign-up, /terms,
 * /forgot-password) answered by the custom server straight from memory, in front of Next: the same
 * bytes Next would send, with the same headers, without its routing, proxy and cache lookup around
 * each request (issue 12: those were ~3 ms of CPU per copy against ~0.6 ms for a static file).
 *
 * Only what Next would answer with that very copy: GET or HEAD of a listed address, no session
 * cookie (a session gets the per-request page, lib/routing/prerendered.ts), no router headers (a
 * client-side navigation asks for the RSC payload, which Next serves). Copies Next regenerates
 * (`revalidate`, the price pages: a new month's prices) are left to Next, which keeps them fresh.
 */
export interface PrerenderedCopy {
  body: Buffer;
  etag: string;
}

interface PrerenderManifest {
  routes: Record<string, { initialRevalidateSeconds?: number | false }>;
}

/** The copies a build holds that never change until the next build, by internal path (`/zh-CN/sign-in`). */
export function loadPrerenderedCopies(distDir: string): Map<string, PrerenderedCopy> {
  const copies = new Map<string, PrerenderedCopy>();
  const manifestFile = path.join(distDir, "prerender-manifest.json");
  if (!existsSync(manifestFile)) return copies;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as PrerenderManifest;
  for (const [route, entry] of Object.entries(manifest.routes)) {
    if (entry.initialRevalidateSeconds !== false) continue;
    const page = route.replace(/^\/[^/]+/, "");
    const file = path.join(distDir, "server", "app", `${route}.html`);
    if (!PRERENDERED_PAGES.includes(page) || !existsSync(file)) continue;
    const body = readFileSync(file);
    copies.set(route, { body, etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"` });
  }
  return copies;
}

const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

function cookiesOf(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

/** Answers the request with a copy and returns true, or returns false and leaves it to Next. */
export function servePrerendered(copies: ReadonlyMap<string, PrerenderedCopy>, request: IncomingMessage, response: ServerResponse): boolean {
  if (copies.size === 0 || (request.method !== "GET" && request.method !== "HEAD")) return false;
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  if (!PRERENDERED_PAGES.includes(pathname) || ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  const cookies = cookiesOf(request.headers.cookie);
  const hasSession = SESSION_COOKIES.some((name) => cookies.has(name));
  const locale = prerenderedLocale({ pathname, hasSession, cookie: (name) => cookies.get(name), acceptLanguage: request.headers["accept-language"] ?? null });
  const copy = locale ? copies.get(`/${locale}${pathname}`) : undefined;
  if (!copy) return false;

  const forwardedProto = request.headers["x-forwarded-proto"];
  const headers: Record<string, string> = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": contentSecurityPolicy({ nonce: null, allowEval: false }),
    ...COMMON_HEADERS,
    // One address, two languages: no shared cache may keep it; the browser revalidates by ETag (proxy.ts says the same for Next's answer).
    "Cache-Control": "private, no-cache",
    Vary: "Cookie, Accept-Language",
    ETag: copy.etag,
    "x-nextjs-prerender": "1",
  };
  if (servedOverHttps(Array.isArray(forwardedProto) ? forwardedProto[0] ?? null : forwardedProto ?? null, process.env.APP_URL)) headers["Strict-Transport-Security"] = HSTS;
  if (request.headers["if-none-match"] === copy.etag) {
    response.writeHead(304, headers).end();
    return true;
  }
  headers["Content-Length"] = String(copy.body.length);
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : copy.body);
  return true;
}
