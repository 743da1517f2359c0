"use client";

import Link from "@/components/ui/app-link";
import { useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { returnPathWith } from "@/lib/auth/redirect-target";
import { errorMessage } from "@/lib/i18n/translator";

export interface SandboxPayState {
  error?: string;
}

export function SandboxPayForm({ orderId, returnPath, amountLabel, pay }: { orderId: string; returnPath: string; amountLabel: string; pay: FormAction<SandboxPayState> }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<SandboxPayState, FormData>(pay, {});
  return (
    <form action={action} className="space-y-3">
      {state.error ? <Alert tone="error">{errorMessage(t, state.error)}</Alert> : null}
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="return" value={returnPath} />
      <Button type="submit" disabled={pending} className="w-full">
        {t("sandbox.pay", { amount: amountLabel })}
      </Button>
      <Link href={returnPathWith(returnPath, { cancelled: "1" }, "/balance")} className={buttonClass("secondary", "w-full")}>
        {t("sandbox.cancel")}
      </Link>
    </form>
  );
}
