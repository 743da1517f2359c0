import { NextResponse, type NextRequest } from "next/server";
import { prerenderedLocale, publicAddressOfCopy, SESSION_COOKIES } from "@/lib/routing/prerendered";
import { PRERENDERED_LOCALE_HEADER } from "@/lib/routing/prerendered-rewrites.mjs";
import { COMMON_HEADERS, contentSecurityPolicy, HSTS, newNonce, servedOverHttps } from "@/lib/security/headers.mjs";

/**
 * Runs before every page:
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
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/staff/sign-in", "/calculator", "/prices", "/terms", "/sandbox/"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

function withSecurityHeaders(response: NextResponse, request: NextRequest, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(COMMON_HEADERS)) response.headers.set(name, value);
  if (servedOverHttps(request.headers.get("x-forwarded-proto"), process.env.APP_URL)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const locale = prerenderedLocale({ pathname, cookie: (name) => request.cookies.get(name)?.value, acceptLanguage: request.headers.get("accept-language") });
  // A copy asked for by its own path (`/en/calculator`) is served as it is: public and static too.
  const prerendered = locale !== null || publicAddressOfCopy(pathname) !== null;
  const nonce = prerendered ? null : newNonce();
  const policy = contentSecurityPolicy({ nonce, allowEval: process.env.NODE_ENV !== "production" });
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
    return withSecurityHeaders(response, request, policy);
  }
  if (!isPublic(pathname) && !hasSession) {
    const signIn = pathname === "/staff" || pathname.startsWith("/staff/") ? "/staff/sign-in" : "/sign-in";
    const url = new URL(signIn, request.url);
    if (pathname !== "/" || search) url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(url), request, policy);
  }
  headers.set("Content-Security-Policy", policy);
  if (nonce) headers.set("x-nonce", nonce);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), request, policy);
}

export const config = {
  // Pages only: not Next's own assets, files with an extension, or the API (route handlers check
  // their own API key or session, and the metering API is on the gateway's hot path). Those get
  // their headers from next.config.js.
  matcher: ["/((?!_next/|api/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
