import { NextResponse } from "next/server";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { packsRemainingJson } from "@/lib/live/server";

/** GET: calls left in each of the signed-in customer's packs. */
export async function GET(request: Request): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  return liveJson(await packsRemainingJson(ctx));
}
