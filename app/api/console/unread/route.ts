import { NextResponse } from "next/server";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { unreadJson } from "@/lib/live/server";

/** GET: the signed-in customer's unread message count (the bell). */
export async function GET(request: Request): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  return liveJson(await unreadJson(ctx));
}
