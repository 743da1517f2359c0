"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { errorMessage } from "@/lib/i18n/translator";

/** Company name and contact phone, saved together; a refused field is named and keeps what was typed. */
export interface ProfileState {
  error?: string;
  field?: string;
  saved?: boolean;
}

export function ProfileForm({ companyName, contactPhone, save }: { companyName: string; contactPhone: string; save: FormAction<ProfileState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<ProfileState, FormData>(save, {});
  const error = state.error ? errorMessage(t, state.error) : undefined;
  return (
    <form action={action} className="max-w-lg space-y-4">
      <Field label={t("profile.company")} name="companyName" defaultValue={companyName} required maxLength={100} autoComplete="organization" error={state.field === "companyName" ? error : undefined} />
      <Field
        label={t("profile.phone")}
        name="contactPhone"
        type="tel"
        defaultValue={contactPhone}
        autoComplete="tel"
        hint={t("profile.phone.hint")}
        error={state.field === "contactPhone" ? error : undefined}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("profile.saving") : t("profile.save")}
      </Button>
      <div aria-live="polite">{state.saved ? <Alert tone="success">{t("profile.saved")}</Alert> : null}</div>
    </form>
  );
}
