import { dailyUsageRows } from "@/lib/exports/daily-usage-rows";
import { pagingSchema, zodProblem } from "@/lib/exports/ranges";
import { apiKeyContext, jsonError } from "@/lib/metering/http";
import { parseMonthParam, problemText } from "@/lib/params/calendar";
import { firstValues } from "@/lib/params/query";

const paging = pagingSchema(500, 1000);

/** docs/api.md `GET /api/v1/usage/daily?month=YYYY-MM&page&pageSize`: per API per Shanghai day, from the hourly aggregates. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request, "read");
  if (ctx instanceof Response) return ctx;
  const search = new URL(request.url).searchParams;
  const month = parseMonthParam("month", search.getAll("month"), ctx.now, { required: true });
  if (!month.ok) return jsonError(400, "malformed", problemText(month.problem));
  const paged = paging.safeParse(firstValues(search, ["page", "pageSize"]));
  if (!paged.success) return jsonError(400, "malformed", zodProblem(paged.error.issues).message);
  const { page, pageSize } = paged.data;
  const rows = await dailyUsageRows({ ctx, input: { month: month.value } });
  return Response.json({
    month: month.value,
    page,
    pageSize,
    total: rows.length,
    pages: Math.max(1, Math.ceil(rows.length / pageSize)),
    days: rows.slice((page - 1) * pageSize, page * pageSize),
  });
}
