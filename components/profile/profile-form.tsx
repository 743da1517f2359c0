"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import type { FormState } from "@/lib/actions/form-state";

/** Company name and contact phone, saved together; a refused field is named and keeps what was typed. */
export interface ProfileState extends FormState {
  saved?: boolean;
}

export function ProfileForm({ companyName, contactPhone, save }: { companyName: string; contactPhone: string; save: FormAction<ProfileState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<ProfileState, FormData>(save, {});
  // After a refused submit both fields show what was typed, not what is stored (React resets the form to these).
  const { value, error, formError } = useFormFields(state);
  const refusal = formError(["companyName", "contactPhone"]);
  return (
    <form action={action} className="max-w-lg space-y-4">
      <Field label={t("profile.company")} name="companyName" defaultValue={value("companyName", companyName)} required maxLength={100} autoComplete="organization" error={error("companyName")} />
      <Field
        label={t("profile.phone")}
        name="contactPhone"
        type="tel"
        defaultValue={value("contactPhone", contactPhone)}
        autoComplete="tel"
        hint={unbrokenPhones(t("profile.phone.hint"))}
        error={error("contactPhone")}
      />
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("profile.saving") : t("profile.save")}
      </Button>
      <div aria-live="polite">{state.saved ? <Alert tone="success">{t("profile.saved")}</Alert> : null}</div>
    </form>
  );
}

/** The example phone number in a hint ("+86 138 0000 0000") never breaks across lines. */
function unbrokenPhones(text: string): string {
  return text.replace(/\+\d[\d ]*\d/g, (phone) => phone.replaceAll(" ", "\u00a0"));
}
