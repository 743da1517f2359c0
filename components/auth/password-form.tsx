"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrorText } from "@/components/ui/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { errorMessage, type MessageKey } from "@/lib/i18n/translator";

/** A refusal, each field's rule (a catalog key), and what was typed but passwords. */
export interface PasswordFormState extends FormState {
  /** A success note (e.g. "the link is on its way"). */
  notice?: MessageKey;
  noticeParams?: Record<string, string>;
}

export interface PasswordField {
  name: string;
  label: MessageKey;
  type: "email" | "password" | "text";
  autoComplete: string;
  hint?: MessageKey;
}

type Action = (state: PasswordFormState, formData: FormData) => Promise<PasswordFormState>;

/**
 * The change-password, forgot-password and reset-password forms: fields, errors beside them, one button.
 * `inConsole`: a form on a console page has a button of its own width; on a sign-in card it is the
 * card's full width, like the other sign-in forms.
 */
export function PasswordForm({ action, fields, hidden = {}, submitLabel, inConsole = false }: { action: Action; fields: PasswordField[]; hidden?: Record<string, string>; submitLabel: MessageKey; inConsole?: boolean }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? <Alert tone="error">{errorMessage(t, state.error)}</Alert> : null}
      {state.notice ? <Alert tone="success">{t(state.notice, state.noticeParams)}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const error = fieldErrorText(t, state.fieldErrors?.[field.name]);
        return (
          <Field
            key={field.name}
            label={t(field.label)}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            required
            hint={field.hint ? t(field.hint) : undefined}
            defaultValue={field.type === "password" ? undefined : state.values?.[field.name]}
            error={error}
          />
        );
      })}
      <Button type="submit" className={inConsole ? "w-full sm:w-auto" : "w-full"} disabled={pending}>
        {pending ? t("auth.pending") : t(submitLabel)}
      </Button>
    </form>
  );
}
