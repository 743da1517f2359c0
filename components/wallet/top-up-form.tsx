"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import { errorMessage } from "@/lib/i18n/translator";

/** The refusal, with the amount as typed (`values.amount`). */
export type TopUpFormState = FormState;

export function TopUpForm({ topUp }: { topUp: FormAction<TopUpFormState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<TopUpFormState, FormData>(topUp, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field
        label={t("wallet.topUp.amount")}
        name="amount"
        inputMode="decimal"
        placeholder="100.00"
        defaultValue={state.values?.amount}
        required
        hint={t("wallet.topUp.hint")}
        error={state.error ? errorMessage(t, state.error) : undefined}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("wallet.topUp.pending") : t("wallet.topUp.submit")}
      </Button>
    </form>
  );
}
