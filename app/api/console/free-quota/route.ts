import { NextResponse } from "next/server";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { freeQuotaJson } from "@/lib/live/server";

/** GET: the signed-in customer's free packs (this month's and the past year's) and the one-time grant, used and left. */
export async function GET(request: Request): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  return liveJson(await freeQuotaJson(ctx));
}
