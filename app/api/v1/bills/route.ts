import { billJson } from "@/lib/billing/bill-json";
import { getBill, isMonthClosed } from "@/lib/billing/bills";
import { NotFoundError } from "@/lib/context";
import { apiKeyContext, jsonError } from "@/lib/metering/http";
import { isMonth } from "@/lib/pricing";

/** API.md §1 `GET /api/v1/bills?month=YYYY-MM`: the key's own account's bill for a closed month. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request);
  if (ctx instanceof Response) return ctx;
  const month = new URL(request.url).searchParams.get("month");
  if (month === null) return jsonError(400, "malformed", "month: required, in the form YYYY-MM");
  if (!isMonth(month)) return jsonError(400, "malformed", `month: "${month}" is not a month in the form YYYY-MM`);
  try {
    return Response.json(billJson(await getBill({ ctx, input: { month } })));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // A closed month without a bill of this account (it did not exist yet) is not "not closed".
    if (await isMonthClosed(ctx.db, month)) return jsonError(404, "no-bill", `the account has no bill for ${month}`);
    return jsonError(404, "not-closed", `month ${month} is not closed yet: its bill is made at the monthly close`);
  }
}
