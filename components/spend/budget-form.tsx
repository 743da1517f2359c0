"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import type { FormAction } from "@/components/ui/form-action";
import type { SpendFormState } from "./form-state";
import { PRODUCT_IDS } from "@/lib/pricing/catalog/products";

/** Sets a monthly budget for the account or a product (one per scope: saving again replaces it). */
export function BudgetForm({ save }: { save: FormAction<SpendFormState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<SpendFormState, FormData>(save, {});
  // A refused submit keeps what was typed (issue 19 item 4): the fields start from `values`.
  const { value, error, formError } = useFormFields(state);
  const refusal = formError(["scope", "amount", "thresholds"]);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-start" noValidate aria-label={t("budgets.form.title")}>
      <SelectField label={t("budgets.form.scope")} key={value("scope", "account")} id="budget-scope" name="scope" defaultValue={value("scope", "account")} hint={t("budgets.form.replaces")}>
        <option value="account">{t("budgets.scope.account")}</option>
        {PRODUCT_IDS.map((product) => (
          <option key={product} value={product}>
            {t(`product.${product}`)}
          </option>
        ))}
      </SelectField>
      <Field label={t("budgets.form.amount")} name="amount" inputMode="decimal" placeholder="100.00" required defaultValue={value("amount")} error={error("amount")} />
      <Field label={t("budgets.form.thresholds")} name="thresholds" defaultValue={value("thresholds", "50, 80, 100")} hint={t("budgets.form.thresholdsHint")} error={error("thresholds")} />
      <div className="space-y-1.5 lg:pt-7">
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t("budgets.form.saving") : t("budgets.form.save")}
        </Button>
        <p role="status" className="text-xs text-emerald-700">
          {state.saved ? t("budgets.form.saved") : ""}
        </p>
        {refusal ? (
          <p role="alert" className="text-xs text-red-600">
            {refusal}
          </p>
        ) : null}
      </div>
    </form>
  );
}
