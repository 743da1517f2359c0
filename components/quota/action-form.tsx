"use client";

import { useActionState, useRef, type ReactNode } from "react";
import type { FormAction } from "@/components/ui/form-action";
import type { QuotaFormState } from "./form-state";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRestoreInput } from "@/components/ui/form-fields";
import { errorMessage, type MessageKey } from "@/lib/i18n/translator";

type Action = FormAction<QuotaFormState>;

/** A small form bound to one server action: shows the service's error, or a success line. */
export function ActionForm({
  action,
  submit,
  doneMessage,
  confirm,
  variant = "primary",
  children,
}: {
  action: Action;
  submit: MessageKey;
  doneMessage?: MessageKey;
  confirm?: MessageKey;
  variant?: "primary" | "secondary";
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState<QuotaFormState, FormData>(action, {});
  const form = useRef<HTMLFormElement>(null);
  // The fields are the page's (server-rendered children): a refused submit puts what was typed back.
  useRestoreInput(form, state);
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(t(confirm))) event.preventDefault();
      }}
      className="space-y-3"
    >
      {children}
      {state.error ? <Alert tone="error">{errorMessage(t, state.error, state.params)}</Alert> : null}
      {state.done && doneMessage ? <Alert tone="success">{t(doneMessage)}</Alert> : null}
      <Button type="submit" variant={variant} disabled={pending}>
        {t(submit)}
      </Button>
    </form>
  );
}
