import { consoleRouteContext } from "@/lib/auth/console-route";
import { billCsv, billCsvFilename } from "@/lib/billing/bill-csv";
import { getBill } from "@/lib/billing/bills";
import { NotFoundError } from "@/lib/context";
import { forbiddenRoleResponse } from "@/lib/exports/csv-response";
import { getTranslator } from "@/lib/i18n/server";
import { parseMonthParam } from "@/lib/params/calendar";

/**
 * A bill as CSV for the signed-in customer. The session is checked here on the server (route
 * handlers are outside the console layout's guard), and the account comes from it, never from the URL.
 */
export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }): Promise<Response> {
  // A support view may download too (a read, recorded in the customer's access log).
  const ctx = await consoleRouteContext(request, "download");
  if (!ctx) return new Response("sign in required", { status: 401 });
  if (ctx === "forbidden-role") return forbiddenRoleResponse();
  const { month } = await params;
  // A month outside lib/params/calendar's range has no bill: the same 404 as another account's.
  if (!parseMonthParam("month", month, ctx.now, { required: true }).ok) return new Response("no such bill", { status: 404 });
  try {
    const [bill, { t, locale }] = await Promise.all([getBill({ ctx, input: { month } }), getTranslator()]);
    return new Response(billCsv(bill, t, locale), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${billCsvFilename(bill.month)}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("no such bill", { status: 404 });
    throw error;
  }
}
