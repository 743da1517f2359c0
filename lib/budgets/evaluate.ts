import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { balanceAlerts, budgets, messages } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { inTransaction } from "@/lib/context/transaction";
import { accountForecast } from "@/lib/forecast/account-forecast";
import { notify } from "@/lib/messaging/notify";
import { PRODUCTS, formatYuan, type ProductId } from "@/lib/pricing";
import { checkBalanceAlert } from "./balance-alert";
import { budgetRows } from "./budgets";
import { budgetDedupeKey, dueBudgetAlerts, spendInScope, type BudgetScope } from "./crossings";

function scopeNames(scope: BudgetScope): { scopeEn: string; scopeZh: string } {
  if (scope === "account") return { scopeEn: "the whole account", scopeZh: "整个账户" };
  const product = PRODUCTS.find((p) => p.id === (scope as ProductId));
  return { scopeEn: product?.name ?? scope, scopeZh: product?.nameZh ?? scope };
}

/**
 * Sends the budget alerts an account is due now (issue 13): each threshold once per month on actual
 * month-to-date postpaid spend and once on the forecast month-end spend. The inbox's unique
 * (account, dedupe key) makes a repeat, or a second run-due racing this one, a no-op.
 */
export async function evaluateBudgets(ctx: ServiceContext, accountId: string): Promise<number> {
  const rows = await budgetRows(ctx, accountId);
  if (rows.length === 0) return 0;
  const forecast = await accountForecast({ ctx, accountId });
  const month = forecast.month;
  const candidates = rows.flatMap((row) => (["actual", "forecast"] as const).flatMap((basis) => row.thresholds.map((t) => budgetDedupeKey(row.id, month, basis, t))));
  const sentRows = await ctx.db
    .select({ key: messages.dedupeKey })
    .from(messages)
    .where(and(eq(messages.accountId, accountId), inArray(messages.dedupeKey, candidates)));
  const sent = new Set(sentRows.map((r) => r.key));
  let count = 0;
  for (const row of rows) {
    const scope = row.scope as BudgetScope;
    const due = dueBudgetAlerts({ id: row.id, scope, amount: row.amount, thresholds: row.thresholds }, month, spendInScope(scope, forecast), sent);
    if (due.length === 0) continue;
    await inTransaction(ctx, async (tx) => {
      for (const alert of due) {
        const isNew = await notify(tx, {
          accountId,
          kind: alert.basis === "actual" ? "budget-actual" : "budget-forecast",
          product: null,
          params: { ...scopeNames(scope), percent: alert.threshold, spent: formatYuan(alert.spent), budget: formatYuan(row.amount), month },
          dedupeKey: alert.dedupeKey,
        });
        if (isNew) count += 1;
      }
    });
  }
  return count;
}

export interface SpendAlertReport {
  budgetAlerts: number;
  balanceAlerts: number;
}

/**
 * run-due's spend-control step: budgets of every account that has one, and every balance alert
 * that is on (balances also move in batches, e.g. the close, which do not pass through the
 * per-posting check).
 */
export async function evaluateSpendAlerts({ ctx }: { ctx: ServiceContext }): Promise<SpendAlertReport> {
  const report: SpendAlertReport = { budgetAlerts: 0, balanceAlerts: 0 };
  const withBudgets = await ctx.db.selectDistinct({ accountId: budgets.accountId }).from(budgets);
  for (const { accountId } of withBudgets) report.budgetAlerts += await evaluateBudgets(ctx, accountId);
  const withAlert = await ctx.db.select({ accountId: balanceAlerts.accountId }).from(balanceAlerts).where(eq(balanceAlerts.enabled, true));
  for (const { accountId } of withAlert) {
    if (await inTransaction(ctx, (tx) => checkBalanceAlert(tx.db, accountId, tx.now))) report.balanceAlerts += 1;
  }
  return report;
}
