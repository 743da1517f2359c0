import type { BudgetView } from "@/lib/budgets/budgets";
import type { Translate } from "@/lib/i18n/translate";
import { Dec, formatYuan } from "@/lib/pricing";

/** Width as a share of the bar's scale; CSS percentages only, so a float is fine. */
function share(value: string, scale: Dec): string {
  return `${Math.min(100, new Dec(value).dividedBy(scale).times(100).toNumber()).toFixed(2)}%`;
}

/** Actual vs forecast vs budget on one scale (issue 13): solid = spent, light = forecast, line = budget. */
export function BudgetBar({ t, budget, scopeLabel }: { t: Translate; budget: BudgetView; scopeLabel: string }) {
  // Too little history (issue 19): the bar and its figures show no forecast at all.
  const shown = budget.forecastEnough;
  const scale = Dec.max(budget.amount, shown ? budget.forecastHigh : 0, budget.actual).times(1.05);
  const over = shown && new Dec(budget.forecast).greaterThan(budget.amount);
  return (
    <div className="space-y-2">
      <div
        role="img"
        aria-label={t("budgets.bar.label", { scope: scopeLabel, actual: formatYuan(budget.actual), forecast: shown ? formatYuan(budget.forecast) : t("budgets.bar.thin"), budget: formatYuan(budget.amount) })}
        className="relative h-4 w-full overflow-hidden rounded-full bg-slate-100"
        data-testid={`budget-bar-${budget.scope}`}
      >
        <div className={`absolute inset-y-0 left-0 ${over ? "bg-amber-200" : "bg-brand-100"}`} style={{ width: share(shown ? budget.forecast : budget.actual, scale) }} data-testid="bar-forecast" />
        <div className={`absolute inset-y-0 left-0 ${new Dec(budget.actual).greaterThanOrEqualTo(budget.amount) ? "bg-red-500" : "bg-brand-600"}`} style={{ width: share(budget.actual, scale) }} data-testid="bar-actual" />
        <div className="absolute inset-y-0 w-0.5 bg-ink" style={{ left: share(budget.amount, scale) }} data-testid="bar-budget" />
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-muted">{t("budgets.bar.actual")}</dt>
          <dd className="tabular font-medium" data-testid="budget-actual">
            {formatYuan(budget.actual)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t("budgets.bar.forecast")}</dt>
          <dd className="tabular font-medium" data-testid="budget-forecast">
            {shown ? (
              <>
                {formatYuan(budget.forecast)} <span className="text-xs font-normal text-muted">{t("budgets.bar.range", { low: formatYuan(budget.forecastLow), high: formatYuan(budget.forecastHigh) })}</span>
              </>
            ) : (
              <span className="text-xs font-normal text-muted">{t("budgets.bar.thin")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t("budgets.bar.budget")}</dt>
          <dd className="tabular font-medium" data-testid="budget-amount">
            {formatYuan(budget.amount)}
          </dd>
        </div>
      </dl>
      <p className="text-xs text-muted">{t("budgets.bar.thresholds", { thresholds: budget.thresholds.map((p) => `${p}%`).join(", ") })}</p>
    </div>
  );
}
