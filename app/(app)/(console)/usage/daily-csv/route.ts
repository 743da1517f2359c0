import { csvCustomerContext, csvResponse } from "@/lib/exports/csv-response";
import { dailyUsageCsv } from "@/lib/exports/csv";
import { dailyUsageRows } from "@/lib/exports/daily-usage-rows";
import { getTranslator } from "@/lib/i18n/server";
import { isMonth } from "@/lib/pricing";

/** The usage page's daily usage of a month as CSV (issue 11 item 7), the rows of GET /api/v1/usage/daily. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await csvCustomerContext(request);
  if (!ctx) return new Response("sign in required", { status: 401 });
  const month = new URL(request.url).searchParams.get("month") ?? "";
  if (!isMonth(month)) return new Response("month must be in the form YYYY-MM", { status: 400 });
  const [rows, { t, locale }] = await Promise.all([dailyUsageRows({ ctx, input: { month } }), getTranslator()]);
  return csvResponse(dailyUsageCsv(rows, t, locale), `daily-usage-${month}.csv`);
}
