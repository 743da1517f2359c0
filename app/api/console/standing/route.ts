import { NextResponse } from "next/server";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { standingJson } from "@/lib/live/server";

/** GET: whether the signed-in customer's account is in arrears or suspended, what is owed and until when (the banner). */
export async function GET(request: Request): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  return liveJson(await standingJson(ctx));
}
