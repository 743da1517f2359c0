import { billJson } from "@/lib/billing/bill-json";
import { getBill, isMonthClosed } from "@/lib/billing/bills";
import { NotFoundError } from "@/lib/context";
import { apiKeyContext, jsonError } from "@/lib/metering/http";
import { parseMonthParam, problemText } from "@/lib/params/calendar";

/** API.md §1 `GET /api/v1/bills?month=YYYY-MM`: the key's own account's bill for a closed month. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request, "read");
  if (ctx instanceof Response) return ctx;
  const parsed = parseMonthParam("month", new URL(request.url).searchParams.getAll("month"), ctx.now, { required: true });
  if (!parsed.ok) return jsonError(400, "malformed", problemText(parsed.problem));
  const month = parsed.value;
  try {
    return Response.json(billJson(await getBill({ ctx, input: { month } })));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // A closed month without a bill of this account (it did not exist yet) is not "not closed".
    if (await isMonthClosed(ctx.db, month)) return jsonError(404, "no-bill", `the account has no bill for ${month}`);
    return jsonError(404, "not-closed", `month ${month} is not closed yet: its bill is made at the monthly close`);
  }
}
