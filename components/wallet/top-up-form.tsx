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

/**
 * `amount` prefills the field (the shortfall a checkout sent the customer here with) and `returnPath`
 * is where the provider sends the customer back after paying (issue 19 item 8; checked again by the action).
 */
export function TopUpForm({ topUp, amount, returnPath }: { topUp: FormAction<TopUpFormState>; amount?: string; returnPath?: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<TopUpFormState, FormData>(topUp, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      {returnPath ? <input type="hidden" name="return" value={returnPath} /> : null}
      <Field
        label={t("wallet.topUp.amount")}
        name="amount"
        inputMode="decimal"
        placeholder="100.00"
        defaultValue={state.values?.amount ?? amount}
        required
        hint={t("wallet.topUp.hint")}
        error={state.error ? errorMessage(t, state.error) : undefined}
      />
      {returnPath?.startsWith("/checkout") ? (
        <p className="text-xs text-muted" data-testid="top-up-return">
          {t("wallet.topUp.returnNote")}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("wallet.topUp.pending") : t("wallet.topUp.submit")}
      </Button>
    </form>
  );
}
