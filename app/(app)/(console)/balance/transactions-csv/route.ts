import { csvCustomerContext, csvResponse } from "@/lib/exports/csv-response";
import { transactionsCsv } from "@/lib/exports/csv";
import { firstIssue } from "@/lib/exports/json";
import { searchObject, transactionQuery } from "@/lib/exports/ranges";
import { allTransactions } from "@/lib/exports/transactions";
import { getTranslator } from "@/lib/i18n/server";

/** The balance page's transactions as CSV, for the page's date filter (issue 11 item 7). */
export async function GET(request: Request): Promise<Response> {
  const ctx = await csvCustomerContext(request);
  if (!ctx) return new Response("sign in required", { status: 401 });
  const parsed = transactionQuery.safeParse(searchObject(new URL(request.url).searchParams, ["from", "to"]));
  if (!parsed.success) return new Response(firstIssue(parsed.error.issues), { status: 400 });
  const [transactions, { t }] = await Promise.all([allTransactions({ ctx, input: { from: parsed.data.from, to: parsed.data.to } }), getTranslator()]);
  const name = `transactions${parsed.data.from ? `-from-${parsed.data.from}` : ""}${parsed.data.to ? `-to-${parsed.data.to}` : ""}.csv`;
  return csvResponse(transactionsCsv(transactions, t), name);
}
