"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import type { FormAction } from "@/components/ui/form-action";
import type { SpendFormState } from "./form-state";
import { errorMessage } from "@/lib/i18n/translator";
import { yuanText } from "@/lib/pricing/money-text";

/** The balance alert: on/off and the amount, with the suggested amount filled in when none is set. */
export function BalanceAlertForm({ enabled, threshold, suggested, save }: { enabled: boolean; threshold: string | null; suggested: string; save: FormAction<SpendFormState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<SpendFormState, FormData>(save, {});
  const { value, error } = useFormFields(state);
  // After a refused submit the box stays as it was sent (an unchecked box is absent from the form).
  const checked = state.values ? state.values.enabled === "on" : enabled;
  return (
    <form action={action} className="space-y-3" noValidate aria-label={t("balanceAlert.title")}>
      <label className="flex items-start gap-2 text-sm text-ink">
        <input type="checkbox" name="enabled" key={String(checked)} defaultChecked={checked} className="mt-0.5 h-4 w-4 rounded border-line" />
        <span>{t("balanceAlert.enabled")}</span>
      </label>
      <Field
        label={t("balanceAlert.threshold")}
        name="threshold"
        inputMode="decimal"
        defaultValue={value("threshold", threshold ?? suggested)}
        hint={t("balanceAlert.suggested", { amount: yuanText(suggested) })}
        error={error("threshold") ?? (state.error ? errorMessage(t, state.error) : undefined)}
      />
      <Button type="submit" disabled={pending}>
        {t("balanceAlert.save")}
      </Button>
      <p role="status" className="text-xs text-emerald-700">
        {state.saved ? t("balanceAlert.saved") : ""}
      </p>
    </form>
  );
}
