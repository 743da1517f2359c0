import { NextResponse, type NextRequest } from "next/server";
import { COMMON_HEADERS, contentSecurityPolicy, HSTS, newNonce, PRERENDERED_PAGES, servedOverHttps } from "@/lib/security/headers.mjs";

/**
 * Runs before every page:
 * - the security headers, with a fresh CSP nonce that Next.js also reads from the forwarded request
 *   and puts on its own scripts (lib/security/headers.ts says why);
 * - a fast first gate: a request without a session cookie for a signed-in page is sent to the
 *   right sign-in page with the path to come back to. The real check (signature, session version,
 *   role, account) is done on the server by every layout, page, action and route; this only spares
 *   a round of rendering.
 */
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/staff/sign-in", "/calculator", "/prices", "/terms", "/sandbox/"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

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
  const nonce = PRERENDERED_PAGES.includes(pathname) ? null : newNonce();
  const policy = contentSecurityPolicy({ nonce, allowEval: process.env.NODE_ENV !== "production" });
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic(pathname) && !hasSession) {
    const signIn = pathname === "/staff" || pathname.startsWith("/staff/") ? "/staff/sign-in" : "/sign-in";
    const url = new URL(signIn, request.url);
    if (pathname !== "/" || search) url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(url), request, policy);
  }
  const headers = new Headers(request.headers);
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
