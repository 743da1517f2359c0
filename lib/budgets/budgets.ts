import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { budgets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { NotFoundError } from "@/lib/context/errors";
import { inTransaction } from "@/lib/context/transaction";
import { accountForecast } from "@/lib/forecast/account-forecast";
import { formatMoney } from "@/lib/pricing";
import { spendInScope, type BudgetScope } from "./crossings";
import type { BudgetInput } from "./schemas";

export interface BudgetView {
  id: string;
  scope: BudgetScope;
  amount: string;
  thresholds: number[];
  month: string;
  /** Month-to-date postpaid spend, the forecast month-end spend and its range. */
  actual: string;
  forecast: string;
  forecastLow: string;
  forecastHigh: string;
  /** False while the forecast has too little history to show (issue 19). */
  forecastEnough: boolean;
}

export type BudgetRow = typeof budgets.$inferSelect;

export async function budgetRows(ctx: ServiceContext, accountId: string): Promise<BudgetRow[]> {
  return ctx.db.select().from(budgets).where(eq(budgets.accountId, accountId)).orderBy(asc(budgets.createdAt), asc(budgets.id));
}

/** The account's budgets, each with this month's actual and forecast spend in its scope. */
export async function listBudgets({ ctx }: { ctx: ServiceContext }): Promise<BudgetView[]> {
  const accountId = accountOf(ctx.actor);
  const rows = await budgetRows(ctx, accountId);
  if (rows.length === 0) return [];
  const forecast = await accountForecast({ ctx, accountId });
  return rows.map((row) => {
    const spend = spendInScope(row.scope as BudgetScope, forecast);
    return {
      id: row.id,
      scope: row.scope as BudgetScope,
      amount: formatMoney(row.amount),
      thresholds: row.thresholds,
      month: forecast.month,
      actual: formatMoney(spend.actual),
      forecast: formatMoney(spend.forecast),
      forecastLow: formatMoney(spend.forecastLow),
      forecastHigh: formatMoney(spend.forecastHigh),
      forecastEnough: spend.forecastEnough,
    };
  });
}

/** Sets the budget of a scope (one per scope and account): creates it or changes its amount and thresholds. */
export async function saveBudget({ ctx, input }: { ctx: ServiceContext; input: BudgetInput }): Promise<{ id: string }> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(budgets).where(and(eq(budgets.accountId, accountId), eq(budgets.scope, input.scope)));
    const [row] = await tx.db
      .insert(budgets)
      .values({ accountId, scope: input.scope, amount: input.amount, thresholds: input.thresholds, createdAt: tx.now, updatedAt: tx.now })
      .onConflictDoUpdate({ target: [budgets.accountId, budgets.scope], set: { amount: input.amount, thresholds: input.thresholds, updatedAt: tx.now } })
      .returning({ id: budgets.id });
    if (!row) throw new Error("budget upsert returned no row");
    await recordAudit(tx, {
      action: "budgets.save",
      accountId,
      target: input.scope,
      before: before ? { amount: formatMoney(before.amount), thresholds: before.thresholds } : null,
      after: { amount: formatMoney(input.amount), thresholds: input.thresholds },
    });
    return { id: row.id };
  });
}

export async function deleteBudget({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    // Scoped to the actor's account: another account's budget id is simply not found.
    const [removed] = await tx.db.delete(budgets).where(and(eq(budgets.id, input.id), eq(budgets.accountId, accountId))).returning();
    if (!removed) throw new NotFoundError("budget-not-found");
    await recordAudit(tx, { action: "budgets.delete", accountId, target: removed.scope, before: { amount: formatMoney(removed.amount), thresholds: removed.thresholds } });
  });
}
