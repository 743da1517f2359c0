import { Dec, formatMoney, type ApiId, type Month, productOfApi, type ProductId } from "@/lib/pricing";
import type { MonthForecast } from "@/lib/forecast/model";

/** What a budget covers: the whole account or one product. */
export type BudgetScope = "account" | ProductId;
/** Budget alerts watch actual month-to-date postpaid spend and the forecast month-end spend (issue 13). */
export type BudgetBasis = "actual" | "forecast";

export const DEFAULT_BUDGET_THRESHOLDS = [50, 80, 100] as const;

export interface BudgetFacts {
  id: string;
  scope: BudgetScope;
  amount: string;
  thresholds: readonly number[];
}

export interface BudgetSpend {
  actual: Dec;
  forecast: Dec;
  forecastLow: Dec;
  forecastHigh: Dec;
  /** False while the forecast has too little history (issue 19): no forecast alert fires on it. */
  forecastEnough: boolean;
}

function inScope(scope: BudgetScope, api: ApiId): boolean {
  return scope === "account" || productOfApi(api) === scope;
}

/** A budget's month-to-date and forecast spend, summed from the forecast's per-API lines. */
export function spendInScope(scope: BudgetScope, forecast: MonthForecast): BudgetSpend {
  const lines = forecast.apis.filter((line) => inScope(scope, line.api));
  const sum = (pick: (line: MonthForecast["apis"][number]) => string) => lines.reduce((total, line) => total.plus(pick(line)), new Dec(0));
  return { actual: sum((l) => l.actual), forecast: sum((l) => l.amount), forecastLow: sum((l) => l.amountLow), forecastHigh: sum((l) => l.amountHigh), forecastEnough: forecast.enough };
}

export interface BudgetAlert {
  budgetId: string;
  basis: BudgetBasis;
  threshold: number;
  /** Once per budget, month, basis and threshold: the inbox's unique dedupe key enforces it. */
  dedupeKey: string;
  spent: string;
  limit: string;
}

export function budgetDedupeKey(budgetId: string, month: Month, basis: BudgetBasis, threshold: number): string {
  return `budget:${budgetId}:${month}:${basis}:${threshold}`;
}

/**
 * The alerts a budget is due this month: every threshold whose share of the budget the actual (or
 * forecast) spend has reached, less those already sent (`sent`: dedupe keys). Thresholds reached
 * together all fire, so a jump from 40% to 120% tells of 50, 80 and 100 at once. A forecast from too
 * little history (a new account's first hours) is no basis for an alert: only actual spend counts then.
 */
export function dueBudgetAlerts(budget: BudgetFacts, month: Month, spend: BudgetSpend, sent: ReadonlySet<string>): BudgetAlert[] {
  const amount = new Dec(budget.amount);
  const alerts: BudgetAlert[] = [];
  for (const basis of ["actual", "forecast"] as const) {
    if (basis === "forecast" && !spend.forecastEnough) continue;
    const spent = spend[basis];
    for (const threshold of budget.thresholds) {
      const limit = amount.times(threshold).dividedBy(100);
      if (spent.lessThan(limit)) continue;
      const dedupeKey = budgetDedupeKey(budget.id, month, basis, threshold);
      if (sent.has(dedupeKey)) continue;
      alerts.push({ budgetId: budget.id, basis, threshold, dedupeKey, spent: formatMoney(spent), limit: formatMoney(limit) });
    }
  }
  return alerts;
}
