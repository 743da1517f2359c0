"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { errorMessage } from "@/lib/i18n/translator";

type StopAction = (state: { error?: string }, formData: FormData) => Promise<{ error?: string }>;

export function StopViewingButton({ action }: { action: StopAction }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex items-center gap-2">
      {state.error ? <span role="alert">{errorMessage(t, state.error)}</span> : null}
      <button type="submit" disabled={pending} className="rounded-md border border-white/70 bg-white px-3 py-1 text-sm font-medium text-violet-900 hover:bg-violet-50">
        {t("supportView.stop")}
      </button>
    </form>
  );
}
