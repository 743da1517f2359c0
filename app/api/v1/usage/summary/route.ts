import { apiKeyContext, jsonError } from "@/lib/metering/http";
import { monthSummary } from "@/lib/metering/summary";
import { parseMonthParam, problemText } from "@/lib/params/calendar";
import { monthOf } from "@/lib/pricing";

/** API.md §1 `GET /api/v1/usage/summary?month=YYYY-MM` (default: this month). */
export async function GET(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request, "read");
  if (ctx instanceof Response) return ctx;
  const month = parseMonthParam("month", new URL(request.url).searchParams.getAll("month"), ctx.now);
  if (!month.ok) return jsonError(400, "malformed", problemText(month.problem));
  return Response.json(await monthSummary({ ctx, input: { month: month.value ?? monthOf(ctx.now) } }));
}
