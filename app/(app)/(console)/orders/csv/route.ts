import { ordersCsv } from "@/lib/exports/csv";
import { csvCustomerContext, csvResponse } from "@/lib/exports/csv-response";
import { getTranslator } from "@/lib/i18n/server";
import { allOrders } from "@/lib/orders/list";
import { parseOrderQuery } from "@/lib/orders/query";

/** The order list as CSV, with the page's filter (issue 20 part 3); cells defused by the CSV helper's formula guard. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await csvCustomerContext(request);
  if (ctx instanceof Response) return ctx;
  const parsed = parseOrderQuery(new URL(request.url).searchParams, ctx.now, false);
  if (!parsed.ok) return new Response(`${parsed.field}: not a valid filter`, { status: 400 });
  const { page: _page, ...filter } = parsed.value;
  const [orders, { t }] = await Promise.all([allOrders({ ctx, input: filter }), getTranslator()]);
  return csvResponse(ordersCsv(orders, t), `orders${filter.month ? `-${filter.month}` : ""}.csv`);
}
