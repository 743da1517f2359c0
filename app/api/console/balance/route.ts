import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { balanceJson } from "@/lib/live/server";

const query = z.object({ topup: z.uuid().optional() });

/**
 * GET ?topup=<order id> (optional): the signed-in customer's balance figures and, if the order is
 * theirs, that top-up's status (the balance page waits on it). Another account's order reads as none.
 */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  const parsed = query.safeParse({ topup: request.nextUrl.searchParams.get("topup") ?? undefined });
  if (!parsed.success) return NextResponse.json({ error: "invalid-field", field: "topup" }, { status: 400 });
  return liveJson(await balanceJson(ctx, parsed.data.topup ?? null));
}
