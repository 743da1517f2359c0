import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { auth } from "@/lib/auth";
import { now } from "@/lib/clock";
import type { ServiceContext } from "@/lib/context";
import { actorOf } from "@/lib/context/actor";

/**
 * The console's JSON read routes (app/api/console/…) are for the signed-in customer's own account:
 * the account comes from the session, never from the request. No session (or a staff one) is a 401
 * JSON answer, not a redirect, since the caller is a script.
 */
export async function customerRouteContext(): Promise<ServiceContext | NextResponse> {
  const user = (await auth())?.user;
  if (!user?.id || user.role !== "customer" || !user.accountId) return NextResponse.json({ error: "sign-in-required" }, { status: 401 });
  return { db: await getDb(), actor: actorOf({ kind: "customer", userId: user.id, accountId: user.accountId }), now: now() };
}

/** Live figures must never come from a cache. */
export function liveJson(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}
