"use client";

import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { errorMessage } from "@/lib/i18n/translator";
import type { InvoiceFormState } from "./form-state";

export interface RequestFormTitle {
  id: string;
  companyName: string;
  taxId: string;
  specialReady: boolean;
}
export interface RequestFormOrder {
  id: string;
  name: string;
  date: string;
  cash: string;
  cashText: string;
}
export interface RequestFormMonth {
  month: string;
  available: string;
  availableText: string;
}

/**
 * Requests an invoice: title, 电子普票 or 专票, by month (an amount up to what the month has left) or
 * by orders (exactly what they paid in cash), and the email to receive it.
 */
export function RequestInvoiceForm({
  action,
  titles,
  months,
  orders,
  email,
}: {
  action: FormAction<InvoiceFormState>;
  titles: RequestFormTitle[];
  months: RequestFormMonth[];
  orders: RequestFormOrder[];
  email: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  const [basis, setBasis] = useState<"month" | "orders">(months.length ? "month" : "orders");
  const error = (field: string) => (state.field === field && state.error ? errorMessage(t, state.error, state.params) : undefined);
  const placed = ["titleId", "type", "month", "amount", "orderIds", "email"];
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <SelectField id="titleId" name="titleId" label={t("invoices.request.title")} required>
        {titles.map((title) => (
          <option key={title.id} value={title.id}>
            {title.companyName} · {title.taxId}
          </option>
        ))}
      </SelectField>
      {error("titleId") ? <p className="text-xs text-red-600">{error("titleId")}</p> : null}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-ink">{t("invoices.request.type")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="type" value="normal" defaultChecked /> {t("invoices.type.normal")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="type" value="special" /> {t("invoices.type.special")}
        </label>
        {error("type") ? <p className="text-xs text-red-600">{error("type")}</p> : null}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-ink">{t("invoices.request.basis")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="basis" value="month" checked={basis === "month"} onChange={() => setBasis("month")} /> {t("invoices.basis.month")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="basis" value="orders" checked={basis === "orders"} onChange={() => setBasis("orders")} /> {t("invoices.basis.orders")}
        </label>
      </fieldset>
      {basis === "month" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField id="month" name="month" label={t("invoices.request.month")} required>
            {months.map((m) => (
              <option key={m.month} value={m.month}>
                {t("invoices.request.monthOption", { month: m.month, available: m.availableText })}
              </option>
            ))}
          </SelectField>
          <Field name="amount" label={t("invoices.request.amount")} inputMode="decimal" defaultValue={months[0]?.available} required error={error("amount") ?? error("month")} />
        </div>
      ) : (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-ink">{t("invoices.request.orders")}</legend>
          {orders.length === 0 ? <p className="text-sm text-muted">{t("invoices.request.noOrders")}</p> : null}
          <ul className="max-h-64 space-y-1 overflow-y-auto">
            {orders.map((o) => (
              <li key={o.id}>
                <label className="flex flex-wrap items-center gap-2 text-sm">
                  <input type="checkbox" name="orderIds" value={o.id} />
                  <span>{o.name}</span>
                  <span className="text-muted">{o.date}</span>
                  <span className="tabular">{o.cashText}</span>
                </label>
              </li>
            ))}
          </ul>
          {error("orderIds") ? <p className="text-xs text-red-600">{error("orderIds")}</p> : null}
        </fieldset>
      )}
      <Field name="email" type="email" label={t("invoices.request.email")} defaultValue={email} required error={error("email")} />
      {state.error && !placed.includes(state.field ?? "") ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
      {state.done ? <Alert tone="success">{t("invoices.request.done")}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {t("invoices.request.submit")}
      </Button>
    </form>
  );
}
