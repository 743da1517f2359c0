import { NextResponse, type NextRequest } from "next/server";
import { prerenderedLocale, publicAddressOfCopy, SESSION_COOKIES } from "@/lib/routing/prerendered";
import { PRERENDERED_LOCALE_HEADER } from "@/lib/routing/prerendered-rewrites.mjs";
import { allowedMethods } from "@/lib/routing/route-methods.mjs";
import { HSTS, NON_PAGE_HEADERS, newNonce, pageHeaders, servedOverHttps } from "@/lib/security/headers.mjs";

/**
 * Runs before every page and API route:
 * - a method the address does not serve is answered 405 with `Allow` (lib/routing/route-methods.mjs;
 *   pages would otherwise render for PUT or PROPFIND); OPTIONS of a page is answered here. API
 *   routes stop here otherwise: their headers come from next.config.js;
 * - the security headers, with a fresh CSP nonce that Next.js also reads from the forwarded request
 *   and puts on its own scripts (lib/security/headers.ts says why);
 * - a fast first gate: a request without a session cookie for a signed-in page is sent to the
 *   right sign-in page with the path to come back to. The real check (signature, session version,
 *   role, account) is done on the server by every layout, page, action and route; this only spares
 *   a round of rendering;
 * - the public pages prerendered per locale (lib/routing/prerendered.ts): the public address is
 *   rewritten to the copy of the visitor's locale, which has no nonce in its HTML, so it gets the
 *   policy without one, and is kept out of shared caches since one address has two languages.
 */
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/invite", "/staff/sign-in", "/calculator", "/prices", "/terms", "/sandbox/"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

function withSecurityHeaders(response: NextResponse, request: NextRequest, headers: Readonly<Record<string, string>>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (servedOverHttps(request.headers.get("x-forwarded-proto"), process.env.APP_URL)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/**
 * 405 with `Allow` (204 for OPTIONS of a page), or null when the address serves the method. A
 * refusal has no body, so it gets the policy under which nothing runs.
 */
function methodAnswer(request: NextRequest, { kind, methods }: ReturnType<typeof allowedMethods>): NextResponse | null {
  const pageOptions = kind === "page" && request.method === "OPTIONS";
  if (!pageOptions && (kind === "none" || methods.includes(request.method))) return null;
  return withSecurityHeaders(new NextResponse(null, { status: pageOptions ? 204 : 405, headers: { Allow: methods.join(", ") } }), request, NON_PAGE_HEADERS);
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const allowed = allowedMethods(pathname);
  const refused = methodAnswer(request, allowed);
  if (refused) return refused;
  if (pathname === "/api" || pathname.startsWith("/api/")) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const locale = prerenderedLocale({ pathname, cookie: (name) => request.cookies.get(name)?.value, acceptLanguage: request.headers.get("accept-language") });
  // A copy asked for by its own path (`/en/calculator`) is served as it is: public and static too.
  const prerendered = locale !== null || publicAddressOfCopy(pathname) !== null;
  const nonce = prerendered ? null : newNonce();
  // A route handler among the pages (a CSV download) is not a page: nothing in it may run.
  const security = allowed.kind === "route" ? NON_PAGE_HEADERS : pageHeaders({ nonce, allowEval: process.env.NODE_ENV !== "production" });
  const policy = security["Content-Security-Policy"] ?? "";
  const headers = new Headers(request.headers);
  // Set by us or not at all: next.config.js rewrites to the copy this names.
  headers.delete(PRERENDERED_LOCALE_HEADER);
  if (prerendered) {
    if (locale) headers.set(PRERENDERED_LOCALE_HEADER, locale);
    const response = NextResponse.next({ request: { headers } });
    // One address, two languages: a shared cache must not keep the copy (Next sends the static
    // copy with `s-maxage=31536000`, and its own `Vary` replaces any we set, so `Vary: Cookie` is
    // not an option). The browser may keep it and revalidate: each copy has its own ETag.
    if (locale) response.headers.set("Cache-Control", "private, no-cache");
    return withSecurityHeaders(response, request, security);
  }
  if (!isPublic(pathname) && !hasSession) {
    const signIn = pathname === "/staff" || pathname.startsWith("/staff/") ? "/staff/sign-in" : "/sign-in";
    const url = new URL(signIn, request.url);
    if (pathname !== "/" || search) url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(url), request, security);
  }
  headers.set("Content-Security-Policy", policy);
  if (nonce) headers.set("x-nonce", nonce);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), request, security);
}

export const config = {
  // Pages and routes: not Next's own assets or files with an extension. The API passes only for
  // its method check (route handlers check their own API key or session); it, Next's assets and
  // files get their headers from next.config.js.
  matcher: ["/((?!_next/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
