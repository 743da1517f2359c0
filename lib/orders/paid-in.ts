import "server-only";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";

/** Real money or not: the sandbox's is demo money (never invoiceable, docs/payments.md). */
export const REAL_MONEY_METHODS = ["alipay", "transfer", "cash"] as const;

export interface PaidIn {
  method: string;
  amount: string;
  real: boolean;
}

/**
 * Money paid in, by method, for one account (docs/payments.md "The data model"): credited top-up
 * orders by provider (`alipay`, `transfer`, `sandbox`, …) and operator credits to cash (`cash`).
 * Gifts and vouchers are not money paid in and are not listed.
 */
export async function paidInByMethod({ ctx, input }: { ctx: ServiceContext; input: { accountId: string; before?: Date } }): Promise<PaidIn[]> {
  const before = (input.before ?? new Date("9999-01-01T00:00:00Z")).toISOString();
  const result = await ctx.db.execute<{ method: string; amount: string }>(sql`
    select method, sum(amount)::text as amount from (
      select provider as method, amount from top_up_orders
       where account_id = ${input.accountId} and status = 'paid' and paid_at < ${before}::timestamptz
      union all
      select 'cash' as method, e.amount from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
       where t.account_id = ${input.accountId} and t.kind = 'credit' and e.book = 'cash' and e.amount > 0 and t.at < ${before}::timestamptz
    ) paid group by method order by method`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: Array<{ method: string; amount: string }> }).rows) as Array<{ method: string; amount: string }>;
  return rows.map((row) => ({ method: row.method, amount: row.amount, real: (REAL_MONEY_METHODS as readonly string[]).includes(row.method) }));
}
