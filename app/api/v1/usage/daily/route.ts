import { z } from "zod";
import { dailyUsageRows } from "@/lib/exports/daily-usage-rows";
import { firstIssue } from "@/lib/exports/json";
import { pagingSchema, searchObject } from "@/lib/exports/ranges";
import { apiKeyContext, jsonError } from "@/lib/metering/http";
import { isMonth } from "@/lib/pricing";

const query = z.object({ month: z.string({ error: "month: required, in the form YYYY-MM" }).refine(isMonth, { error: "month must be in the form YYYY-MM" }) }).extend(pagingSchema(500, 1000).shape);

/** docs/api.md `GET /api/v1/usage/daily?month=YYYY-MM&page&pageSize`: per API per Shanghai day, from the hourly aggregates. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request);
  if (ctx instanceof Response) return ctx;
  const parsed = query.safeParse(searchObject(new URL(request.url).searchParams, ["month", "page", "pageSize"]));
  if (!parsed.success) return jsonError(400, "malformed", firstIssue(parsed.error.issues));
  const { month, page, pageSize } = parsed.data;
  const rows = await dailyUsageRows({ ctx, input: { month } });
  return Response.json({
    month,
    page,
    pageSize,
    total: rows.length,
    pages: Math.max(1, Math.ceil(rows.length / pageSize)),
    days: rows.slice((page - 1) * pageSize, page * pageSize),
  });
}
