import { csvCustomerContext, csvResponse } from "@/lib/exports/csv-response";
import { transactionsCsv } from "@/lib/exports/csv";
import { parseTransactionQuery } from "@/lib/exports/ranges";
import { allTransactions } from "@/lib/exports/transactions";
import { getTranslator } from "@/lib/i18n/server";

/** The balance page's transactions as CSV, for the page's date filter (issue 11 item 7). */
export async function GET(request: Request): Promise<Response> {
  const ctx = await csvCustomerContext(request);
  if (ctx instanceof Response) return ctx;
  const parsed = parseTransactionQuery(new URL(request.url).searchParams, ctx.now, []);
  if (!parsed.ok) return new Response(parsed.message, { status: 400 });
  const { from, to } = parsed.value;
  const [transactions, { t }] = await Promise.all([allTransactions({ ctx, input: { from, to } }), getTranslator()]);
  const name = `transactions${from ? `-from-${from}` : ""}${to ? `-to-${to}` : ""}.csv`;
  return csvResponse(transactionsCsv(transactions, t), name);
}
