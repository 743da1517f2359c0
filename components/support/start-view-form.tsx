"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { errorMessage } from "@/lib/i18n/translator";

type State = { error?: string; field?: string; params?: Record<string, string | number> };
type StartAction = (state: State, formData: FormData) => Promise<State>;

/** "View as customer": a written reason (≥ 10 characters) and an optional ticket reference. */
export function StartViewForm({ action, accountId }: { action: StartAction; accountId: string }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      <Field label={t("staff.view.reason")} name="reason" required minLength={10} maxLength={500} error={state.field === "reason" ? errorMessage(t, state.error ?? "support-reason") : undefined} />
      <Field label={t("staff.view.ticket")} name="ticketRef" maxLength={100} />
      {state.error && state.field !== "reason" ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {t("staff.view.start")}
      </Button>
    </form>
  );
}
