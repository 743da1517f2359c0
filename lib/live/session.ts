import "server-only";
import { NextResponse } from "next/server";
import { consoleRouteContext } from "@/lib/auth/console-route";
import type { ServiceContext } from "@/lib/context";

/**
 * The console's JSON read routes (app/api/console/…) read the signed-in customer's own account (or,
 * for a staff member's live support view, the viewed one, recorded in its access log): the account
 * comes from the session, never from the request. Anything else is a 401 JSON answer, not a
 * redirect, since the caller is a script.
 */
export async function customerRouteContext(request: Request): Promise<ServiceContext | NextResponse> {
  const ctx = await consoleRouteContext(request, "data");
  if (ctx === "forbidden-role") return NextResponse.json({ error: "forbidden-role" }, { status: 403, headers: { "cache-control": "no-store" } });
  return ctx ?? NextResponse.json({ error: "sign-in-required" }, { status: 401 });
}

/** Live figures must never come from a cache. */
export function liveJson(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}
