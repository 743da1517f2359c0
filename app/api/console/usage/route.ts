import { NextResponse, type NextRequest } from "next/server";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { usageMonthJson } from "@/lib/live/server";
import { parseMonthParam } from "@/lib/params/calendar";
import { monthOf } from "@/lib/pricing";

/** GET ?month=YYYY-MM (default: this month): the month's usage (totals, per-API lines with the estimate, per-day series) for the signed-in customer. */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  const parsed = parseMonthParam("month", request.nextUrl.searchParams.getAll("month"), ctx.now);
  // The usage page's live figures: a month up to this one (a later one has nothing to show yet).
  const month = parsed.ok ? (parsed.value ?? monthOf(ctx.now)) : null;
  if (!month || month > monthOf(ctx.now)) return NextResponse.json({ error: "invalid-field", field: "month" }, { status: 400 });
  return liveJson(await usageMonthJson(ctx, month));
}
