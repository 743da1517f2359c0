import { csvCustomerContext, csvResponse } from "@/lib/exports/csv-response";
import { dailyUsageCsv } from "@/lib/exports/csv";
import { dailyUsageRows } from "@/lib/exports/daily-usage-rows";
import { getTranslator } from "@/lib/i18n/server";
import { parseMonthParam, problemText } from "@/lib/params/calendar";

/** The usage page's daily usage of a month as CSV (issue 11 item 7), the rows of GET /api/v1/usage/daily. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await csvCustomerContext(request);
  if (ctx instanceof Response) return ctx;
  const month = parseMonthParam("month", new URL(request.url).searchParams.getAll("month"), ctx.now, { required: true });
  if (!month.ok) return new Response(problemText(month.problem), { status: 400 });
  const [rows, { t, locale }] = await Promise.all([dailyUsageRows({ ctx, input: { month: month.value } }), getTranslator()]);
  return csvResponse(dailyUsageCsv(rows, t, locale), `daily-usage-${month.value}.csv`);
}
