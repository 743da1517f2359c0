"use client";

import { useActionState, useRef } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { errorMessage, isMessageKey } from "@/lib/i18n/translator";
import { yuanText } from "@/lib/pricing/money-text";

export interface RefundState {
  error?: string;
  reason?: string;
}

export interface RefundPreviewView {
  cash: string;
  income: string;
  gift: string;
  total: string;
  voucherNotReturned: string;
  review: boolean;
}

/**
 * Asks for a pack's refund (SPEC §4) after a confirmation dialog that says what comes back to cash,
 * income and gift, that the voucher part does not, and whether the refund goes to review.
 */
export function RefundButton({ packId, until, name, preview, refund }: { packId: string; until: string; name: string; preview: RefundPreviewView; refund: FormAction<RefundState> }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useActionState<RefundState, FormData>(refund, {});
  const why = state.reason ? `packs.refund.why.${state.reason}` : null;
  const titleId = `refund-title-${packId}`;
  const rows: [string, string, string][] = [
    ["cash", t("refundDialog.cash"), preview.cash],
    ["income", t("refundDialog.income"), preview.income],
    ["gift", t("refundDialog.gift"), preview.gift],
  ];
  return (
    <div className="space-y-1">
      <p className="text-xs text-muted">{t("packs.refundableUntil", { date: until })}</p>
      <Button type="button" variant="secondary" className="px-3 py-1 text-xs" disabled={pending} aria-label={t("refundDialog.open", { name })} onClick={() => dialog.current?.showModal()}>
        {t("packs.refund")}
      </Button>
      {state.error ? (
        <p role="alert" className="text-xs text-red-600">
          {why && isMessageKey(why) ? t(why, { date: until }) : errorMessage(t, state.error)}
        </p>
      ) : null}
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-line bg-white p-5 text-sm text-ink shadow-xl backdrop:bg-ink/40">
        <form action={action} onSubmit={() => dialog.current?.close()} className="space-y-4">
          <input type="hidden" name="packId" value={packId} />
          <h2 id={titleId} className="text-base font-semibold">
            {t("refundDialog.title", { name })}
          </h2>
          <p className="text-muted">{t("refundDialog.intro")}</p>
          <dl className="tabular space-y-1" data-testid="refund-dialog-split">
            {rows.map(([key, label, amount]) => (
              <div key={key} className="flex justify-between gap-4" data-testid={`refund-to-${key}`}>
                <dt>{label}</dt>
                <dd>{yuanText(amount)}</dd>
              </div>
            ))}
            <div className="flex justify-between gap-4 border-t border-line pt-1 font-semibold">
              <dt>{t("refundDialog.total")}</dt>
              <dd>{yuanText(preview.total)}</dd>
            </div>
            <div className="flex justify-between gap-4 text-muted" data-testid="refund-voucher">
              <dt>{t("refundDialog.voucher")}</dt>
              <dd>{yuanText(preview.voucherNotReturned)}</dd>
            </div>
          </dl>
          <p className={preview.review ? "rounded-md bg-amber-50 px-3 py-2 text-amber-900" : "text-muted"} data-testid="refund-review">
            {t(preview.review ? "refundDialog.review" : "refundDialog.instant")}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              {t("refundDialog.cancel")}
            </Button>
            <Button type="submit">{t("refundDialog.confirm", { total: yuanText(preview.total) })}</Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
