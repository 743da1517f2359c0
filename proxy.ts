import { NextResponse, type NextRequest } from "next/server";

/**
 * A fast first gate: a request without a session cookie for a signed-in page is sent to the right
 * sign-in page with the path to come back to. The real check (signature, role, account) is done on
 * the server by every layout, page, action and route; this only spares a round of rendering.
 */
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/staff/sign-in", "/calculator", "/prices", "/terms", "/sandbox/"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`))) {
    return NextResponse.next();
  }
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = pathname === "/staff" || pathname.startsWith("/staff/") ? "/staff/sign-in" : "/sign-in";
  const url = new URL(signIn, request.url);
  if (pathname !== "/" || search) url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not Next's own assets, files with an extension, or the API (route handlers check
  // their own API key or session, and the metering API is on the gateway's hot path).
  matcher: ["/((?!_next/|api/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
