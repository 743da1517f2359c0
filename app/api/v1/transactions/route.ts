import { transactionJson } from "@/lib/exports/json";
import { parseTransactionQuery } from "@/lib/exports/ranges";
import { transactionPage } from "@/lib/exports/transactions";
import { apiKeyContext, jsonError } from "@/lib/metering/http";

/** docs/api.md `GET /api/v1/transactions?from&to&page&pageSize`: the key's own account's ledger movements, oldest first. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request, "read");
  if (ctx instanceof Response) return ctx;
  const parsed = parseTransactionQuery(new URL(request.url).searchParams, ctx.now);
  if (!parsed.ok) return jsonError(400, "malformed", parsed.message);
  const page = await transactionPage({ ctx, input: parsed.value, order: "oldest" });
  return Response.json({
    from: page.from,
    to: page.to,
    page: page.page,
    pageSize: page.pageSize,
    total: page.total,
    pages: page.pages,
    transactions: page.transactions.map(transactionJson),
  });
}
