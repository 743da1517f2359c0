"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { errorMessage } from "@/lib/i18n/translator";
import type { InvoiceFormState } from "./form-state";

/** Staff issue a requested invoice: the number from the tax platform and its PDF. */
export function IssueInvoiceForm({ action, invoiceId }: { action: FormAction<InvoiceFormState>; invoiceId: string }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) return <Alert tone="success">{t("staff.invoices.issued")}</Alert>;
  const id = (name: string) => `issue-${invoiceId}-${name}`;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <label htmlFor={id("number")} className="block text-sm font-medium text-ink">
        {t("staff.invoices.number")}
      </label>
      <input id={id("number")} name="invoiceNumber" required inputMode="numeric" className={inputClass} />
      <label htmlFor={id("pdf")} className="block text-sm font-medium text-ink">
        {t("staff.invoices.pdf")}
      </label>
      <input id={id("pdf")} name="pdf" type="file" accept="application/pdf,.pdf" required className="block w-full text-sm" />
      {state.error ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {t("staff.invoices.issue")}
      </Button>
    </form>
  );
}
