"use client";

import { useActionState, type ReactNode } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage, type MessageKey } from "@/lib/i18n/translator";

/** The state of every form on the members page: a refusal (`errors.<code>`) or what was done. */
export interface MemberFormState {
  error?: string;
  params?: Record<string, string | number>;
  field?: string;
  done?: MessageKey;
  doneParams?: Record<string, string>;
}

/**
 * One members-page form: the fields come from the server-rendered page as children, the action as a
 * prop; the answer is shown beside the button.
 */
export function MemberForm({
  action,
  submit,
  children,
  variant = "primary",
  testId,
}: {
  action: FormAction<MemberFormState>;
  submit: string;
  children?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState<MemberFormState, FormData>(action, {});
  return (
    <form action={formAction} className="space-y-3" data-testid={testId}>
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {submit}
      </Button>
      <div aria-live="polite">
        {state.error ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
        {state.done ? <Alert tone="success">{t(state.done, state.doneParams)}</Alert> : null}
      </div>
    </form>
  );
}
