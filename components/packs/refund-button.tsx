"use client";

import { useActionState } from "react";
import { refundAction, type RefundState } from "@/app/(console)/packs/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { errorMessage, isMessageKey } from "@/lib/i18n/translate";

/** One click asks for the refund (SPEC §4), after the browser's confirmation. */
export function RefundButton({ packId, until, reviewed = false }: { packId: string; until: string; reviewed?: boolean }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState<RefundState, FormData>(refundAction, {});
  const why = state.reason ? `packs.refund.why.${state.reason}` : null;
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t(reviewed ? "packs.refund.confirmReview" : "packs.refund.confirm"))) event.preventDefault();
      }}
      className="space-y-1"
    >
      <input type="hidden" name="packId" value={packId} />
      <p className="text-xs text-muted">{t("packs.refundableUntil", { date: until })}</p>
      <Button type="submit" variant="secondary" className="px-3 py-1 text-xs" disabled={pending}>
        {t("packs.refund")}
      </Button>
      {state.error ? (
        <p role="alert" className="text-xs text-red-600">
          {why && isMessageKey(why) ? t(why, { date: until }) : errorMessage(t, state.error)}
        </p>
      ) : null}
    </form>
  );
}
