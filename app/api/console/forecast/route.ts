import { NextResponse } from "next/server";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { forecastJson } from "@/lib/live/server";

/** GET: this month's forecast and the advice from it, for the signed-in customer. */
export async function GET(request: Request): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  return liveJson(await forecastJson(ctx));
}
