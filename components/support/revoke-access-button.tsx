"use client";

import { useActionState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/i18n/translator";

type RevokeAction = (state: { error?: string }, formData: FormData) => Promise<{ error?: string }>;

export function RevokeAccessButton({ action, sessionId }: { action: RevokeAction; sessionId: string }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="mt-3 space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      {state.error ? <Alert tone="error">{errorMessage(t, state.error)}</Alert> : null}
      <Button type="submit" variant="danger" disabled={pending}>
        {t("security.live.revoke")}
      </Button>
    </form>
  );
}
