import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { RoleNote } from "@/components/members/role-note";
import { PageHeader } from "@/components/shell/page-header";
import { BalanceAlertForm } from "@/components/spend/balance-alert-form";
import { BudgetBar } from "@/components/spend/budget-bar";
import { BudgetForm } from "@/components/spend/budget-form";
import { DeleteBudgetButton } from "@/components/spend/delete-budget-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { getBalanceAlert } from "@/lib/budgets/balance-alert";
import { suggestedBalanceThreshold } from "@/lib/budgets/balance-rule";
import { listBudgets } from "@/lib/budgets/budgets";
import type { BudgetScope } from "@/lib/budgets/crossings";
import { accountForecast } from "@/lib/forecast/account-forecast";
import { getTranslator } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { formatYuan } from "@/lib/pricing";
import { getWallet } from "@/lib/wallet/balance";
import { deleteBudgetAction, saveBalanceAlertAction, saveBudgetAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("budgets.title") };
}

function scopeLabel(t: Translate, scope: BudgetScope): string {
  return scope === "account" ? t("budgets.scope.account") : t(`product.${scope}`);
}

/** Spend control (issue 13): monthly budgets with their bars, and the balance alert. */
export default async function BudgetsPage() {
  const customer = await requireCustomer("/budgets");
  const ctx = await customerContext(customer);
  const [budgets, alert, wallet, forecast, { t }] = await Promise.all([listBudgets({ ctx }), getBalanceAlert({ ctx }), getWallet({ ctx }), accountForecast({ ctx }), getTranslator()]);
  const suggested = suggestedBalanceThreshold(forecast.actualTotal, forecast.day);
  const state = !alert.enabled || !alert.threshold ? t("balanceAlert.state.offLine") : t(alert.armed ? "balanceAlert.state.armed" : "balanceAlert.state.fired", { threshold: formatYuan(alert.threshold) });
  return (
    <>
      <PageHeader title={t("budgets.title")} description={t("budgets.subtitle")} />
      <div className="space-y-6">
        <Card title={t("budgets.list.title")}>
          {budgets.length === 0 ? (
            <EmptyState>{t("budgets.list.empty")}</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {budgets.map((budget) => {
                const label = scopeLabel(t, budget.scope);
                return (
                  <li key={budget.id} className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid={`budget-${budget.scope}`}>
                    <div className="flex items-center justify-between gap-2">
                      <h3 className="text-sm font-semibold text-ink">{t("budgets.list.scope", { scope: label })}</h3>
                      {can(customer, "budgets#deleteBudgetAction") ? <DeleteBudgetButton id={budget.id} scopeLabel={label} remove={deleteBudgetAction} /> : null}
                    </div>
                    <BudgetBar t={t} budget={budget} scopeLabel={label} />
                  </li>
                );
              })}
            </ul>
          )}
          <p className="mt-4 text-xs text-muted">{t("forecast.model")}</p>
        </Card>
        <Card title={t("budgets.form.title")}>
          {can(customer, "budgets#saveBudgetAction") ? <BudgetForm save={saveBudgetAction} /> : <RoleNote t={t} role={customer.memberRole} />}
        </Card>
        <Card title={t("balanceAlert.title")} actions={<Badge tone={alert.enabled ? (alert.armed ? "green" : "amber") : "neutral"}>{alert.enabled ? formatYuan(alert.threshold ?? "0") : t("balanceAlert.state.off")}</Badge>}>
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-2 text-sm">
              <p className="text-muted">{t("balanceAlert.note")}</p>
              <p data-testid="balance-alert-state">{state}</p>
              <p className="tabular">{t("balanceAlert.balance", { balance: formatYuan(wallet.total) })}</p>
              <p>
                <Link href="/messages/subscriptions" className="text-brand-600 hover:underline">
                  {t("budgets.channels")}
                </Link>
              </p>
            </div>
            {can(customer, "budgets#saveBalanceAlertAction") ? (
              <BalanceAlertForm enabled={alert.enabled} threshold={alert.threshold} suggested={suggested} save={saveBalanceAlertAction} />
            ) : (
              <RoleNote t={t} role={customer.memberRole} />
            )}
          </div>
        </Card>
      </div>
    </>
  );
}
