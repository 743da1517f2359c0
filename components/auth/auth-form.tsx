"use client";

import { useSearchParams } from "next/navigation";
import { Suspense, useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { FormState } from "@/lib/actions/form-state";
import { safeReturnPath } from "@/lib/auth/redirect-target";
import type { MessageKey } from "@/lib/i18n/translator";

/** A refusal (`errors.<code>`), each field's rule, and what was typed but the password. */
export type AuthFormState = FormState;

type Action = FormAction<AuthFormState>;

/**
 * The return target from the page's own query (`?callbackUrl=`), read in the browser so the sign-in
 * page can be prerendered. Made safe here for the form; the action makes it safe again (it is input).
 */
function CallbackFromQuery() {
  const target = useSearchParams().get("callbackUrl");
  return target ? <input type="hidden" name="callbackUrl" value={safeReturnPath(target, "/")} /> : null;
}

/** The sign-in, staff sign-in and sign-up form: same fields, same error handling. */
export function AuthForm({
  action,
  submitLabel,
  callbackUrl,
  withCompany = false,
  newPassword = false,
}: {
  action: Action;
  submitLabel: MessageKey;
  /** A fixed target, or "query": the page's `?callbackUrl=`. */
  callbackUrl?: string;
  withCompany?: boolean;
  newPassword?: boolean;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState<AuthFormState, FormData>(action, {});
  const { value, error: fieldError, formError } = useFormFields(state);
  const refusal = formError([]);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      {callbackUrl === "query" ? (
        <Suspense fallback={null}>
          <CallbackFromQuery />
        </Suspense>
      ) : callbackUrl ? (
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
      ) : null}
      {withCompany ? <Field label={t("auth.field.company")} name="company" autoComplete="organization" required defaultValue={value("company")} error={fieldError("company")} /> : null}
      <Field label={t("auth.field.email")} name="email" type="email" autoComplete="email" required defaultValue={value("email")} error={fieldError("email")} />
      <Field
        label={t("auth.field.password")}
        name="password"
        type="password"
        autoComplete={newPassword ? "new-password" : "current-password"}
        required
        hint={newPassword ? t("auth.field.passwordHint") : undefined}
        error={fieldError("password")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("auth.pending") : t(submitLabel)}
      </Button>
    </form>
  );
}
