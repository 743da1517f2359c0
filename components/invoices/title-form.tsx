"use client";

import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { errorMessage } from "@/lib/i18n/translator";
import type { InvoiceFormState } from "./form-state";

const FIELDS = [
  { name: "companyName", label: "invoices.title.companyName", required: true },
  { name: "taxId", label: "invoices.title.taxId", required: true, hint: "invoices.title.taxIdHint" },
  { name: "address", label: "invoices.title.address" },
  { name: "phone", label: "invoices.title.phone" },
  { name: "bankName", label: "invoices.title.bankName" },
  { name: "bankAccount", label: "invoices.title.bankAccount" },
] as const;

/**
 * Adds an invoice title (发票抬头); the last four fields are needed for a 专票 only. `defaults` come
 * from the company profile (its name), so the usual title needs only the tax id; the customer can
 * change them. The profile's contact phone is not the registered phone a 专票 prints, so it is not
 * copied.
 */
export function TitleForm({ action, defaults = {} }: { action: FormAction<InvoiceFormState>; defaults?: Partial<Record<(typeof FIELDS)[number]["name"], string>> }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  // Controlled: React resets an action form after each submission, and a refused title must keep what was typed.
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...defaults }));
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <Field
            key={f.name}
            name={f.name}
            label={t(f.label)}
            required={"required" in f}
            value={values[f.name] ?? ""}
            onChange={(event) => setValues((v) => ({ ...v, [f.name]: event.target.value }))}
            hint={"hint" in f ? t(f.hint) : undefined}
            error={state.field === f.name && state.error ? errorMessage(t, state.error, state.params) : undefined}
          />
        ))}
      </div>
      <p className="text-xs text-muted">{t("invoices.title.specialNote")}</p>
      {state.error && !FIELDS.some((f) => f.name === state.field) ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
      {state.done ? <Alert tone="success">{t("invoices.title.added")}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {t("invoices.title.add")}
      </Button>
    </form>
  );
}
