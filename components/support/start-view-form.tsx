"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import type { FormState } from "@/lib/actions/form-state";

type State = FormState;
type StartAction = (state: State, formData: FormData) => Promise<State>;

/** "View as customer": a written reason (≥ 10 characters) and an optional ticket reference. */
export function StartViewForm({ action, accountId }: { action: StartAction; accountId: string }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState<State, FormData>(action, {});
  const { value, error, formError } = useFormFields(state);
  const refusal = formError(["reason", "ticketRef"]);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      <Field label={t("staff.view.reason")} name="reason" required minLength={10} maxLength={500} defaultValue={value("reason")} error={error("reason")} />
      <Field label={t("staff.view.ticket")} name="ticketRef" maxLength={100} defaultValue={value("ticketRef")} error={error("ticketRef")} />
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {t("staff.view.start")}
      </Button>
    </form>
  );
}
