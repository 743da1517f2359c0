import { apiKeyContext, jsonError } from "@/lib/metering/http";
import { monthSummary } from "@/lib/metering/summary";
import { isMonth, monthOf } from "@/lib/pricing";

export async function GET(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request);
  if (ctx instanceof Response) return ctx;
  const month = new URL(request.url).searchParams.get("month") ?? monthOf(ctx.now);
  if (!isMonth(month)) return jsonError(400, "malformed", `month: "${month}" is not a month in the form YYYY-MM`);
  return Response.json(await monthSummary({ ctx, input: { month } }));
}
