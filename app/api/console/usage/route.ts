import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { usageTotalsJson } from "@/lib/live/server";
import { FIRST_PRICED_MONTH, isMonth, monthOf } from "@/lib/pricing";

const query = z.object({ month: z.string().refine(isMonth, "YYYY-MM").optional() });

/** GET ?month=YYYY-MM (default: this month): the month's usage totals and estimate for the signed-in customer. */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  const parsed = query.safeParse({ month: request.nextUrl.searchParams.get("month") ?? undefined });
  const month = parsed.success ? (parsed.data.month ?? monthOf(ctx.now)) : null;
  // A month that is not a month, or outside the priced months up to now, names the field.
  if (!month || month < FIRST_PRICED_MONTH || month > monthOf(ctx.now)) return NextResponse.json({ error: "invalid-field", field: "month" }, { status: 400 });
  return liveJson(await usageTotalsJson(ctx, month));
}
