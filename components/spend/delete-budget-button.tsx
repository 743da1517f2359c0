"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/components/ui/form-action";
import type { SpendFormState } from "./form-state";
import { errorMessage } from "@/lib/i18n/translator";

export function DeleteBudgetButton({ id, scopeLabel, remove }: { id: string; scopeLabel: string; remove: FormAction<SpendFormState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<SpendFormState, FormData>(remove, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" quietInView disabled={pending} aria-label={t("budgets.deleteNamed", { scope: scopeLabel })} variant="ghost" className="px-2 py-1 text-xs">
        {t("budgets.delete")}
      </Button>
      {state.error ? (
        <p role="alert" className="text-xs text-red-600">
          {errorMessage(t, state.error)}
        </p>
      ) : null}
    </form>
  );
}
