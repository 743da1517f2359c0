"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { errorMessage } from "@/lib/i18n/translator";
import type { InvoiceFormState } from "./form-state";

/** Asks for a red-letter reversal (红冲) of one issued invoice, with the reason. */
export function ReversalForm({ action, invoiceId }: { action: FormAction<InvoiceFormState>; invoiceId: string }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) return <Alert tone="success">{t("invoices.reversal.done")}</Alert>;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline">{t("invoices.reversal.open")}</summary>
      <form action={formAction} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="invoiceId" value={invoiceId} />
        <label htmlFor={`reason-${invoiceId}`} className="block text-sm font-medium text-ink">
          {t("invoices.reversal.reason")}
        </label>
        <input id={`reason-${invoiceId}`} name="reason" required className={inputClass} />
        {state.error ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("invoices.reversal.submit")}
        </Button>
      </form>
    </details>
  );
}
